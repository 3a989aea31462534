// A question that finds no row (a period outside the data) gets one clear line: the period asked, the days the data
// holds (read from the sample CSV by hand: 1–28 February 2021), what to try; no figure, no headline over zero rows,
// no follow-up about figures that do not exist.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createAgent } from '../../agent/graph.js';
import { createOfflinePlanner } from '../../agent/nlu/offline-planner.js';
import { formatDay, formatPeriod } from '../../src/core/format.js';
import { silentLogger } from '../../src/core/logger.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
beforeAll(async () => {
  sample = await openSampleWarehouse();
});
afterAll(async () => {
  await sample.close();
});

const ask = (text: string) =>
  createAgent({
    tools: sample.context,
    offline: createOfflinePlanner(),
    logger: silentLogger(),
    maxQuestionChars: 2000,
  }).ask({ conversation: `empty-${text}`, text });

test.each([
  ['CA de google_hot en janvier', 'Aucune donnée du 1er au 31 janvier 2021.'],
  ['top 3 campagnes par CA en janvier', 'Aucune donnée du 1er au 31 janvier 2021.'],
  ['revenue in January?', 'No data from 1 to 31 January 2021.'],
])('« %s »: says the period and the data’s days', async (question, start) => {
  const answer = await ask(question);
  expect(answer.text.startsWith(start)).toBe(true);
  expect(answer.text).toMatch(/du 1er au 28 février 2021|from 1 to 28 February 2021/);
  expect(answer.text).not.toMatch(/CHF|: –|Les 0/);
  expect(answer.followUps).toEqual([]);
  expect(answer.charts).toEqual([]);
  expect(answer.provenance.every((call) => call.rowCount === 0)).toBe(true);
});

test.each([
  ['CA de février vs janvier ?', 'Aucune donnée du 1er au 31 janvier 2021.'],
  ["How does February's revenue compare with February 2020?", 'No data from 1 to 29 February 2020.'],
])(
  '« %s »: a comparison with a period outside the data says so, with no figure for the other side',
  async (question, start) => {
    const answer = await ask(question);
    expect(answer.text.startsWith(start)).toBe(true);
    expect(answer.text).toMatch(/du 1er au 28 février 2021|from 1 to 28 February 2021/);
    expect(answer.text).not.toMatch(/CHF|contre|against/);
    expect(answer.charts).toEqual([]);
    expect(answer.blocks.some((block) => block.type === 'table')).toBe(false);
  },
);

test('days are written the way people read them', () => {
  expect(formatDay('2021-02-01')).toBe('1er février 2021');
  expect(formatDay('2021-02-28')).toBe('28 février 2021');
  expect(formatDay('2021-02-28', 'en')).toBe('28 February 2021');
  expect(formatPeriod('2021-02-22', '2021-02-28')).toBe('du 22 au 28 février 2021');
  expect(formatPeriod('2021-01-20', '2021-02-28')).toBe('du 20 janvier au 28 février 2021');
  expect(formatPeriod('2020-12-28', '2021-01-03', 'en')).toBe('from 28 December 2020 to 3 January 2021');
  expect(formatPeriod('2021-02-28', '2021-02-28')).toBe('le 28 février 2021');
  expect(formatPeriod(undefined, '2021-02-10')).toBe("jusqu'au 10 février 2021");
});

test('no member past a threshold is said as such, not as « no data »', async () => {
  const answer = await ask('les campagnes avec un CPL au-dessus de 800 en search');
  expect(answer.text).toMatch(/^Aucune campagne n'a un coût par lead \(CPL\) supérieur à CHF\s800/);
  expect(answer.text).not.toMatch(/Aucune donnée/);
});

test('follow-up questions agree with the figure (« les commandes ont-elles », « le ROI a-t-il »)', async () => {
  expect((await ask('combien de commandes au total ?')).followUps).toContain(
    'Pourquoi les commandes ont-elles changé ?',
  );
  expect((await ask('combien de clics au total ?')).followUps).toContain(
    'Pourquoi les clics ont-ils changé ?',
  );
  expect((await ask('ROI de google_hot ?')).followUps).toContain('Pourquoi le ROI a-t-il changé ?');
});
