import { Module } from '@nestjs/common';
import {
  ClaimSupportAnswers,
  Clock,
  FieldEncryption,
  GetMyReferral,
  GiveConsent,
  ListMyConsents,
  ListMyReferrals,
  ProposeReferrals,
  ReferralSettings,
  ReferralStore,
  SupportDirectory,
  SystemClock,
  WithdrawConsent,
} from '@redress/application';
import { defaultReferralClockSettings, englandAndWalesWorkingDays } from '@redress/domain';
import { PostgresClaimSupportAnswers, PostgresReferralStore, PostgresSupportDirectory } from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CitizenApiConfig } from '../config.js';
import { ReferralConsentsController } from './referral-consents.controller.js';
import { ReferralsController } from './referrals.controller.js';

/** Linked support referrals for victims: proposals with reasons, consent per organisation, status and outcome. */
@Module({
  controllers: [ReferralsController, ReferralConsentsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: FieldEncryption, useExisting: FieldCipher },
    {
      provide: ReferralSettings,
      inject: [CitizenApiConfig],
      useFactory: (config: CitizenApiConfig): ReferralSettings => ({
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
      useFactory: (ds: DataSource) => new PostgresSupportDirectory(ds),
    },
    {
      provide: ClaimSupportAnswers,
      inject: [DataSource, FieldCipher],
      useFactory: (ds: DataSource, cipher: FieldCipher) => new PostgresClaimSupportAnswers(ds, cipher),
    },
    {
      provide: ProposeReferrals,
      inject: [ReferralStore, SupportDirectory, FieldEncryption, ReferralSettings, Clock, ClaimSupportAnswers],
      useFactory: (...deps: ConstructorParameters<typeof ProposeReferrals>) => new ProposeReferrals(...deps),
    },
    {
      provide: ListMyReferrals,
      inject: [ReferralStore, FieldEncryption],
      useFactory: (...deps: ConstructorParameters<typeof ListMyReferrals>) => new ListMyReferrals(...deps),
    },
    {
      provide: GetMyReferral,
      inject: [ReferralStore, FieldEncryption],
      useFactory: (...deps: ConstructorParameters<typeof GetMyReferral>) => new GetMyReferral(...deps),
    },
    {
      provide: GiveConsent,
      inject: [ReferralStore, ReferralSettings, Clock],
      useFactory: (...deps: ConstructorParameters<typeof GiveConsent>) => new GiveConsent(...deps),
    },
    {
      provide: WithdrawConsent,
      inject: [ReferralStore, Clock],
      useFactory: (...deps: ConstructorParameters<typeof WithdrawConsent>) => new WithdrawConsent(...deps),
    },
    {
      provide: ListMyConsents,
      inject: [ReferralStore],
      useFactory: (...deps: ConstructorParameters<typeof ListMyConsents>) => new ListMyConsents(...deps),
    },
  ],
})
export class CitizenReferralsModule {}
