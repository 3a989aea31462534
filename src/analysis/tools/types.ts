// What a tool is: a zod schema (the LLM's tool schema and the runtime validator at once) and a run function
// that returns a short summary for the model plus the full rows and provenance for rendering.
import type { z } from 'zod';
import type { Provenance } from '../../core/provenance.js';
import type { Row } from '../../core/rows.js';
import type { MlService } from '../../ml/service.js';
import type { CatalogProvider } from '../../warehouse/catalog.js';
import type { Column } from '../../warehouse/port.js';
import type { Warehouse } from '../../warehouse/warehouse.js';

export interface ToolContext {
  warehouse: Warehouse;
  catalog: CatalogProvider;
  currency: string;
  /** The ML simulators (simulate_budget, predict_revenue, segment_campaigns); without it they are NOT_IMPLEMENTED. */
  ml?: MlService;
}

export interface ToolOutput {
  tool: string;
  /** A few lines of French with the key figures: what the model (or the offline composer) reads. */
  summary: string;
  rows: Row[];
  columns: Column[];
  provenance: Provenance;
  /** Caveats the answer must carry (e.g. no data in the range). */
  warnings: string[];
}

export interface ToolDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  schema: Schema;
  run(args: z.output<Schema>, context: ToolContext): Promise<ToolOutput>;
}

export function defineTool<Schema extends z.ZodType>(tool: ToolDefinition<Schema>): ToolDefinition<Schema> {
  return tool;
}
