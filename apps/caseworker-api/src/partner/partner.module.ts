import { Module } from '@nestjs/common';
import {
  AuthenticatePartner,
  Clock,
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
  PostgresReferralStore,
  PostgresSupportDirectory,
} from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CaseworkerApiConfig } from '../config.js';
import { PartnerAuthGuard } from './partner-auth.guard.js';
import { PartnerReferralsController } from './partner-referrals.controller.js';

/** The partner organisations' API: referrals sent to them, scoped by their API credential. */
@Module({
  controllers: [PartnerReferralsController],
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
    PartnerAuthGuard,
  ],
})
export class PartnerModule {}
