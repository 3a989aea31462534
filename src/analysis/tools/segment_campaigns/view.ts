// segment_campaigns's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';

export function segmentationView(output: ToolOutput, language: Language): ToolView {
  return {
    headline: output.summary,
    tableKeys: ['campaign_name', 'segment', 'roi', 'ctr', 'cvr', 'cpl', 'spend_share'],
    chart: {
      kind: 'clusters',
      title: tr(language, 'Segments : ROI et CA par campagne', 'Segments: ROI and revenue by campaign'),
      alt: '',
      measure: 'roi',
      rows: output.rows,
    },
    followUps: [
      tr(language, 'Quelles campagnes sont sous-performantes ?', 'Which campaigns are underperforming?'),
    ],
  };
}
