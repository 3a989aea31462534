// Secret-shaped values, recognised wherever they appear in text: a provider that echoes the API key in an error
// message, or a token pasted into a question, must not reach a log line. Key names are redacted separately.

const SECRET_PATTERNS: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{6,}/g, // Slack bot / user tokens
  /\bxapp-[A-Za-z0-9-]{6,}/g, // Slack app-level tokens
  /\bsk-[A-Za-z0-9_-]{6,}/g, // OpenAI-style API keys
  /\bdapi[a-f0-9]{16,}(-\d+)?/g, // Databricks personal access tokens
  /\bBearer\s+[A-Za-z0-9._~+/-]{10,}=*/g, // bearer tokens in echoed headers
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, // JWTs (Bot Framework, OpenID)
];

export const SECRET_MASK = '[redacted]';

/** The text with every secret-shaped value masked. */
export function maskSecretValues(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, SECRET_MASK);
  return out;
}

/**
 * The mask every stored or logged text goes through: the configured secret values (tokens, keys, the Slack
 * signing secret, whatever their shape; values shorter than 6 characters are ignored, they would mask ordinary
 * words), then every secret-shaped value. The logger, the audit log and the conversation memory share it.
 */
export function createSecretMask(secrets: readonly (string | undefined)[] = []): (text: string) => string {
  const known = [...new Set(secrets.filter((value): value is string => !!value && value.length >= 6))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => {
    let out = text;
    for (const secret of known) out = out.split(secret).join(SECRET_MASK);
    return maskSecretValues(out);
  };
}

/** A copy of a JSON-like value with every string (not the keys) masked. */
export function maskDeep(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, mask));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, mask)]));
  }
  return value;
}
