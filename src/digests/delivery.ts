// Routing digests and alerts to the delivery port of each platform, and the retry policy of a failed post.
import { DeliveryError, type DeliveryPort } from '../core/delivery-port.js';

// The port and its error live in src/core so that platform adapters can implement them; the digests re-export
// them for their own modules and tests.
export { DeliveryError, type DeliveryOptions, type DeliveryPort } from '../core/delivery-port.js';

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof DeliveryError)) return true; // a network error or a thrown bug: worth another try
  if (error.permanent) return false;
  if (error.status === undefined) return true;
  return error.status === 429 || error.status === 408 || error.status >= 500;
}

/** The platform of a conversation reference: `slack:T1:C1:…` → slack. */
export const platformOf = (target: string): string => target.split(':', 1)[0] ?? '';

/**
 * The channel a reference posts into, for pacing: Slack threads of one channel share its rate limit
 * (`slack:T:C:thread` → `slack:T:C`); other references are their own channel.
 */
export function channelOf(target: string): string {
  const parts = target.split(':');
  return parts[0] === 'slack' && parts.length > 3 ? parts.slice(0, 3).join(':') : target;
}

/**
 * Routes each target to the adapter of its platform. A target whose platform has no adapter fails at once,
 * permanently (retrying cannot help), with a message saying so.
 */
export function routeDelivery(ports: Partial<Record<string, DeliveryPort>>): DeliveryPort & {
  supports(target: string): boolean;
} {
  const portOf = (target: string) => ports[platformOf(target)];
  return {
    supports: (target) => portOf(target) !== undefined,
    async post(target, answer, options) {
      const port = portOf(target);
      if (!port)
        throw new DeliveryError(`no platform adapter configured for ${platformOf(target) || target}`, {
          permanent: true,
        });
      await port.post(target, answer, options);
    },
    async alreadyPosted(target, key) {
      const port = portOf(target);
      if (!port?.alreadyPosted) throw new DeliveryError('alreadyPosted not supported', { permanent: true });
      return port.alreadyPosted(target, key);
    },
  };
}

/** Whether the routed port can answer `alreadyPosted` for this target. */
export function canCheckPosted(ports: Partial<Record<string, DeliveryPort>>, target: string): boolean {
  return typeof ports[platformOf(target)]?.alreadyPosted === 'function';
}
