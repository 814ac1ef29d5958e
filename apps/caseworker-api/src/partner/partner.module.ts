import { hkdfSync } from 'node:crypto';
import { Module } from '@nestjs/common';
import {
  AuthenticatePartner,
  AuthenticatePartnerUser,
  Clock,
  ConfirmPartnerTotpSetup,
  CryptoPartnerAuthSecrets,
  defaultPartnerAuthSettings,
  GetPartnerUser,
  InvitePartnerUser,
  ListPartnerUsers,
  ConfigurePartnerWebhook,
  CreatePartnerCredential,
  OrganisationFigures,
  OrganisationFiguresStore,
  RevokePartnerCredentials,
  RotatePartnerCredentials,
  OwnDirectoryEntry,
  PartnerDirectoryStore,
  Notifier,
  PartnerAuthSecrets,
  PartnerEmailProtector,
  PartnerUserStore,
  RemovePartnerUser,
  RequestPartnerSignInCode,
  SecondFactor,
  SignOutPartnerUser,
  StartPartnerTotpSetup,
  VerifyPartnerSecondFactor,
  VerifyPartnerSignInCode,
  type PartnerAuthSettings,
  FieldEncryption,
  GetPartnerReferral,
  ListPartnerReferrals,
  PartnerAccessLog,
  PartnerAccessStore,
  PartnerKeyHasher,
  ReferralStore,
  RespondToReferral,
  SupportDirectory,
  SystemClock,
} from '@redress/application';
import {
  AuditLogPartnerAccessLog,
  PostgresPartnerAccessStore,
  PostgresPartnerDirectoryStore,
  PostgresOrganisationFigures,
  PostgresPartnerUserStore,
  PostgresReferralStore,
  PostgresSupportDirectory,
} from '@redress/persistence';
import { AuditLog, FieldCipher, TotpSecondFactor } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CaseworkerApiConfig } from '../config.js';
import { FieldCipherPartnerEmailProtector } from './field-cipher-partner-email-protector.js';
import { PartnerAuthController } from './partner-auth.controller.js';
import { PartnerDirectoryController } from './partner-directory.controller.js';
import { PartnerOrganisationController } from './partner-organisation.controller.js';
import { PartnerAdministratorGuard, PartnerAuthGuard, PartnerUserGuard } from './partner-auth.guard.js';
import { PartnerUsersController, StaffPartnerUsersController } from './partner-users.controller.js';
import { PartnerReferralsController } from './partner-referrals.controller.js';

const PARTNER_AUTH_SETTINGS = 'PARTNER_AUTH_SETTINGS';
/** Older keys and webhook secrets keep working this long after a rotation (as the partner:credentials CLI). */
const KEY_GRACE_MS = 24 * 3600 * 1000;

/** The partner sign-in code key, derived from the partner key pepper (RFC 5869 HKDF), so one secret serves both. */
function partnerCodeKey(config: CaseworkerApiConfig): Buffer {
  return Buffer.from(hkdfSync('sha256', config.PARTNER_KEY_PEPPER, '', 'redress partner sign-in code v1', 32));
}

export function partnerAuthSettings(config: CaseworkerApiConfig): PartnerAuthSettings {
  return {
    ...defaultPartnerAuthSettings,
    signInCodeTemplateId: config.NOTIFY_TEMPLATE_PARTNER_SIGN_IN_CODE,
    invitationTemplateId: config.NOTIFY_TEMPLATE_PARTNER_INVITATION,
    portalUrl: config.PARTNER_PORTAL_URL,
  };
}

type Deps<T extends abstract new (...args: never[]) => unknown> = ConstructorParameters<T>;

/**
 * The partner organisations' API: referrals sent to them, scoped by their API credential or by a signed-in
 * partner user's token; the users' sign-in and the organisation administrator's user management.
 */
