// « comment va le social ? », « un point sur le search », "how is search doing?": one category at a glance — its ROI,
// spend and revenue — as describe_campaign gives for one campaign. A family (« comment va facebook ? ») is asked
// back: which of its campaigns (the golden questions' reading). A vague « performance » with no such phrase is
// still asked back by figure.
import { dates, type MetricReading, type Parsed, query, scopeArgs } from './figure-parse.js';

const HOW_IS =
  /\bcomment (va|vont|se porte\w*|marche\w*|s'en sort\w*|ca va (cote|pour|sur|avec))\b|\bon en est ou\b|\bun point sur\b|\bquoi de neuf\b|\bhow (is|are|'s)\b.{1,40}\bdoing\b|\bhow are (we|things) doing\b|\b(status|update) (on|of|for)\b/;

export function readOverview(p: Parsed): MetricReading | undefined {
  if (!HOW_IS.test(p.text) || p.metrics.length > 0 || p.scope.campaigns.length > 0) return undefined;
  if (p.scope.categories.length !== 1 || p.scope.prefixes.length > 0) return undefined;
  return {
    intent: 'kpi_qa',
    calls: [query({ metrics: ['roi', 'mark_spent', 'revenue'], ...scopeArgs(p.scope), ...dates(p.period) })],
    confidence: 0.8,
  };
}
