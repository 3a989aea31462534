// Access control: which workspaces and channels may use the bot. An empty list allows all. A refused request is
// answered politely and never reaches the agent (so nothing is queried).
export interface AccessRules {
  allowedTeamIds: string[];
  allowedChannelIds: string[];
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'team' | 'channel' };

export function checkAccess(
  rules: AccessRules,
  where: { team: string | undefined; channel: string },
): AccessDecision {
  if (rules.allowedTeamIds.length > 0 && !(where.team && rules.allowedTeamIds.includes(where.team))) {
    return { allowed: false, reason: 'team' };
  }
  // A direct message is a channel too (D…): when the list is set, only listed ids are answered, so the list can
  // never be bypassed by writing to the bot privately.
  if (rules.allowedChannelIds.length > 0 && !rules.allowedChannelIds.includes(where.channel)) {
    return { allowed: false, reason: 'channel' };
  }
  return { allowed: true };
}

export function refusalMessage(decision: Exclude<AccessDecision, { allowed: true }>): string {
  return decision.reason === 'team'
    ? 'Désolé, je ne suis pas autorisé à répondre dans cet espace de travail. Contactez l’administrateur du bot.'
    : 'Désolé, je ne réponds pas dans ce canal. Posez votre question dans un canal autorisé ou en message direct.';
}
