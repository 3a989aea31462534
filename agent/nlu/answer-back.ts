// A reply to a question back (« Par "résultats", vous entendez … ? » → « le CA », "I meant revenue", « la 2e »):
// the option it picks, so the pending question is answered instead of the reply being read on its own. An option
// is picked only when exactly one matches: the metric the reply names, a name it names, or its position.
import type { Plan, PlannedCall } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { findMetrics } from './metrics.js';
import { normalize, prepare } from './normalize.js';
import { findScope } from './scope.js';

/** Longer replies are new questions, not answers to ours. */
const MAX_REPLY_WORDS = 8;
const POSITIONS: [RegExp, number][] = [
  [/^(?:le |la |l')?(?:1|1re|1ere|1er|premiere?|premier|first|one|option 1|the first(?: one)?)$/, 0],
  [/^(?:le |la |l')?(?:2|2e|2eme|deuxieme|seconde?|second|two|option 2|the second(?: one)?)$/, 1],
  [/^(?:le |la |l')?(?:3|3e|3eme|troisieme|third|three|option 3|the third(?: one)?)$/, 2],
];

const metricsOf = (calls: PlannedCall[]) =>
  calls.flatMap((call) => [call.args.metric, ...(Array.isArray(call.args.metrics) ? call.args.metrics : [])]);
const namesOf = (calls: PlannedCall[]) =>
  calls.flatMap((call) => [
    call.args.campaign_name,
    ...(Array.isArray(call.args.campaigns) ? call.args.campaigns : []),
    ...(Array.isArray(call.args.categories) ? call.args.categories : []),
    call.args.category,
  ]);

export function chooseOption(
  reply: string,
  options: readonly string[],
  catalog: Catalog,
  plan: (text: string) => Plan,
): string | undefined {
  const text = normalize(reply)
    .replace(/[?!.]+$/, '')
    .trim();
  if (text === '' || text.split(/\s+/).length > MAX_REPLY_WORDS) return undefined;
  const position = POSITIONS.find(([pattern]) => pattern.test(text))?.[1];
  if (position !== undefined) return options[position];
  const scope = findScope(text, catalog);
  const metrics = findMetrics(prepare(scope.rest), reply);
  const names = [...scope.campaigns, ...scope.categories];
  // « celle de facebook », "the facebook one": a name prefix picks the option whose campaign starts so.
  const prefixes = scope.prefixes.map((prefix) => prefix.toLowerCase());
  if (metrics.length === 0 && names.length === 0 && prefixes.length === 0) return undefined;
  const matching = options.filter((option) => {
    const calls = plan(option).calls;
    const optionMetrics = metricsOf(calls);
    const optionNames = namesOf(calls);
    return (
      metrics.every((metric) => optionMetrics[0] === metric || optionMetrics.includes(metric)) &&
      names.every((name) => optionNames.includes(name)) &&
      prefixes.every((prefix) =>
        optionNames.some((name) => typeof name === 'string' && name.toLowerCase().startsWith(prefix)),
      )
    );
  });
  return matching.length === 1 ? matching[0] : undefined;
}
