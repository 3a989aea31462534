// Shared by the ML tools: the ML service from the context (NOT_IMPLEMENTED without one) and the ToolOutput
// of an ML result, whose provenance lists every named query the simulator read.
import { AppError } from '../../core/errors.js';
import type { Row } from '../../core/rows.js';
import type { MlResultBase, MlService } from '../../ml/service.js';
import type { Column } from '../../warehouse/port.js';
import type { ToolName } from './names.js';
import type { ToolContext, ToolOutput } from './types.js';

export function mlOf(context: ToolContext, tool: string): MlService {
  if (!context.ml) throw new AppError('NOT_IMPLEMENTED', `${tool}: no ML service in the tool context`);
  return context.ml;
}

export function mlOutput(
  tool: ToolName,
  args: Record<string, unknown>,
  result: MlResultBase,
  output: { summary: string; rows: Row[]; columns: Column[]; warnings?: string[] },
): ToolOutput {
  return {
    tool,
    summary: output.summary,
    rows: output.rows,
    columns: output.columns,
    warnings: [...result.warnings, ...(output.warnings ?? [])],
    provenance: {
      tool,
      args,
      sql: result.queries.map((query) => query.sql).join(';\n'),
      params: result.queries.flatMap((query) => query.params),
      rows: output.rows,
      rowCount: output.rows.length,
      ms: result.ms,
    },
  };
}

export const money = (name: string): Column => ({ name, type: 'double' });
