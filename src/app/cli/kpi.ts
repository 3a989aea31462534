// `npm run kpi -- build [--from YYYY-MM-DD] [--to YYYY-MM-DD]` and `npm run kpi -- show [--json]`.
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors.js';
import { formatMetric } from '../../core/metrics.js';
import { kpiTableQuery } from '../../warehouse/queries.js';
import type { App } from '../app.js';
import { type CliIo, consoleIo } from './io.js';

export async function kpiCommand(app: App, argv: string[], io: CliIo = consoleIo()): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, from: { type: 'string' }, to: { type: 'string' } },
  });
  const [action] = positionals;
  if (action === 'build') {
    const report = await app.data.rebuild({ dateFrom: values.from, dateTo: values.to });
    if (values.json) io.out(JSON.stringify(report));
    else
      io.out(
        `marketing_kpi : ${report.campaigns} campagnes (${report.kpiMs} ms) ; marketing_kpi_daily : ${report.dailyRows} lignes (${report.dailyMs} ms)`,
      );
    return;
  }
  if (action === 'show') {
    const { rows } = await app.data.warehouse.select(kpiTableQuery());
    if (values.json) {
      for (const row of rows) io.out(JSON.stringify(row));
      return;
    }
    const currency = app.config.currency;
    for (const row of rows) {
      io.out(
        `${String(row.campaign_name).padEnd(22)} ${String(row.category).padEnd(11)} ` +
          `dépenses ${formatMetric('mark_spent', row.mark_spent as number, currency).padStart(14)}  ` +
          `CA ${formatMetric('revenue', row.revenue as number, currency).padStart(14)}  ROI ${formatMetric('roi', row.roi as number, currency)}`,
      );
    }
    return;
  }
  throw new AppError('INVALID_ARGUMENTS', `kpi: unknown action ${action ?? '(none)'}; use build or show`);
}
