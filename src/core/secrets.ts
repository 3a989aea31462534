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
