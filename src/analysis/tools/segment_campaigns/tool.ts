import { z } from 'zod';
import { formatPercent } from '../../../core/format.js';
import { K_RANGE } from '../../../ml/segment-limits.js';
import { mlOf, mlOutput } from '../ml-common.js';
import { defineTool } from '../types.js';
import { segmentRules } from './recommendations.js';
import { segmentationView } from './view.js';

export const segmentCampaignsSchema = z
  .object({
    k: z
      .number()
      .int()
      .optional()
      .describe(`Number of segments (${K_RANGE.min}–${K_RANGE.max}); omitted = chosen by silhouette`),
  })
  .strict();

const COLUMNS = [
  { name: 'campaign_name', type: 'string' },
  { name: 'category', type: 'string' },
  { name: 'segment', type: 'string' },
  { name: 'segment_id', type: 'integer' },
  { name: 'roi', type: 'double' },
  { name: 'ctr', type: 'double' },
  { name: 'cvr', type: 'double' },
  { name: 'cpl', type: 'double' },
  { name: 'spend_share', type: 'double' },
  { name: 'mark_spent', type: 'double' },
  { name: 'revenue', type: 'double' },
] as const;

export const segmentCampaigns = defineTool({
  name: 'segment_campaigns',
  kind: 'ml',
  intent: 'segmentation',
  description:
    'Groups campaigns into 2–5 segments (k-means on standardized ROI, CTR, CVR, CPL and share of spend) ' +
    'with a French business label and commentary per segment.',
  schema: segmentCampaignsSchema,
  async run(args, context) {
    const result = await mlOf(context, 'segment_campaigns').segmentCampaigns({ k: args.k });
    const { segmentation } = result;
    const lines = segmentation.segments.map(
      (segment) =>
        `- ${segment.label} (${segment.campaigns.length} campagne${segment.campaigns.length > 1 ? 's' : ''} : ` +
        `${segment.campaigns.join(', ')}) — ${segment.commentary}`,
    );
    const how =
      segmentation.chosenBy === 'silhouette'
        ? `k = ${segmentation.k} choisi par silhouette (${segmentation.silhouette.toFixed(2)})`
        : `k = ${segmentation.k} demandé (silhouette ${segmentation.silhouette.toFixed(2)})`;
    const summary = `${segmentation.segments.length} segments de campagnes, ${how} :\n${lines.join('\n')}`;
    const warnings =
      segmentation.silhouette < 0.25
        ? [
            `Segments peu séparés (silhouette ${formatPercent(segmentation.silhouette)}) : à lire comme des tendances.`,
          ]
        : [];
    return mlOutput('segment_campaigns', { ...args, k: segmentation.k }, result, {
      summary,
      rows: segmentation.rows,
      columns: COLUMNS.map((column) => ({ ...column })),
      warnings,
    });
  },
  view: (output, language) => segmentationView(output, language),
  recommend: (output, language) => segmentRules(output, language),
});
