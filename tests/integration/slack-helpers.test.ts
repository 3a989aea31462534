// The Slack adapter's small parts: secret scrubbing of SDK log lines, conversation references, allow-lists, the
// bounded caches behind dedupe and the buttons, and the provenance message's Slack limits.
import { Writable } from 'node:stream';
import { expect, test } from '@jest/globals';
import { createDedupe, createLru } from '../../adapters/shared/lru.js';
import { checkAccess } from '../../adapters/slack/access.js';
import { scrubSecrets, toBoltLogger } from '../../adapters/slack/bolt-logger.js';
import { provenanceMessage } from '../../adapters/slack/provenance-message.js';
import { conversationKey, parseSlackRef } from '../../adapters/slack/refs.js';
import { describeSlackError, slackFailureMessage } from '../../adapters/slack/slack-errors.js';
import { escapeSlack, questionText } from '../../adapters/slack/slack-text.js';
import { createLogger } from '../../src/core/logger.js';

test('token-shaped strings and the Socket Mode ticket are masked in SDK log lines', () => {
  const line = scrubSecrets(
    'token xoxb-123-456-abcDEF and xapp-1-A1-999-zz, url wss://wss.slack.com/link/?ticket=abc-123&app_id=A1',
  );
  expect(line).not.toMatch(/xoxb-123|xapp-1-A1|abc-123/);
  expect(line).toContain('ticket=[redacted]');
  expect(line).toContain('app_id=A1');
});

test('the Bolt logger bridge writes through pino at INFO and above, scrubbed', () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const bolt = toBoltLogger(logger);
  bolt.debug('http request body: {"text":"private question"}');
  bolt.info('connected with', { token: 'xoxb-9-9-secret' });
  bolt.error(new Error('boom xapp-1-2-3'));
  const text = lines.join('');
  expect(text).not.toContain('private question');
  expect(text).not.toContain('xoxb-9-9-secret');
  expect(text).not.toContain('xapp-1-2-3');
  expect(lines).toHaveLength(2);
  expect(JSON.parse(lines[0]!)).toMatchObject({ component: 'slack-sdk', level: 30 });
});

test('conversation references round-trip and bad ones are refused', () => {
  expect(conversationKey({ team: 'T1', channel: 'C1', threadTs: '1712.0001' })).toBe('slack:T1:C1:1712.0001');
  expect(parseSlackRef('slack:T1:C1')).toEqual({ team: 'T1', channel: 'C1' });
  expect(parseSlackRef('slack:T1:C1:1712.0001')).toEqual({
    team: 'T1',
    channel: 'C1',
    threadTs: '1712.0001',
  });
  expect(() => parseSlackRef('teams:abc')).toThrow(/Slack conversation reference/);
});

test('allow-lists: empty allows all; otherwise team and channel must both be listed', () => {
  const open = { allowedTeamIds: [], allowedChannelIds: [] };
  expect(checkAccess(open, { team: 'T1', channel: 'C1' })).toEqual({ allowed: true });
  const closed = { allowedTeamIds: ['T1'], allowedChannelIds: ['C1'] };
  expect(checkAccess(closed, { team: 'T2', channel: 'C1' })).toEqual({ allowed: false, reason: 'team' });
  expect(checkAccess(closed, { team: undefined, channel: 'C1' })).toEqual({ allowed: false, reason: 'team' });
  expect(checkAccess(closed, { team: 'T1', channel: 'D9' })).toEqual({ allowed: false, reason: 'channel' });
  expect(checkAccess(closed, { team: 'T1', channel: 'C1' })).toEqual({ allowed: true });
});

test('the LRU evicts the least recently used entry; dedupe says yes once per id', () => {
  const lru = createLru<string, number>(2);
  lru.set('a', 1);
  lru.set('b', 2);
  lru.get('a');
  lru.set('c', 3);
  expect([lru.has('a'), lru.has('b'), lru.has('c'), lru.size]).toEqual([true, false, true, 2]);
  const dedupe = createDedupe(10);
  expect([dedupe.firstTime('Ev1'), dedupe.firstTime('Ev1'), dedupe.firstTime('Ev2')]).toEqual([
    true,
    false,
    true,
  ]);
});

test('Web API failures become French sentences naming what to do', () => {
  const missing = describeSlackError({
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: 'missing_scope', needed: 'files:write' },
  });
  expect(missing).toEqual({ error: 'missing_scope', needed: 'files:write' });
  expect(slackFailureMessage(missing)).toContain('« files:write »');
  expect(slackFailureMessage({ error: 'not_in_channel' }, 'UBOT')).toContain('/invite <@UBOT>');
});

test('the provenance message stays within Slack limits even for huge SQL', () => {
  const sql = `SELECT ${'x, '.repeat(5000)}y FROM marketing_kpi`;
  const message = provenanceMessage(
    Array.from({ length: 30 }, (_, i) => ({
      tool: `t${i}`,
      args: {},
      sql,
      params: [i],
      rows: [],
      rowCount: 0,
      ms: 1,
    })),
  );
  const blocks = message.blocks as { text: { text: string } }[];
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) expect(block.text.text.length).toBeLessThanOrEqual(3000);
  expect(message.text.length).toBeLessThanOrEqual(4000);
  expect(provenanceMessage([]).text).toMatch(/aucune donnée/);
});

test('incoming Slack text is decoded for the agent; echoed text is escaped so it cannot ping or link', () => {
  expect(questionText('<@UBOT> ROI &gt; 2 &amp; CPA &lt; 10 sur <https://x.example|le site>', 'UBOT')).toBe(
    'ROI > 2 & CPA < 10 sur le site',
  );
  expect(questionText('<@UBOT|marketing-bot>   Top 5  ', 'UBOT')).toBe('Top 5');
  expect(escapeSlack('<!channel> a & b')).toBe('&lt;!channel&gt; a &amp; b');
});
