// Secret-shaped values are masked inside any logged string, whatever the key they sit under.
import { Writable } from 'node:stream';
import { expect, test } from '@jest/globals';
import { createLogger } from '../../src/core/logger.js';
import { maskSecretValues } from '../../src/core/secrets.js';

test.each([
  ['Incorrect API key provided: sk-proj-AbC123xyz_456', 'sk-proj-AbC123xyz_456'],
  ['token xoxb-1111-2222-abcdefABCDEF refused', 'xoxb-1111-2222-abcdefABCDEF'],
  ['app token xapp-1-A111-222-abcdef', 'xapp-1-A111-222-abcdef'],
  ['PAT dapi0123456789abcdef0123456789abcdef-2 invalid', 'dapi0123456789abcdef0123456789abcdef-2'],
  ['header Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig', 'eyJhbGciOiJSUzI1NiJ9.e30.sig'],
])('%s', (text, secret) => {
  const masked = maskSecretValues(text);
  expect(masked).not.toContain(secret);
  expect(masked).toContain('[redacted]');
});

test('ordinary text is left alone (campaign names, SQL, numbers)', () => {
  const text = 'facebook_lal ROI −88,6 % ; SELECT * FROM marketing_kpi WHERE category = ? ; task-1234 sketch';
  expect(maskSecretValues(text)).toBe(text);
});

test('a logged error message that echoes a key is masked in the log line', () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  logger.warn(
    { err: 'llm planner: 401 Incorrect API key provided: sk-live-SECRET12345' },
    'LLM planner failed',
  );
  logger.error(new Error('bad token xoxb-9-9-SECRETSECRET'));
  expect(lines.join('')).not.toMatch(/SECRET/);
  expect(lines).toHaveLength(2);
});
