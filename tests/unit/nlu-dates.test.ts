// Date ranges relative to the data's last day (2021-02-28 for the sample), French and English.
import { expect, test } from '@jest/globals';
import { findDateRange } from '../../agent/nlu/dates.js';
import { prepare } from '../../agent/nlu/normalize.js';

const LAST = '2021-02-28';
const range = (text: string, last: string | null = LAST) => findDateRange(prepare(text), last);

test.each([
  ['en février', '2021-02-01', '2021-02-28'],
  ['in February 2021', '2021-02-01', '2021-02-28'],
  ['février 2020', '2020-02-01', '2020-02-29'],
  ['en janvier', '2021-01-01', '2021-01-31'],
  ['en mars', '2020-03-01', '2020-03-31'],
  ['la dernière semaine', '2021-02-22', '2021-02-28'],
  ['la semaine dernière', '2021-02-22', '2021-02-28'],
  ['last week', '2021-02-22', '2021-02-28'],
  ['les 14 derniers jours', '2021-02-15', '2021-02-28'],
  ['les quatorze derniers jours', '2021-02-15', '2021-02-28'],
  ['last 3 days', '2021-02-26', '2021-02-28'],
  ['les 2 dernières semaines', '2021-02-15', '2021-02-28'],
  ['du 1er au 14 février', '2021-02-01', '2021-02-14'],
  ['from 3 to 9 February', '2021-02-03', '2021-02-09'],
  ['between February 3 and 9', '2021-02-03', '2021-02-09'],
  ['first week of February', '2021-02-01', '2021-02-07'],
  ['la deuxième semaine de février', '2021-02-08', '2021-02-14'],
  ['last week of February', '2021-02-22', '2021-02-28'],
  ['le 10 février', '2021-02-10', '2021-02-10'],
  ['20 fév', '2021-02-20', '2021-02-20'],
  ['clics au 3 février', '2021-02-03', '2021-02-03'],
  ['hier', '2021-02-28', '2021-02-28'],
  ['du 2021-02-05 au 2021-02-03', '2021-02-03', '2021-02-05'],
  ['le 10.02.2021', '2021-02-10', '2021-02-10'],
])('« %s » → %s..%s', (text, from, to) => {
  expect(range(text)).toEqual({ date_from: from, date_to: to });
});

test.each([
  ['depuis le 10 février', { date_from: '2021-02-10' }],
  ['since February 10', { date_from: '2021-02-10' }],
  ["jusqu'au 14 février", { date_to: '2021-02-14' }],
  ['until Feb 14', { date_to: '2021-02-14' }],
  ['depuis le 2021-02-10', { date_from: '2021-02-10' }],
])('« %s » → an open range', (text, expected) => {
  expect(range(text)).toEqual(expected);
});

test.each([
  'top 5 par ROI',
  'depuis le 30 février',
  '31/02/2021',
  'what revenue may we expect',
  'le 45 mars',
])('« %s » has no (valid) date', (text) => {
  expect(range(text)).toBeUndefined();
});

test('relative dates need the data range; explicit dates do not', () => {
  expect(range('la dernière semaine', null)).toBeUndefined();
  expect(range('le 2021-02-10', null)).toEqual({ date_from: '2021-02-10', date_to: '2021-02-10' });
});
