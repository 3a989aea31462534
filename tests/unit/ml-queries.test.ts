// The ML named queries pass the read policy of the SQL guard (like every query in queries.ts), with their
// LIMIT bound as a parameter within the row cap.
import { describe, expect, test } from '@jest/globals';
import { guardStatement } from '../../src/warehouse/guard.js';
import {
  mlCampaignKpisQuery,
  mlTotalsQuery,
  mlTrainingRowsQuery,
  TRAINING_COLUMNS,
} from '../../src/warehouse/ml-queries.js';

const settings = { maxRows: 10_000, timeoutMs: 5000 };

describe('every ML query passes the read policy', () => {
  const statements = [
    mlTrainingRowsQuery({ limit: 10_000 }),
    mlTrainingRowsQuery({ category: "social' OR 1=1", limit: 500 }),
    mlTotalsQuery({}),
    mlTotalsQuery({ category: 'search' }),
    mlCampaignKpisQuery({ limit: 10_000 }),
  ];
  test.each(statements.map((statement) => [statement.name, statement] as const))('%s', (_name, statement) => {
    expect(guardStatement(statement, 'read', settings)).toEqual(settings);
  });

  test('values are bound parameters, never text in the SQL', () => {
    const statement = mlTrainingRowsQuery({ category: "social' OR 1=1", limit: 500 });
    expect(statement.sql).not.toContain('social');
    expect(statement.params).toEqual(["social' OR 1=1", 500, 500]);
    expect(statement.sql).toContain(TRAINING_COLUMNS.join(', '));
  });

  test('a training LIMIT above the row cap is refused by the guard', () => {
    expect(() => guardStatement(mlTrainingRowsQuery({ limit: 10_001 }), 'read', settings)).toThrow(
      expect.objectContaining({ code: 'SQL_REJECTED' }),
    );
  });
});
