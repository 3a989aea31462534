// ROI alerts: after each data refresh, every campaign's ROI is compared with the snapshot taken after the
// previous refresh; a campaign whose ROI crossed a subscription's threshold (either way) gets one alert to that
// subscription's target. The ledger key names the *previous* snapshot, so re-running the same comparison (a
// crash before the new snapshot was saved) finds the keys taken and posts nothing twice.
import type { Answer } from '../core/answer.js';
import type { Logger } from '../core/logger.js';
import { formatMetric } from '../core/metrics.js';
import type { JsonCollection } from '../store/json-collection.js';
import { kpiTableQuery } from '../warehouse/queries.js';
import type { Warehouse } from '../warehouse/warehouse.js';
import { toDigestRow } from './compose.js';
import type { Ledger } from './ledger.js';
import type { DigestRow, RoiSnapshotRow, Subscription } from './model.js';
import type { PostStatus } from './runner.js';

export interface Crossing {
  subscription: Subscription;
  campaign: DigestRow;
  previousRoi: number;
  direction: 'below' | 'above';
}

export interface AlertReport {
  /** True on the first check ever: the snapshot was only recorded. */
  baseline: boolean;
  crossings: number;
  sent: number;
}

export interface AlertDeps {
  warehouse: Warehouse;
  snapshots: JsonCollection<RoiSnapshotRow>;
  subscriptions: () => Subscription[];
  ledger: Ledger;
  deliver(key: string, target: string, answer: Answer): Promise<PostStatus>;
  now: () => number;
  currency: string;
  logger: Logger;
}

export function findCrossings(
  before: DigestRow[],
  after: DigestRow[],
  subscriptions: Subscription[],
): Crossing[] {
  const previous = new Map(before.map((row) => [row.campaign_name, row.roi]));
  const crossings: Crossing[] = [];
  for (const subscription of subscriptions) {
    const threshold = subscription.roiThreshold;
    for (const campaign of after) {
      if (subscription.category && campaign.category !== subscription.category) continue;
      const old = previous.get(campaign.campaign_name);
      if (old === undefined || old === null || campaign.roi === null) continue;
      if (old < threshold === campaign.roi < threshold) continue;
      crossings.push({
        subscription,
        campaign,
        previousRoi: old,
        direction: campaign.roi < threshold ? 'below' : 'above',
      });
    }
  }
  return crossings;
}

export function alertAnswer(crossing: Crossing, currency: string): Answer {
  const { campaign, subscription } = crossing;
  const roi = (value: number | null) => formatMetric('roi', value, currency);
  const threshold = roi(subscription.roiThreshold);
  const below = crossing.direction === 'below';
  const text = `Alerte ROI : ${campaign.campaign_name} (${campaign.category}) est passée ${below ? 'sous le' : 'au-dessus du'} seuil de ${threshold} (ROI ${roi(crossing.previousRoi)} → ${roi(campaign.roi)}) depuis la dernière mise à jour des données.`;
  const recommendations = below
    ? [
        `Vérifier les dépenses récentes de ${campaign.campaign_name} et suspendre les annonces les moins rentables.`,
        `Comparer ${campaign.campaign_name} aux autres campagnes ${campaign.category} pour repérer ce qui a changé (audience, enchères, créations).`,
      ]
    : [
        `Confirmer la reprise de ${campaign.campaign_name} au prochain rafraîchissement avant d'augmenter son budget.`,
        `Noter ce qui a changé sur ${campaign.campaign_name} pour l'appliquer aux campagnes encore sous le seuil.`,
      ];
  return {
    language: 'fr',
    intent: 'diagnostic',
    text,
    recommendations,
    blocks: [
      { type: 'notice', level: below ? 'warning' : 'info', text },
      {
        type: 'facts',
        facts: [
          { label: 'ROI précédent', value: roi(crossing.previousRoi) },
          { label: 'ROI actuel', value: roi(campaign.roi) },
          { label: 'Seuil', value: threshold },
        ],
      },
    ],
    charts: [],
    provenance: [],
    followUps: [`Décris la campagne ${campaign.campaign_name}`],
    planner: 'offline',
  };
}

export function createAlertWatcher(deps: AlertDeps) {
  return {
    async checkAlerts(): Promise<AlertReport> {
      const { rows } = await deps.warehouse.select(kpiTableQuery());
      const after = rows.map(toDigestRow);
      const before = deps.snapshots.all();
      const takenAt = new Date(deps.now()).toISOString();
      const since = before[0]?.takenAt;
      if (!since) {
        await deps.snapshots.update(() => after.map((row) => ({ ...row, takenAt })));
        return { baseline: true, crossings: 0, sent: 0 };
      }
      const crossings = findCrossings(before, after, deps.subscriptions());
      const claimed: { key: string; crossing: Crossing }[] = [];
      for (const crossing of crossings) {
        const key = `alert:${crossing.subscription.id}:${crossing.campaign.campaign_name}:${crossing.direction}:${since}`;
        const fresh = await deps.ledger.claim({
          key,
          kind: 'alert',
          subscriptionId: crossing.subscription.id,
          target: crossing.subscription.target,
          slot: since,
        });
        if (fresh) claimed.push({ key, crossing });
      }
      // The new snapshot is saved only once every crossing is claimed: the next refresh compares against it.
      await deps.snapshots.update(() => after.map((row) => ({ ...row, takenAt })));
      const statuses = await Promise.all(
        claimed.map(({ key, crossing }) =>
          deps.deliver(key, crossing.subscription.target, alertAnswer(crossing, deps.currency)),
        ),
      );
      const sent = statuses.filter((status) => status === 'sent').length;
      if (crossings.length > 0) deps.logger.info({ crossings: crossings.length, sent }, 'ROI alerts checked');
      return { baseline: false, crossings: crossings.length, sent };
    },
  };
}
