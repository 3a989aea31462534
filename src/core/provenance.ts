// Where an answer's figures came from: one record per tool call, shown on demand (« Voir la requête SQL »)
// and printed by `npm run ask -- --json`.
import type { Row, SqlValue } from './rows.js';

export interface Provenance {
  tool: string;
  args: Record<string, unknown>;
  sql?: string;
  params?: readonly SqlValue[];
  rows: Row[];
  rowCount: number;
  ms: number;
}