@Module({
  controllers: [
    PartnerReferralsController,
    PartnerAuthController,
    PartnerUsersController,
    StaffPartnerUsersController,
    PartnerDirectoryController,
    PartnerOrganisationController,
  ],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: FieldEncryption, useExisting: FieldCipher },
    {
      provide: PartnerKeyHasher,
      inject: [CaseworkerApiConfig],
      useFactory: (config: CaseworkerApiConfig) => new PartnerKeyHasher(config.PARTNER_KEY_PEPPER),
    },
    {
      provide: ReferralStore,
      inject: [DataSource, AuditLog],
      useFactory: (dataSource: DataSource, auditLog: AuditLog) =>
        new PostgresReferralStore(dataSource, (manager, entry) => auditLog.append(manager, entry)),
    },
    {
      provide: PartnerAccessStore,
      inject: [DataSource, AuditLog],
      useFactory: (dataSource: DataSource, auditLog: AuditLog) =>
        new PostgresPartnerAccessStore(dataSource, (manager, entry) => auditLog.append(manager, entry)),
    },
    {
      provide: PartnerAccessLog,
      inject: [AuditLog],
      useFactory: (auditLog: AuditLog) => new AuditLogPartnerAccessLog((entry) => auditLog.record(entry)),
    },
    {
      provide: SupportDirectory,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new PostgresSupportDirectory(ds),
    },
    {
      provide: AuthenticatePartner,
      inject: [PartnerAccessStore, PartnerKeyHasher, Clock],
      useFactory: (...deps: ConstructorParameters<typeof AuthenticatePartner>) => new AuthenticatePartner(...deps),
    },
    {
      provide: ListPartnerReferrals,
      inject: [ReferralStore, FieldEncryption, PartnerAccessLog, Clock, CaseworkerApiConfig],
      useFactory: (
        store: ReferralStore,
        encryption: FieldEncryption,
        log: PartnerAccessLog,
        clock: Clock,
        config: CaseworkerApiConfig,
      ) =>
        new ListPartnerReferrals(store, encryption, log, clock, {
          endedPersonDays: config.PARTNER_ENDED_REFERRAL_DAYS,
        }),
    },
    {
      provide: GetPartnerReferral,
      inject: [ReferralStore, FieldEncryption, PartnerAccessLog, Clock, CaseworkerApiConfig],
      useFactory: (
        store: ReferralStore,
        encryption: FieldEncryption,
        log: PartnerAccessLog,
        clock: Clock,
        config: CaseworkerApiConfig,
      ) =>
        new GetPartnerReferral(store, encryption, log, clock, { endedPersonDays: config.PARTNER_ENDED_REFERRAL_DAYS }),
    },
    {
      provide: RespondToReferral,
      inject: [ReferralStore, SupportDirectory, FieldEncryption, Clock],
      useFactory: (...deps: ConstructorParameters<typeof RespondToReferral>) => new RespondToReferral(...deps),
    },
    {
      provide: PARTNER_AUTH_SETTINGS,
      inject: [CaseworkerApiConfig],
      useFactory: (config: CaseworkerApiConfig) => partnerAuthSettings(config),
    },
    {
      provide: PartnerAuthSecrets,
      inject: [CaseworkerApiConfig],
      useFactory: (config: CaseworkerApiConfig) => new CryptoPartnerAuthSecrets(partnerCodeKey(config)),
    },
    { provide: SecondFactor, useFactory: () => new TotpSecondFactor() },
    {
      provide: PartnerEmailProtector,
      inject: [FieldCipher],
      useFactory: (cipher: FieldCipher) => new FieldCipherPartnerEmailProtector(cipher),
    },
    {
      provide: PartnerUserStore,
      inject: [DataSource, AuditLog],
      useFactory: (dataSource: DataSource, auditLog: AuditLog) =>
        new PostgresPartnerUserStore(dataSource, (manager, entry) => auditLog.append(manager, entry)),
    },
    {
      provide: RequestPartnerSignInCode,
      inject: [PartnerUserStore, PartnerEmailProtector, PartnerAuthSecrets, Notifier, Clock, PARTNER_AUTH_SETTINGS],
      useFactory: (...deps: Deps<typeof RequestPartnerSignInCode>) => new RequestPartnerSignInCode(...deps),
    },
    {
      provide: VerifyPartnerSignInCode,
      inject: [PartnerUserStore, PartnerAuthSecrets, Clock, PARTNER_AUTH_SETTINGS],
      useFactory: (...deps: Deps<typeof VerifyPartnerSignInCode>) => new VerifyPartnerSignInCode(...deps),
    },
    {
      provide: StartPartnerTotpSetup,
      inject: [
        PartnerUserStore,
        PartnerAuthSecrets,
        Clock,
        PARTNER_AUTH_SETTINGS,
        SecondFactor,
        FieldEncryption,
        PartnerEmailProtector,
      ],
      useFactory: (...deps: Deps<typeof StartPartnerTotpSetup>) => new StartPartnerTotpSetup(...deps),
    },
    {
      provide: ConfirmPartnerTotpSetup,
      inject: [PartnerUserStore, PartnerAuthSecrets, Clock, PARTNER_AUTH_SETTINGS, SecondFactor, FieldEncryption],
      useFactory: (...deps: Deps<typeof ConfirmPartnerTotpSetup>) => new ConfirmPartnerTotpSetup(...deps),
    },
    {
      provide: VerifyPartnerSecondFactor,
      inject: [PartnerUserStore, PartnerAuthSecrets, Clock, PARTNER_AUTH_SETTINGS, SecondFactor, FieldEncryption],
      useFactory: (...deps: Deps<typeof VerifyPartnerSecondFactor>) => new VerifyPartnerSecondFactor(...deps),
    },
    {
      provide: AuthenticatePartnerUser,
      inject: [PartnerUserStore, PartnerAuthSecrets, Clock, PARTNER_AUTH_SETTINGS],
      useFactory: (...deps: Deps<typeof AuthenticatePartnerUser>) => new AuthenticatePartnerUser(...deps),
    },
    {
      provide: SignOutPartnerUser,
      inject: [PartnerUserStore, Clock],
      useFactory: (...deps: Deps<typeof SignOutPartnerUser>) => new SignOutPartnerUser(...deps),
    },
    {
      provide: GetPartnerUser,
      inject: [PartnerUserStore, PartnerEmailProtector],
      useFactory: (...deps: Deps<typeof GetPartnerUser>) => new GetPartnerUser(...deps),
    },
    {
      provide: ListPartnerUsers,
      inject: [PartnerUserStore, PartnerEmailProtector],
      useFactory: (...deps: Deps<typeof ListPartnerUsers>) => new ListPartnerUsers(...deps),
    },
    {
      provide: InvitePartnerUser,
      inject: [PartnerUserStore, PartnerEmailProtector, Notifier, Clock, PARTNER_AUTH_SETTINGS],
      useFactory: (...deps: Deps<typeof InvitePartnerUser>) => new InvitePartnerUser(...deps),
    },
    {
      provide: RemovePartnerUser,
      inject: [PartnerUserStore, Clock],
      useFactory: (...deps: Deps<typeof RemovePartnerUser>) => new RemovePartnerUser(...deps),
    },
    {
      provide: PartnerDirectoryStore,
      inject: [DataSource, AuditLog],
      useFactory: (dataSource: DataSource, auditLog: AuditLog) =>
        new PostgresPartnerDirectoryStore(dataSource, (manager, entry) => auditLog.append(manager, entry)),
    },
    {
      provide: OwnDirectoryEntry,
      inject: [PartnerDirectoryStore, Clock],
      useFactory: (...deps: Deps<typeof OwnDirectoryEntry>) => new OwnDirectoryEntry(...deps),
    },
    {
      provide: OrganisationFiguresStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresOrganisationFigures(dataSource),
    },
    {
      provide: OrganisationFigures,
      inject: [OrganisationFiguresStore],
      useFactory: (...deps: Deps<typeof OrganisationFigures>) => new OrganisationFigures(...deps),
    },
    {
      provide: CreatePartnerCredential,
      inject: [PartnerAccessStore, PartnerKeyHasher, Clock],
      useFactory: (...deps: Deps<typeof CreatePartnerCredential>) => new CreatePartnerCredential(...deps),
    },
    {
      provide: RotatePartnerCredentials,
      inject: [CreatePartnerCredential, PartnerAccessStore, Clock],
      useFactory: (create: CreatePartnerCredential, store: PartnerAccessStore, clock: Clock) =>
        new RotatePartnerCredentials(create, store, clock, KEY_GRACE_MS),
    },
    {
      provide: RevokePartnerCredentials,
      inject: [PartnerAccessStore, Clock],
      useFactory: (...deps: Deps<typeof RevokePartnerCredentials>) => new RevokePartnerCredentials(...deps),
    },
    {
      provide: ConfigurePartnerWebhook,
      inject: [PartnerAccessStore, FieldEncryption, Clock],
      useFactory: (store: PartnerAccessStore, encryption: FieldEncryption, clock: Clock) =>
        new ConfigurePartnerWebhook(store, encryption, clock, KEY_GRACE_MS),
    },
    PartnerAuthGuard,
    PartnerAdministratorGuard,
    PartnerUserGuard,
  ],
})
export class PartnerModule {}
