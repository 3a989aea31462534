// Access control by Microsoft Entra tenant (TEAMS_ALLOWED_TENANT_IDS). An empty list allows every tenant. A refused
// activity is answered politely and never reaches the agent, so nothing is queried for a foreign tenant.
import type { Activity } from '@microsoft/agents-activity';

export const TENANT_REFUSAL =
  'Désolé, ce bot n’est pas disponible pour votre organisation. Contactez l’administrateur du bot si vous pensez que c’est une erreur.';

/** Teams puts the tenant on the conversation; older payloads only in channelData.tenant.id. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  if (typeof fromConversation === 'string' && fromConversation) return fromConversation;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = channelData?.tenant?.id;
  return typeof fromChannelData === 'string' && fromChannelData ? fromChannelData : undefined;
}

export function tenantAllowed(allowedTenantIds: readonly string[], activity: Partial<Activity>): boolean {
  if (allowedTenantIds.length === 0) return true;
  const tenant = tenantOf(activity);
  // Tenant ids are GUIDs: compare case-insensitively. No tenant at all is refused when a list is set.
  return tenant !== undefined && allowedTenantIds.some((id) => id.toLowerCase() === tenant.toLowerCase());
}
