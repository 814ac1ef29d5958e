/**
 * Partner API credentials and webhooks, for an administrator (until staff sign-in has a screen for it):
 *   npm run partner:credentials -- create ORG_ID        issue a new API key (older keys keep working)
 *   npm run partner:credentials -- rotate ORG_ID        issue a new key; older keys stop working in 24 hours
 *   npm run partner:credentials -- revoke ORG_ID        revoke every key of the organisation at once
 *   npm run partner:credentials -- webhook ORG_ID URL   set the webhook URL and issue a new signing secret
 *                                                       (the previous secret stays valid for 24 hours)
 * Keys and secrets are printed once and never stored in clear. Uses the caseworker API's configuration
 * (DATABASE_URL, PARTNER_KEY_PEPPER, FIELD_ENCRYPTION_KEYS), validated the same way.
 */
import 'reflect-metadata';
import {
  ConfigurePartnerWebhook,
  CreatePartnerCredential,
  PartnerKeyHasher,
  RevokePartnerCredentials,
  RotatePartnerCredentials,
  SystemClock,
  type ReferralActor,
} from '@redress/application';
import { DomainError } from '@redress/domain';
import { dataSourceOptions, PostgresPartnerAccessStore } from '@redress/persistence';
import { AuditLog, checkOutboundUrl, FieldCipher, loadConfigOrExit, parseFieldKeys } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CaseworkerApiConfig } from '../apps/caseworker-api/src/config.js';

const GRACE_MS = 24 * 3600 * 1000;
const config = loadConfigOrExit(CaseworkerApiConfig, process.env);
// Until staff sign-in reaches this tool, the operator's CLI is the actor the audit log records.
const actor: ReferralActor = { type: 'staff', id: 'cli:partner-credentials' };

async function main([command, organisationId, url]: string[]): Promise<void> {
  if (!command || !organisationId || !['create', 'rotate', 'revoke', 'webhook'].includes(command)) {
    throw new Error('usage: npm run partner:credentials -- create|rotate|revoke ORG_ID | webhook ORG_ID URL');
  }
  const dataSource = await new DataSource(
    dataSourceOptions({ url: config.DATABASE_URL, poolSize: 2, applicationName: 'redress-partner-credentials' }),
  ).initialize();
  try {
    const auditLog = new AuditLog(dataSource);
    const store = new PostgresPartnerAccessStore(dataSource, (manager, entry) => auditLog.append(manager, entry));
    const clock = new SystemClock();
    const hasher = new PartnerKeyHasher(config.PARTNER_KEY_PEPPER);
    const create = new CreatePartnerCredential(store, hasher, clock);
    switch (command) {
      case 'create':
      case 'rotate': {
        const issued =
          command === 'create'
            ? await create.execute({ organisationId, actor })
            : await new RotatePartnerCredentials(create, store, clock, GRACE_MS).execute({ organisationId, actor });
        console.log(`key id:  ${issued.keyId}`);
        console.log(`API key: ${issued.apiKey}`);
        console.log('Give the API key to the organisation now: it is not stored and cannot be shown again.');
        if (issued.previousKeysExpireAt)
          console.log(`Older keys stop working at ${issued.previousKeysExpireAt.toISOString()}.`);
        return;
      }
      case 'revoke': {
        const { revoked } = await new RevokePartnerCredentials(store, clock).execute({ organisationId, actor });
        console.log(`revoked ${revoked} key(s)`);
        return;
      }
      case 'webhook': {
        if (!url) throw new Error('webhook needs a URL (https:// in production)');
        // https only in production, and never an address inside the network (checked again at every delivery).
        const production = config.NODE_ENV === 'production';
        checkOutboundUrl(url, { production, allowPrivateAddresses: !production });
        const cipher = new FieldCipher(
          parseFieldKeys(config.FIELD_ENCRYPTION_KEYS),
          Buffer.from(config.BLIND_INDEX_KEY, 'base64'),
        );
        const result = await new ConfigurePartnerWebhook(store, cipher, clock, GRACE_MS).execute({
          organisationId,
          url,
          actor,
        });
        console.log(`signing secret: ${result.signingSecret}`);
        console.log('Give the signing secret to the organisation now: it cannot be shown again.');
        if (result.previousSecretValidUntil) {
          console.log(
            `The previous secret also signs every webhook until ${result.previousSecretValidUntil.toISOString()}.`,
          );
        }
        return;
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof DomainError || error instanceof Error ? error.message : error);
  process.exit(1);
});
