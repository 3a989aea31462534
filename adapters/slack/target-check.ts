// Before `digest add` stores a Slack target: is the bot able to post there? The format is checked elsewhere
// (src/digests/targets.ts); this asks Slack. The bot must be in the channel (a private channel: someone invites it;
// a public one: it joins now, as it would at the first post, so a refusal shows up today and not at 9:00 on
// Monday). Slack being unreachable, or an app without the read scopes, does not block the subscription: the
// caller gets a warning instead, and the first post will say what is wrong.
import { webApi } from '@slack/bolt';
import { describeSlackError, isTransientSlackError } from './slack-errors.js';

export interface SlackTargetSettings {
  botToken: string;
  apiUrl?: string;
  /** SLACK_ALLOWED_CHANNEL_IDS: when set, the bot answers only there, so a digest elsewhere is refused too. */
  allowedChannelIds?: string[];
}

/** `problem`: refuse, with what to do (French). `warning`: accepted, but say this. Neither: fine. */
export interface TargetVerdict {
  problem?: string;
  warning?: string;
}

interface ChannelInfo {
  is_member?: boolean;
  is_private?: boolean;
  is_im?: boolean;
  is_mpim?: boolean;
  is_archived?: boolean;
  name?: string;
}

function webClient(settings: SlackTargetSettings): webApi.WebClient {
  return new webApi.WebClient(settings.botToken, {
    ...(settings.apiUrl
      ? { slackApiUrl: settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/` }
      : {}),
    // A person waits at the terminal: one quick retry, then a warning rather than a long wait.
    retryConfig: { retries: 1, minTimeout: 500, maxTimeout: 1000 },
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

const invite = (bot: string) =>
  `invitez le bot dans le canal avec « /invite @${bot} », puis relancez la commande`;

export async function checkSlackTarget(
  settings: SlackTargetSettings,
  target: string,
): Promise<TargetVerdict> {
  const [, team = '', channel = ''] = target.split(':');
  if (settings.allowedChannelIds?.length && !settings.allowedChannelIds.includes(channel))
    return {
      problem: `Le canal ${channel} n'est pas dans SLACK_ALLOWED_CHANNEL_IDS : le bot n'y parle pas. Ajoutez-le à ce réglage (puis redémarrez le bot) ou choisissez un autre canal.`,
    };
  const web = webClient(settings);
  try {
    const identity = (await web.auth.test()) as { team_id?: string; user?: string };
    const bot = identity.user ?? 'marketing-bot';
    // Enterprise Grid targets name the organisation (E…), not the workspace: only a workspace id is compared.
    if (team.startsWith('T') && identity.team_id && identity.team_id !== team)
      return {
        problem: `Le bot est installé dans l'espace Slack ${identity.team_id}, pas dans ${team} : vérifiez la cible (slack:${identity.team_id}:${channel}).`,
      };
    const info = (await web.conversations.info({ channel })) as { channel?: ChannelInfo };
    const found = info.channel ?? {};
    if (found.is_archived) return { problem: `Le canal ${channel} est archivé : choisissez un autre canal.` };
    if (found.is_im || found.is_member) return {};
    if (found.is_private || found.is_mpim)
      return { problem: `Le bot n'est pas membre du canal privé ${channel} : ${invite(bot)}.` };
    try {
      await web.conversations.join({ channel });
      return { warning: `Le bot a rejoint le canal public ${channel} pour y poster le digest.` };
    } catch {
      return {
        problem: `Le bot n'est pas membre du canal ${channel} et ne peut pas le rejoindre : ${invite(bot)}.`,
      };
    }
  } catch (error) {
    return verdictForFailure(error, channel);
  }
}

function verdictForFailure(error: unknown, channel: string): TargetVerdict {
  const failure = describeSlackError(error);
  switch (failure.error) {
    case 'channel_not_found':
      return {
        problem: `Slack ne montre pas le canal ${channel} au bot : l'identifiant est faux, ou c'est un canal privé où le bot n'est pas invité (« /invite @marketing-bot » dans le canal, puis relancez la commande).`,
      };
    case 'invalid_auth':
    case 'token_revoked':
    case 'account_inactive':
    case 'not_authed':
      return {
        problem: 'Slack a refusé le jeton du bot : vérifiez SLACK_BOT_TOKEN, puis relancez la commande.',
      };
    case 'missing_scope':
      return {
        warning: `Impossible de vérifier que le bot est membre de ${channel} : il lui manque l'autorisation Slack « ${failure.needed ?? 'channels:read'} » (voir le manifeste). Digest ajouté quand même ; invitez le bot dans le canal.`,
      };
    default:
      return {
        warning: isTransientSlackError(error)
          ? `Slack ne répond pas : impossible de vérifier que le bot est membre de ${channel}. Digest ajouté quand même ; vérifiez que le bot est dans le canal.`
          : `Slack a refusé la vérification du canal ${channel} (${failure.error}). Digest ajouté quand même ; vérifiez que le bot est dans le canal.`,
      };
  }
}
