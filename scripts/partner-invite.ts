/**
 * A Redress administrator invites a person to a support organisation's portal (usually its first administrator,
 * who then invites colleagues from the portal):
 *   npm run partner:invite -- ORG_ID EMAIL [administrator|caseworker]
 * The invitation is emailed through Notify (the local sink outside production). Uses the caseworker API's
 * configuration (DATABASE_URL, FIELD_ENCRYPTION_KEYS, NOTIFY_*, PARTNER_PORTAL_URL), validated the same way.
 */
import 'reflect-metadata';
import { InvitePartnerUser, SystemClock } from '@redress/application';
import { DomainError } from '@redress/domain';
import { dataSourceOptions, PostgresPartnerUserStore } from '@redress/persistence';
import { AuditLog, createNotifier, FieldCipher, loadConfigOrExit, parseFieldKeys } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CaseworkerApiConfig } from '../apps/caseworker-api/src/config.js';
import { FieldCipherPartnerEmailProtector } from '../apps/caseworker-api/src/partner/field-cipher-partner-email-protector.js';
import { partnerAuthSettings } from '../apps/caseworker-api/src/partner/partner.module.js';

const config = loadConfigOrExit(CaseworkerApiConfig, process.env);

async function main([organisationId, email, role = 'administrator']: string[]): Promise<void> {
  if (!organisationId || !email || (role !== 'administrator' && role !== 'caseworker')) {
    throw new Error('usage: npm run partner:invite -- ORG_ID EMAIL [administrator|caseworker]');
  }
  const dataSource = await new DataSource(
    dataSourceOptions({ url: config.DATABASE_URL, poolSize: 2, applicationName: 'redress-partner-invite' }),
  ).initialize();
  try {
    const auditLog = new AuditLog(dataSource);
    const store = new PostgresPartnerUserStore(dataSource, (manager, entry) => auditLog.append(manager, entry));
    const cipher = new FieldCipher(
      parseFieldKeys(config.FIELD_ENCRYPTION_KEYS),
      Buffer.from(config.BLIND_INDEX_KEY, 'base64'),
    );
    const invite = new InvitePartnerUser(
      store,
      new FieldCipherPartnerEmailProtector(cipher),
      createNotifier(config),
      new SystemClock(),
      partnerAuthSettings(config),
    );
    const { userId } = await invite.execute({
      organisationId,
      email,
      role,
      actor: { type: 'staff', id: 'cli:partner-invite' },
    });
    console.log(`invited user ${userId} as ${role}; they sign in at ${config.PARTNER_PORTAL_URL}`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof DomainError ? `${error.code}: ${error.message}` : (error as Error).message);
  process.exit(1);
});
