// What Teams runs as, from its settings: one sentence for the start-up report, shared by the adapter (what it
// switched on) and the report's configured view.
import type { FeatureStatus } from '../../src/core/platform-adapter.js';

export function teamsStatus(settings: {
  appId?: string;
  appType: string;
  /** TEAMS_EMULATOR: mounted without an app id, for the Bot Framework Emulator on this machine. */
  emulator?: boolean;
  /** Whether charts too large to inline can be linked (PUBLIC_BASE_URL is set). */
  chartLinks: boolean;
}): FeatureStatus {
  if (settings.appId) {
    return {
      feature: 'teams',
      on: true,
      why: `POST /api/messages (${settings.appType}, JWT vérifié)${settings.chartLinks ? '' : ' ; PUBLIC_BASE_URL absent : les graphiques trop lourds pour la carte ne sont pas affichés'}`,
    };
  }
  return settings.emulator
    ? {
        feature: 'teams',
        on: true,
        why: 'TEAMS_EMULATOR : /api/messages sans authentification, ne répond qu’à cette machine (Bot Framework Emulator)',
      }
    : {
        feature: 'teams',
        on: false,
        why: 'MICROSOFT_APP_ID absent (TEAMS_EMULATOR=true pour l’Emulator en local)',
      };
}
