// predict_revenue's view: the headline with the key figures, the table's columns, the chart and the next questions.
import type { Language } from '../../../core/answer.js';
import { tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';

export function predictionView(output: ToolOutput, language: Language): ToolView {
  return {
    headline: output.summary,
    tableKeys: [],
    followUps: [tr(language, 'Simule +20 % de budget', 'Simulate +20% budget')],
  };
}
