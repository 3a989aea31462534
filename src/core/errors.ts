// One error hierarchy for the whole bot. Code raises AppError with a stable code; the edges (CLI, adapters)
// turn it into a short French message with `userMessage`. A user never sees a stack trace or a cause's text.

export const ERROR_CODES = {
  CONFIG_INVALID: 'La configuration du bot est invalide. Un administrateur doit corriger les réglages.',
  DATA_FILE_MISSING: 'Le fichier de données est introuvable. Vérifiez DATA_PATH.',
  DATA_FILE_UNREADABLE: "Le fichier de données n'a pas pu être lu. Vérifiez son format (CSV ou Parquet).",
  DATA_COLUMN_MISSING:
    'Une colonne obligatoire manque dans les données. Vérifiez le fichier ou le mapping de colonnes.',
  DATA_VALUE_INVALID:
    'Les données contiennent une valeur invalide. Corrigez la ligne indiquée puis rechargez.',
  MAPPING_INVALID: 'Le fichier de mapping de colonnes est invalide. Vérifiez MAPPING_PATH.',
  MODEL_INVALID: 'Le modèle sémantique des données est invalide. Vérifiez MODEL_PATH.',
  MEASURE_ABSENT: 'Indicateur indisponible.',
  NO_DATES:
    "Vos données n'ont pas de dates : je ne peux pas répondre sur une période ou une évolution dans le temps.",
  SQL_REJECTED: "Cette requête n'est pas autorisée. Reformulez votre question.",
  WAREHOUSE_UNAVAILABLE:
    "L'entrepôt de données ne répond pas pour le moment. Réessayez dans quelques minutes.",
  WAREHOUSE_LOCKED:
    'Le fichier DuckDB est utilisé par un autre programme. Arrêtez-le ou choisissez un autre DUCKDB_PATH, puis relancez.',
  WAREHOUSE_AUTH: "L'entrepôt de données a refusé l'accès. Un administrateur doit vérifier le jeton d'accès.",
  WAREHOUSE_TIMEOUT:
    'La requête a pris trop de temps. Réduisez la période ou ajoutez un filtre, puis réessayez.',
  WAREHOUSE_QUERY_FAILED:
    "La requête a échoué dans l'entrepôt de données. Réessayez ou reformulez la question.",
  LOCAL_SERVER_FAILED:
    "Le bot en marche (npm start) n'a pas pu exécuter la commande. Réessayez ; s'il s'est arrêté, la commande s'exécutera sans lui.",
  KPI_NOT_BUILT: 'Les indicateurs ne sont pas encore calculés. Lancez « npm run kpi -- build ».',
  INVALID_ARGUMENTS:
    'Je n’ai pas compris certains paramètres de la question. Reformulez-la, par exemple « Top 5 des campagnes par ROI ».',
  CAMPAIGN_NOT_FOUND: 'Je ne trouve pas cette campagne. Vérifiez son nom.',
  CATEGORY_NOT_FOUND: 'Je ne connais pas cette catégorie. Vérifiez son nom.',
  INSUFFICIENT_DATA:
    'Pas assez de données pour apprendre un modèle fiable. Élargissez la catégorie ou chargez plus de jours.',
  BUDGET_CHANGE_OUT_OF_RANGE:
    'La variation de budget doit être comprise entre −50 % et +200 %, par exemple « +20 % ».',
  ML_INPUT_INVALID: 'Un paramètre de la simulation est hors des valeurs acceptées. Corrigez-le et réessayez.',
  QUESTION_TOO_LONG: 'Votre message est trop long. Posez une question plus courte (2000 caractères au plus).',
  PLATFORM_TIMEOUT:
    "Teams n'a pas confirmé l'envoi à temps : le message est peut-être arrivé. Vérifiez la conversation avant de réessayer.",
  RATE_LIMITED: 'Trop de questions : réessayez dans une minute.',
  BUSY: 'Je reçois beaucoup de questions en ce moment. Réessayez dans une minute.',
  CHART_GONE: 'Ce graphique n’est plus disponible : reposez la question pour le revoir.',
  NOT_IMPLEMENTED: "Cette fonction n'est pas encore disponible.",
  INTERNAL: "Une erreur inattendue s'est produite. Réessayez ; si cela persiste, prévenez un administrateur.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  cause?: unknown;
  /** Safe, user-facing French detail appended to the generic message (e.g. close campaign names). */
  hint?: string;
  /** Structured details for logs and tests; never shown to users verbatim. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(error: unknown, fallback: ErrorCode = 'INTERNAL'): AppError {
  if (isAppError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(fallback, message, { cause: error });
}

/** The short French message a user sees for an error: what happened and what to try. */
export function userMessage(error: unknown): string {
  const appError = toAppError(error);
  const base = ERROR_CODES[appError.code];
  return appError.hint ? `${base} ${appError.hint}` : base;
}
