// One spec builder per chart kind; the switch is exhaustive so a new kind in src/core/answer.ts fails to compile
// here until it has a builder.
import type { TopLevelSpec } from 'vega-lite';
import type { ChartRequest } from '../../src/core/answer.js';
import type { ChartContext } from '../values.js';
import { clustersSpec } from './clusters.js';
import { groupedSpec } from './grouped.js';
import { rankingSpec } from './ranking.js';
import { simulationSpec } from './simulation.js';
import { trendSpec } from './trend.js';

export function buildSpec(request: ChartRequest, context: ChartContext): TopLevelSpec {
  const input = { request, context };
  switch (request.kind) {
    case 'ranking':
      return rankingSpec(input);
    case 'grouped':
      return groupedSpec(input);
    case 'clusters':
      return clustersSpec(input);
    case 'simulation':
      return simulationSpec(input);
    case 'trend':
      return trendSpec(input);
  }
}
