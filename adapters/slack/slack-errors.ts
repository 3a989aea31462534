// Web API failures → what the user reads in the thread (French, short, with what to do). The SDK's errors carry
// a code and, for platform errors, Slack's error string (`not_in_channel`, `missing_scope` + the `needed` scope…).

export interface SlackFailure {
  /** Slack's error string, or an SDK code for transport failures. */
  error: string;
  /** For `missing_scope`: the scope(s) Slack says are needed. */
  needed?: string;
}

export function describeSlackError(error: unknown): SlackFailure {
  const value = error as { code?: string; data?: { error?: string; needed?: string }; message?: string };
  if (value?.code === 'slack_webapi_platform_error' && value.data?.error) {
    return { error: value.data.error, ...(value.data.needed ? { needed: value.data.needed } : {}) };
  }
  if (value?.code === 'slack_webapi_rate_limited_error' || /rate limit/i.test(value?.message ?? '')) {
    return { error: 'ratelimited' };
  }
  return { error: value?.code ?? 'unknown_error' };
}

// Slack's own "try again later" errors, beside transport failures (network, HTTP 5xx) and rate limits.
const TRANSIENT_PLATFORM_ERRORS = ['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout'];

/** A failure that says nothing about the request (Slack down or busy): the same call may work later. */
export function isTransientSlackError(error: unknown): boolean {
  const { error: code } = describeSlackError(error);
  return (
    code === 'slack_webapi_request_error' ||
    code === 'slack_webapi_http_error' ||
    code === 'ratelimited' ||
    TRANSIENT_PLATFORM_ERRORS.includes(code)
  );
}

export function isSlackError(error: unknown, ...codes: string[]): boolean {
  return codes.includes(describeSlackError(error).error);
}

/** The French sentence for a failure; `botUserId` lets us write the exact /invite command. */
export function slackFailureMessage(failure: SlackFailure, botUserId?: string): string {
  const bot = botUserId ? `<@${botUserId}>` : 'le bot';
  switch (failure.error) {
    case 'not_in_channel':
    case 'channel_not_found':
      return `Je ne suis pas membre de ce canal et je ne peux pas le rejoindre seul (canal privé ?). Invitez-moi avec « /invite ${bot} » puis reposez la question.`;
    case 'missing_scope':
      return `Il me manque l’autorisation Slack « ${failure.needed ?? 'inconnue'} ». Un administrateur doit l’ajouter (OAuth & Permissions) puis réinstaller l’app.`;
    case 'is_archived':
      return 'Ce canal est archivé : je ne peux pas y répondre.';
    case 'ratelimited':
      return 'Slack limite le nombre de messages en ce moment. Réessayez dans une minute.';
    case 'invalid_auth':
    case 'token_revoked':
    case 'account_inactive':
    case 'not_authed':
      return 'Slack a refusé le jeton du bot. Un administrateur doit vérifier SLACK_BOT_TOKEN.';
    default:
      return `Slack a refusé la réponse (${failure.error}). Réessayez ; si cela persiste, prévenez un administrateur.`;
  }
}
