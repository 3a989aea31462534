// « comment va le social ? », « un point sur facebook », "how is search doing?": one category or one family of
// campaigns at a glance — its ROI, spend and revenue — as describe_campaign gives for one campaign (a vague
// « performance » with no such phrase is still asked back by figure).
import { dates, type MetricReading, type Parsed, query, scopeArgs } from './figure-parse.js';

const HOW_IS =
  /\bcomment (va|vont|se porte\w*|marche\w*|s'en sort\w*|ca va (cote|pour|sur|avec))\b|\bon en est ou\b|\bun point sur\b|\bquoi de neuf\b|\bhow (is|are|'s)\b.{1,40}\bdoing\b|\bhow are (we|things) doing\b|\b(status|update) (on|of|for)\b/;

export function readOverview(p: Parsed): MetricReading | undefined {
  if (!HOW_IS.test(p.text) || p.metrics.length > 0 || p.scope.campaigns.length > 0) return undefined;
  if (p.scope.categories.length + p.scope.prefixes.length !== 1) return undefined;
  return {
    intent: 'kpi_qa',
    calls: [query({ metrics: ['roi', 'mark_spent', 'revenue'], ...scopeArgs(p.scope), ...dates(p.period) })],
    confidence: 0.8,
  };
}
