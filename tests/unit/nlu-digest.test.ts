// Digest administration requests: add (with a cron expression), list, remove (with an id), or a question back.
import { expect, test } from '@jest/globals';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

const plan = (text: string) => planOffline({ text, catalog: SAMPLE_CATALOG });

test.each([
  ['digest chaque lundi à 9h', { action: 'add', cron: '0 9 * * 1' }],
  ['un digest tous les jours à 8h30', { action: 'add', cron: '30 8 * * *' }],
  ['digest every Friday at 5pm', { action: 'add', cron: '0 17 * * 5' }],
  ['digest le lundi et le jeudi à 7:15', { action: 'add', cron: '15 7 * * 1,4' }],
  ['digest en semaine à midi', { action: 'add', cron: '0 12 * * 1-5' }],
  ['digest le 1er de chaque mois à 10h', { action: 'add', cron: '0 10 1 * *' }],
  ['mes digests', { action: 'list' }],
  ['digests', { action: 'list' }],
  ['show my digests', { action: 'list' }],
  ['arrête le digest 2', { action: 'remove', id: '2' }],
  ['supprime le digest n° 12', { action: 'remove', id: '12' }],
  ['stop digest #3', { action: 'remove', id: '3' }],
])('« %s »', (text, digest) => {
  const result = plan(text);
  expect(result.intent).toBe('digest_admin');
  expect(result.calls).toEqual([]);
  expect(result.digest).toEqual(digest);
});

test('a digest without a day is weekly on Monday, without a time at 9:00, with lower confidence', () => {
  const result = plan('digest chaque semaine');
  expect(result.digest).toEqual({ action: 'add', cron: '0 9 * * 1' });
  expect(result.confidence).toBeLessThan(0.8);
});

test('missing schedule or id → a question back, in the user language', () => {
  expect(plan('arrête le digest').clarification).toMatch(/Quel digest/);
  expect(plan('create a new digest').clarification).toMatch(/When should/);
  expect(plan('ajoute un digest').digest).toBeUndefined();
});
