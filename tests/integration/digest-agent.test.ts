// digest_admin through the real app and agent: « digest chaque lundi à 9h », « mes digests », « arrête le
// digest 1 » in one conversation subscribe, list and remove that conversation's digest; another conversation
// neither sees nor removes it. Also: a data refresh through the app records the ROI snapshot for alerts.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { createRecordingAdapter } from '../fakes/recording-adapter.js';

const dir = mkdtempSync(join(tmpdir(), 'digest-agent-'));
const adapter = createRecordingAdapter({ now: () => Date.now() });
let app: App;

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DUCKDB_PATH: ':memory:',
    STATE_DIR: dir,
  });
  app = await createApp(config, { deliveryPorts: { slack: adapter } });
});
afterAll(async () => {
  await app.close();
});

const here = 'slack:T1:C1:1712.0001';
const elsewhere = 'slack:T1:C2:1712.0002';
const ask = (conversation: string, text: string) => app.agent.ask({ conversation, text });

test('add, list and remove a digest from the chat, for the asking conversation only', async () => {
  const added = await ask(here, 'digest chaque lundi à 9h');
  expect(added.intent).toBe('digest_admin');
  expect(added.errorCode).toBeUndefined();
  expect(added.text).toMatch(/C'est noté : digest n° 1 : « 0 9 \* \* 1 » \(Europe\/Zurich\)/);
  expect(added.text).toMatch(/prochain envoi : lundi/);
  expect(await app.digests.list()).toMatchObject([
    { id: '1', target: here, cron: '0 9 * * 1', roiThreshold: 0 },
  ]);

  expect((await ask(elsewhere, 'mes digests')).text).toMatch(
    /Aucun digest programmé dans cette conversation/,
  );
  const listed = await ask(here, 'mes digests');
  expect(listed.text).toMatch(/Digests de cette conversation :\n• n° 1 : « 0 9 \* \* 1 »/);

  const refused = await ask(elsewhere, 'arrête le digest 1');
  expect(refused.text).toMatch(/^Aucun digest n° 1\./);
  expect(refused.errorCode).toBe('INVALID_ARGUMENTS');

  expect((await ask(here, 'arrête le digest 1')).text).toBe('Digest n° 1 arrêté.');
  expect(await app.digests.list()).toEqual([]);
  expect((await ask(here, 'mes digests')).text).toMatch(/Aucun digest/);
  expect(adapter.posts).toEqual([]);
});

test('a data refresh through the app runs the ROI alert check (first one records the snapshot)', async () => {
  await app.data.rebuild();
  expect(existsSync(join(dir, 'roi-snapshot.json'))).toBe(true);
  expect(await app.digests.checkAlerts()).toMatchObject({ baseline: false, crossings: 0 });
});
