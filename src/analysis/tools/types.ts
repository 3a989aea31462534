// What a tool is: one module per tool holding every part of it. A zod schema (the LLM's tool schema, the MCP
// input schema and the runtime validator at once); a run function that returns a short summary for the model
// plus the full rows and provenance; a view (rows → headline, table columns, chart, next questions); and the
// recommendations its rows support. A tool that forgets a part does not compile.
import type { z } from 'zod';
import type { ChartRequest, Intent, Language, TableColumn } from '../../core/answer.js';
import type { Provenance } from '../../core/provenance.js';
import type { Row } from '../../core/rows.js';
import type { MlService } from '../../ml/service.js';
import type { CatalogProvider } from '../../warehouse/catalog.js';
import type { Column } from '../../warehouse/port.js';
import type { Warehouse } from '../../warehouse/warehouse.js';
import type { ToolName } from './names.js';

export interface ToolContext {
  warehouse: Warehouse;
  catalog: CatalogProvider;
  currency: string;
  /** The ML simulators (simulate_budget, predict_revenue, segment_campaigns); without it they are NOT_IMPLEMENTED. */
  ml?: MlService;
}

export interface ToolOutput {
  tool: ToolName;
  /** A few lines of French with the key figures: what the model (or the offline composer) reads. */
  summary: string;
  rows: Row[];
  columns: Column[];
  provenance: Provenance;
  /** Caveats the answer must carry (e.g. no data in the range). */
  warnings: string[];
}

/** What the template composer says about one tool result. Figures come from the rows only. */
export interface ToolView {
  headline: string;
  /** The table's columns: warehouse names (labelled and formatted by src/core/columns), or columns spelled out
   * when their format depends on the result (a KPI's before/after); none = no table. */
  tableKeys: (string | TableColumn)[];
  /** KPI facts shown as fields (Slack section fields, Teams FactSet) from the first row. */
  factKeys?: string[];
  chart?: Omit<ChartRequest, 'id'>;
  followUps: string[];
}

export interface ToolDefinition<Schema extends z.ZodType = z.ZodType, Name extends ToolName = ToolName> {
  name: Name;
  /** `ml` tools need `context.ml` (NOT_IMPLEMENTED without it); `sql` tools read the warehouse only. */
  kind: 'sql' | 'ml';
  /** What a question answered by this tool is about (the answer's intent when a planner calls it first). */
  intent: Intent;
  description: string;
  schema: Schema;
  run(args: z.output<Schema>, context: ToolContext): Promise<ToolOutput>;
  view(output: ToolOutput, language: Language, currency: string): ToolView;
  /** Recommendations this result supports, most specific first (the composer keeps 2–4 over all outputs). */
  recommend(output: ToolOutput, language: Language, currency: string): string[];
}

export function defineTool<Name extends ToolName, Schema extends z.ZodType>(
  tool: ToolDefinition<Schema, Name>,
): ToolDefinition<Schema, Name> {
  return tool;
}
