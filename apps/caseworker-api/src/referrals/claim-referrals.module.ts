import { Module } from '@nestjs/common';
import {
  AccessLog,
  CaseFileStore,
  Clock,
  FieldEncryption,
  ListClaimReferrals,
  ReferOnBehalf,
  ReferralSettings,
  ReferralStore,
  SupportDirectory,
  SystemClock,
  WithdrawConsentOnBehalf,
} from '@redress/application';
import { defaultReferralClockSettings, englandAndWalesWorkingDays } from '@redress/domain';
import {
  AuditLogAccessLog,
  PostgresCaseFileStore,
  PostgresReferralStore,
  PostgresSupportDirectory,
} from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CaseworkerApiConfig } from '../config.js';
import { ClaimReferralsController } from './claim-referrals.controller.js';

/**
 * Staff view of a claim's support referrals, referring on the victim's behalf with their recorded consent, and
 * recording the withdrawal of that consent on their behalf.
 */
@Module({
  controllers: [ClaimReferralsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: FieldEncryption, useExisting: FieldCipher },
    { provide: AccessLog, inject: [AuditLog], useFactory: (auditLog: AuditLog) => new AuditLogAccessLog(auditLog) },
    {
      provide: CaseFileStore,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresCaseFileStore(dataSource, cipher),
    },
    {
      provide: ReferralSettings,
      inject: [CaseworkerApiConfig],
      useFactory: (config: CaseworkerApiConfig): ReferralSettings => ({
        clocks: { ...defaultReferralClockSettings, sendWithinWorkingDays: config.REFERRAL_SEND_WORKING_DAYS },
        calendar: englandAndWalesWorkingDays,
        proposals: config.REFERRAL_PROPOSALS,
      }),
    },
    {
      provide: ReferralStore,
      inject: [DataSource, AuditLog],
      useFactory: (dataSource: DataSource, auditLog: AuditLog) =>
        new PostgresReferralStore(dataSource, (manager, entry) => auditLog.append(manager, entry)),
    },
    {
      provide: SupportDirectory,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresSupportDirectory(dataSource),
    },
    {
      provide: ListClaimReferrals,
      inject: [CaseFileStore, AccessLog, ReferralStore, FieldEncryption, Clock],
      useFactory: (...deps: ConstructorParameters<typeof ListClaimReferrals>) => new ListClaimReferrals(...deps),
    },
    {
      provide: ReferOnBehalf,
      inject: [CaseFileStore, AccessLog, ReferralStore, SupportDirectory, FieldEncryption, ReferralSettings, Clock],
      useFactory: (...deps: ConstructorParameters<typeof ReferOnBehalf>) => new ReferOnBehalf(...deps),
    },
    {
      provide: WithdrawConsentOnBehalf,
      inject: [CaseFileStore, AccessLog, ReferralStore, Clock],
      useFactory: (...deps: ConstructorParameters<typeof WithdrawConsentOnBehalf>) =>
        new WithdrawConsentOnBehalf(...deps),
    },
  ],
})
export class ClaimReferralsModule {}
