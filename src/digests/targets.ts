// Digest targets checked against the platforms' id formats before they are stored: a target that cannot work
// (`slack:C1`, no workspace) would otherwise be accepted and fail at every slot.
//   Slack: slack:<team>:<channel>[:<thread ts>]; team ids start with T (E for an Enterprise Grid org), channel ids
//   with C (public), G (private) or D (direct message), in capitals and digits.
//   Teams: teams:<conversation id>, as Teams writes them: 19:…@thread.tacv2 / .skype / .v2 (channel, group chat),
//   a:… (personal chat), 8:… / 29:… (user-level ids).

export const SLACK_TARGET = /^slack:[TE][A-Z0-9]+:[CGD][A-Z0-9]+(?::\d+\.\d+)?$/;
export const TEAMS_TARGET = /^teams:(?:19:[^\s@]+@thread\.[a-z0-9]+(?:;messageid=\d+)?|a:\S+|8:\S+|29:\S+)$/;
const ANY_TARGET = /^[a-z][a-z0-9]*:\S+$/;
/** Surfaces nothing can be pushed to later (a browser tab, a terminal, an MCP client): never a digest target. */
const CANNOT_RECEIVE: Record<string, string> = {
  web: 'Le chat web',
  terminal: 'Le terminal',
  cli: 'La ligne de commande',
  mcp: 'Un client MCP',
};

/** The platform of a target (`slack`, `teams`, …): the part before the first colon. */
export function platformOf(target: string): string {
  return target.slice(0, target.indexOf(':'));
}

/**
 * What is wrong with a target, in French, or undefined when it is well formed. `strictTeams` checks Teams ids
 * too (targets typed by a person); conversations the bot saw itself are trusted.
 */
export function targetProblem(target: string, options: { strictTeams?: boolean } = {}): string | undefined {
  if (!ANY_TARGET.test(target)) return `Cible invalide : « ${target} » (ex. slack:T1:C1 ou teams:…).`;
  const platform = platformOf(target);
  const surface = CANNOT_RECEIVE[platform];
  if (surface)
    return (
      `${surface} ne peut pas recevoir de digest : rien ne peut y être envoyé plus tard, à l'heure prévue. ` +
      'Demandez-le depuis Slack ou Teams, dans la conversation qui doit le recevoir (« @marketing-bot digest chaque lundi à 9h »), ' +
      'ou programmez-le avec « npm run digest -- add --target slack:<équipe>:<canal> --cron "0 9 * * 1" ».'
    );
  if (platform === 'slack' && !SLACK_TARGET.test(target))
    return (
      `Cible Slack invalide : « ${target} ». Écrivez slack:<équipe>:<canal>, par exemple slack:T0123ABCD:C0456EFGH ` +
      '(l’équipe commence par T ou E, le canal par C, G ou D ; dans Slack : clic droit sur le canal › Copier le lien).'
    );
  if (platform === 'teams' && options.strictTeams && !TEAMS_TARGET.test(target))
    return (
      `Cible Teams invalide : « ${target} ». Une conversation Teams s’écrit teams:19:…@thread.tacv2 (canal, groupe) ` +
      'ou teams:a:… (conversation personnelle) ; le plus simple est de demander le digest dans la conversation elle-même.'
    );
  return undefined;
}
