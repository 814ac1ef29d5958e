import { Webhook } from 'standardwebhooks';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): `webhook-id` (the event id, the same on every retry),
 * `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`,
 * one `v1,` signature per secret in force (two, space separated, while a secret is rotated). Secrets are
 * `whsec_<base64 key>`. Signed with the specification's own library, so a partner verifies with theirs.
 */
export function standardWebhookHeaders(
  eventId: string,
  body: string,
  secrets: readonly string[],
  at: Date,
): { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string } {
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(eventId, at, body)).join(' '),
  };
}
