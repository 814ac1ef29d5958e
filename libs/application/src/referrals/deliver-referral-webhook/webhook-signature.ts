import { createHmac } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'Redress-Signature';

/**
 * `Redress-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">[,v1=...]`: one v1 per signing
 * secret in force (two while a secret is being rotated), as docs/referrals.md tells partners.
 */
export function signWebhook(body: string, secrets: readonly string[], timestampSeconds: number): string {
  const signatures = secrets.map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`,
  );
  return [`t=${timestampSeconds}`, ...signatures].join(',');
}
