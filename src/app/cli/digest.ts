// `npm run digest -- add --target REF --cron "0 9 * * 1" [--timezone Europe/Zurich] [--roi-threshold 0]
// [--category social] | list [--json] | remove ID | run ID [--dry-run] [--json]`. Subscriptions live in
// STATE_DIR, so a running bot (`npm start`) picks them up on its next start; bad input gets a short French message.

import { parseArgs } from 'node:util';
import { renderAnswerText } from '../../../adapters/terminal/render.js';
import { AppError, isAppError } from '../../core/errors.js';
import { formatPercent } from '../../core/format.js';
import type { Subscription } from '../../digests/model.js';
import { nextSlot } from '../../digests/schedule.js';
import { platformOf, targetProblem } from '../../digests/targets.js';
import type { App } from '../app.js';
import { checkDigestTarget } from '../digest-target-check.js';
import { type CliIo, consoleIo } from './io.js';

const OPTIONS = {
  target: { type: 'string' },
  cron: { type: 'string' },
  timezone: { type: 'string' },
  'roi-threshold': { type: 'string' },
  category: { type: 'string' },
  json: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
} as const;

const USAGE =
  'Usage : npm run digest -- add --target REF --cron "0 9 * * 1" [--timezone Europe/Zurich] [--roi-threshold 0] [--category social] | list [--json] | remove ID | run ID [--dry-run] [--json]';

const bad = (message: string, hint: string) => new AppError('INVALID_ARGUMENTS', message, { hint });

/** « 0.2 », « 20% » and « -10 % » are all accepted; the subscription stores a fraction. */
export function parseThreshold(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*([+-−]?\d+(?:[.,]\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) throw bad(`bad threshold ${text}`, `Seuil de ROI invalide : « ${text} » (ex. 0, 0.2 ou 20%).`);
  const value = Number(match[1]!.replace('−', '-').replace(',', '.'));
  return match[2] ? value / 100 : value;
}

function line(subscription: Subscription, now: number): string {
  const next = nextSlot(subscription.cron, subscription.timezone, now);
  const when =
    next === undefined
      ? 'jamais'
      : new Intl.DateTimeFormat('fr-CH', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: subscription.timezone,
        }).format(next);
  const category = subscription.category ? `, catégorie ${subscription.category}` : '';
  return `n° ${subscription.id}  ${subscription.target}  « ${subscription.cron} » (${subscription.timezone})  ROI < ${formatPercent(subscription.roiThreshold)}${category}  prochain envoi : ${when}`;
}

/** Whether the settings configure this platform (Slack: a bot token; Teams: an app id). */
function platformConfigured(app: App, platform: string): boolean {
  if (platform === 'slack') return Boolean(app.config.slack.botToken);
  if (platform === 'teams') return Boolean(app.config.teams.appId);
  return false;
}

const noPlatform = (target: string) =>
  `Aucune plateforme n'est configurée pour la cible ${target} : rien n'a été posté. Configurez Slack (SLACK_BOT_TOKEN) ou Teams (MICROSOFT_APP_ID), ou utilisez --dry-run pour voir le digest.`;

function parseCli(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS, strict: true });
  } catch (error) {
    // Node's own message (unknown option, missing value) is English: give the usage in French instead.
    throw bad(
      `digest: ${error instanceof Error ? error.message : String(error)}`,
      `Option invalide. ${USAGE}`,
    );
  }
}

async function runDigestCommand(app: App, argv: string[], io: CliIo): Promise<void> {
  const { positionals, values } = parseCli(argv);
  const [action, id] = positionals;
  const digests = app.digests;
  const now = Date.now();
  if (action === 'add') {
    if (!values.target || !values.cron)
      throw bad(
        'digest add: --target and --cron are required',
        `--target et --cron sont obligatoires. ${USAGE}`,
      );
    // A well-formed target is then checked against its platform (bot in the Slack channel, Teams conversation
    // known); a malformed one is refused by add() below with the format's explanation.
    const verdict = targetProblem(values.target, { strictTeams: true })
      ? {}
      : await checkDigestTarget(app, values.target);
    if (verdict.problem) throw bad(`digest add: target refused by the platform check`, verdict.problem);
    const added = await digests.add({
      target: values.target,
      cron: values.cron,
      timezone: values.timezone,
      roiThreshold: parseThreshold(values['roi-threshold']),
      category: values.category,
      strictTarget: true,
    });
    io.out(`Digest ajouté : ${line(added, now)}`);
    if (verdict.warning) io.err(verdict.warning);
    // `digest add` does not connect the platforms: a configured one counts as able to deliver.
    if (!digests.canDeliver(added.target) && !platformConfigured(app, platformOf(added.target)))
      io.err(noPlatform(added.target).replace(" : rien n'a été posté", ''));
    return;
  }
  if (action === 'list') {
    const all = await digests.list();
    if (values.json) {
      const withNext = all.map((item) => {
        const next = nextSlot(item.cron, item.timezone, now);
        return { ...item, nextRun: next === undefined ? null : new Date(next).toISOString() };
      });
      io.out(JSON.stringify(withNext, null, 2));
    } else
      io.out(all.length === 0 ? 'Aucun digest programmé.' : all.map((item) => line(item, now)).join('\n'));
    return;
  }
  if ((action === 'remove' || action === 'run') && !id)
    throw bad(
      `digest ${action}: no id`,
      `Indiquez le numéro du digest, ex. « npm run digest -- ${action} 1 ».`,
    );
  if (action === 'remove') {
    const removed = await digests.remove(id!);
    io.out(`Digest n° ${removed.id} supprimé (${removed.target}).`);
    return;
  }
  if (action === 'run') {
    const subscription = await digests.get(id!);
    if (values['dry-run']) {
      const { answer } = await digests.preview(subscription.id);
      io.out(values.json ? JSON.stringify(answer, null, 2) : renderAnswerText(answer, app.config.currency));
      return;
    }
    if (!digests.canDeliver(subscription.target)) {
      io.err(noPlatform(subscription.target));
      io.setExitCode(2);
      return;
    }
    const status = await digests.runNow(subscription.id);
    const text =
      status === 'sent'
        ? `Digest n° ${subscription.id} posté dans ${subscription.target}.`
        : `Le digest n° ${subscription.id} n'a pas pu être posté (${status}) ; détails dans les logs.`;
    if (values.json) io.out(JSON.stringify({ id: subscription.id, status }));
    else io.out(text);
    if (status !== 'sent') io.setExitCode(1);
    return;
  }
  throw bad(`digest: unknown action ${action ?? '(none)'}`, USAGE);
}

export async function digestCommand(app: App, argv: string[], io: CliIo = consoleIo()): Promise<void> {
  try {
    await runDigestCommand(app, argv, io);
  } catch (error) {
    // Bad input gets just its short French hint (the generic INVALID_ARGUMENTS text speaks of a chat question).
    if (!isAppError(error) || error.code !== 'INVALID_ARGUMENTS' || !error.hint) throw error;
    io.err(error.hint);
    io.setExitCode(2);
  }
}
