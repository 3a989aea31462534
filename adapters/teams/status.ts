// What Teams runs as, from its settings: one sentence for the start-up report, shared by the adapter (what it
// switched on) and the report's configured view.
import type { FeatureStatus } from '../../src/core/platform-adapter.js';

export function teamsStatus(settings: {
  appId?: string;
  appType: string;
  /** Whether charts too large to inline can be linked (PUBLIC_BASE_URL is set). */
  chartLinks: boolean;
}): FeatureStatus {
  return {
    feature: 'teams',
    on: Boolean(settings.appId),
    why: settings.appId
      ? `POST /api/messages (${settings.appType}, JWT vérifié)${settings.chartLinks ? '' : ' ; PUBLIC_BASE_URL absent : les graphiques trop lourds pour la carte ne sont pas affichés'}`
      : 'MICROSOFT_APP_ID absent : /api/messages ne répond qu’à cette machine (Bot Framework Emulator)',
  };
}
