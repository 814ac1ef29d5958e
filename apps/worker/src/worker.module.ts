import { Module, type DynamicModule } from '@nestjs/common';
import { jobNames, JobRegistry, type JobHandler } from '@redress/jobs';
import { NotifyModule, WorkerPlatformModule } from '@redress/platform';
import { AuditSealer } from './audit-sealer.js';
import { WorkerConfig } from './config.js';
import { VerifyAuditChainHandler } from './handlers/verify-audit-chain.handler.js';
import { claimProviders } from './handlers/claim-providers.js';
import { ClaimsAssessHandler } from './handlers/claims-assess.handler.js';
import { ClaimsVerifyCrimeReferenceHandler } from './handlers/claims-verify-crime-reference.handler.js';
import { NotificationsRecoverStuckHandler, NotificationsSendHandler } from './handlers/notifications-send.handler.js';
import { DocumentsDecisionLetterHandler } from './handlers/documents-decision-letter.handler.js';
import {
  InformationRequestOverdueHandler,
  InformationRequestReminderHandler,
  ServiceLevelCheckHandler,
} from './handlers/clock-handlers.js';
import { ReferralsCheckClocksHandler } from './handlers/referrals-check-clocks.handler.js';
import { ReferralsDeliverWebhookHandler } from './handlers/referrals-deliver-webhook.handler.js';
import { referralProviders } from './handlers/referrals-providers.js';
import { ReferralsSendHandler } from './handlers/referrals-send.handler.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { PaymentsInstructHandler, paymentProviders } from './handlers/payments-instruct.handler.js';
import { WorkerHost } from './worker-host.js';
import { HousekeepingRetentionHandler, retentionProviders } from './handlers/housekeeping-retention.handler.js';

/** Every job handler, listed explicitly: the job-name table is checked against this list at boot. */
const handlers = [
  VerifyAuditChainHandler,
  ReferralsSendHandler,
  ReferralsDeliverWebhookHandler,
  ReferralsCheckClocksHandler,
  ClaimsAssessHandler,
  ClaimsVerifyCrimeReferenceHandler,
  NotificationsSendHandler,
  NotificationsRecoverStuckHandler,
  DocumentsDecisionLetterHandler,
  InformationRequestReminderHandler,
  InformationRequestOverdueHandler,
  ServiceLevelCheckHandler,
  PaymentsInstructHandler,
  HousekeepingRetentionHandler,
];

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerPlatformModule.forRoot({ config, configClass: WorkerConfig, appName: 'worker' }),
        NotifyModule.forRoot(config),
      ],
      providers: [
        ...referralProviders,
        ...claimProviders,
        ...paymentProviders,
        ...retentionProviders,
        ...handlers,
        {
          provide: JobRegistry,
          inject: handlers,
          useFactory: (...instances: JobHandler[]) => new JobRegistry(instances, jobNames),
        },
        WorkerHost,
        OutboxRelayService,
        AuditSealer,
      ],
    };
  }
}
