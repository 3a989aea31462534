// What `npm start` switched on and why: each platform turns itself on from its settings, and the start-up log
// says which ones did, so a newcomer sees at once what runs and what to set for the rest.
import { mcpStatus } from '../../adapters/mcp/status.js';
import { webChatStatus } from '../../adapters/playground/web-chat-adapter.js';
import { slackStatus } from '../../adapters/slack/status.js';
import { teamsStatus } from '../../adapters/teams/status.js';
import type { Config } from '../config.js';
import { counted } from '../core/format.js';
import type { FeatureStatus } from '../core/platform-adapter.js';
import type { DataReport } from '../warehouse/open.js';

export function startupReport(config: Config): FeatureStatus[] {
  const { slack, teams, warehouse, llm } = config;
  return [
    {
      feature: 'warehouse',
      on: true,
      why:
        warehouse.kind === 'databricks'
          ? `Databricks SQL (${warehouse.databricks?.host})`
          : `DuckDB embarqué (${warehouse.duckdbPath}, données ${warehouse.dataPath})`,
    },
    {
      feature: 'llm',
      on: llm !== undefined,
      why: llm
        ? `${llm.model}${llm.baseUrl ? ` via ${llm.baseUrl}` : ''}`
        : 'OPENAI_API_KEY absent : planificateur hors ligne seul',
    },
    // The platforms word their own lines: the adapters report the same ones once switched on (platforms.ts).
    slackStatus(slack),
    teamsStatus({ ...teams, chartLinks: Boolean(config.http.publicBaseUrl) }),
    webChatStatus({ url: `http://${config.http.host}:${config.http.port}/` }),
    { feature: 'digests', on: true, why: `planificateur actif (fuseau par défaut ${config.timeZone})` },
    mcpStatus(config.mcp),
    healthPortStatus(config),
  ];
}

/** The health probe port (HEALTH_PORT): `failed` when it was set but could not listen (the log says why). */
export function healthPortStatus(config: Config, failed = false): FeatureStatus {
  const { host, healthPort } = config.http;
  if (!healthPort)
    return {
      feature: 'health',
      on: false,
      why: 'HEALTH_PORT absent : /healthz sur le port principal seulement',
    };
  return failed
    ? {
        feature: 'health',
        on: false,
        why: `port ${healthPort} indisponible (voir le journal) : /healthz sur le port principal seulement`,
      }
    : {
        feature: 'health',
        on: true,
        why: `http://${host}:${healthPort}/healthz et /livez, sur un fil à part`,
      };
}

export function formatStartupReport(statuses: FeatureStatus[]): string {
  return statuses
    .map((status) => `  ${status.on ? '✔' : '·'} ${status.feature.padEnd(10)} ${status.why}`)
    .join('\n');
}

/** What is on, as one object for the `ready` log event (`{"slack": false, "web chat": true, …}`). */
export function featureFlags(statuses: FeatureStatus[]): Record<string, boolean> {
  return Object.fromEntries(statuses.map((status) => [status.feature, status.on]));
}

/** The configured view, corrected by what actually happened at start (e.g. Slack refused the token). */
export function mergeStatuses(configured: FeatureStatus[], actual: FeatureStatus[]): FeatureStatus[] {
  return configured.map((status) => actual.find((item) => item.feature === status.feature) ?? status);
}

/** What the data was read with: the model file, the old mapping, or a model inferred from the file (and its doubts). */
export function dataStatus(report: DataReport | undefined): FeatureStatus | undefined {
  if (!report) return undefined;
  const source =
    report.modelSource === 'model'
      ? 'modèle sémantique (MODEL_PATH)'
      : report.modelSource === 'mapping'
        ? 'ancien mapping de colonnes (MAPPING_PATH), converti en modèle'
        : `modèle déduit du fichier, aucun MODEL_PATH : ${report.inferred?.summary ?? ''}`;
  const doubts = report.inferred?.ambiguities.length
    ? ` ; à vérifier : ${report.inferred.ambiguities.join(' ; ')}`
    : '';
  const notices =
    report.notices.length > 0
      ? ` ; ${counted(report.notices.length, 'remarque')} sur les données (voir le journal)`
      : '';
  return {
    feature: 'data',
    on: true,
    why: `${report.file}, ${report.rows} lignes, ${source}${doubts}${notices}`,
  };
}
