// « et dans ce canal, quelle campagne est la pire ? », "and the worst campaign inside it?", « et son CPA ? »: a
// reference to the first member the previous answer showed (the worst channel: social; the top campaign). The phrase becomes that member's name, so the rest
// of the planner reads « et dans social, quelle campagne est la pire ? » as it would have been written.
import type { Leader } from '../../src/analysis/plan.js';
import { normalize } from './normalize.js';

const TO_CHANNEL =
  /\b(?:dans|sur|de|pour|parmi|within|inside|in|on|for|from|of)\s(?:ce|cette|cet|ledit|that|this|the same)\s(?:canal|categorie|category|channel|levier)\b|\bdedans\b|\b(?:inside|within|in) (?:it|there)\b/;
const TO_CAMPAIGN =
  /\b(?:dans|sur|de|pour|within|inside|in|on|for|from|of)\s(?:ce|cette|cet|that|this|the same)\s(?:campagne|campaign)\b/;

/** « et son CPA ? », "and what's its CPA?": a singular possessive names the one member shown first. */
const ITS = /\b(its|son|sa|ses)\b/;

/** The text with a reference to the previous answer's first member replaced by its name. */
export function withLeader(text: string, leader: Leader | undefined): string {
  if (!leader) return text;
  const normalized = normalize(text);
  const its = ITS.exec(normalized);
  if (its)
    return `${normalized.slice(0, its.index)}${leader.member}${normalized.slice(its.index + its[0].length)}`;
  const pattern = leader.key === 'category' ? TO_CHANNEL : TO_CAMPAIGN;
  const match = pattern.exec(normalized);
  if (!match) return text;
  const english = /^(within|inside|in|on|for|from|of)\b/.test(match[0]);
  return `${normalized.slice(0, match.index)}${english ? 'in' : 'dans'} ${leader.member}${normalized.slice(match.index + match[0].length)}`;
}
