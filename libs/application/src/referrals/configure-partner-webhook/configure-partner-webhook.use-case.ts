import { FieldEncryption } from '../referral-ports.js';
import { randomBytes } from 'node:crypto';
import { Clock } from '../../ports/clock.js';
import { PartnerAccessStore } from '../partner-access-ports.js';
import { OrganisationNotFoundError } from '../partner-credentials/partner-credential-use-cases.js';
import { type ReferralActor } from '../referral-ports.js';

export const webhookSecretContext = (organisationId: string) => `partner-webhook:${organisationId}:secret`;

export interface ConfigurePartnerWebhookCommand {
  organisationId: string;
  url: string;
  actor: ReferralActor;
}

/**
 * Sets an organisation's webhook URL and issues a new signing secret, shown once. The secret is kept
 * encrypted (we must sign with it, so it cannot be hashed); the previous one stays valid for the grace
 * period, during which every webhook carries both signatures.
 */
export class ConfigurePartnerWebhook {
  constructor(
    private readonly store: PartnerAccessStore,
    private readonly encryption: FieldEncryption,
    private readonly clock: Clock,
    private readonly graceMilliseconds: number,
  ) {}

  async execute(
    command: ConfigurePartnerWebhookCommand,
  ): Promise<{ signingSecret: string; previousSecretValidUntil: Date | null }> {
    if (!(await this.store.organisationExists(command.organisationId))) throw new OrganisationNotFoundError();
    const now = this.clock.now();
    const context = webhookSecretContext(command.organisationId);
    const existing = await this.store.webhookEndpoint(command.organisationId);
    // Standard Webhooks: `whsec_` and the key in standard base64.
    const signingSecret = `whsec_${randomBytes(32).toString('base64')}`;
    const previousSecretValidUntil = existing ? new Date(now.getTime() + this.graceMilliseconds) : null;
    await this.store.saveWebhookEndpoint(
      {
        organisationId: command.organisationId,
        url: command.url,
        secretEncrypted: this.encryption.encrypt(signingSecret, context),
        previousSecretEncrypted: existing?.secretEncrypted ?? null,
        previousSecretValidUntil,
      },
      {
        actor: command.actor,
        action: existing ? 'partner-webhook.secret-rotated' : 'partner-webhook.configured',
        targetType: 'partner-webhook',
        targetId: command.organisationId,
        occurredAt: now,
      },
    );
    return { signingSecret, previousSecretValidUntil };
  }
}
