import type { Provider } from '@nestjs/common';
import {
  AssessClaim,
  ClaimAssessmentUnitOfWork,
  ClaimContacts,
  Clock,
  CrimeReferenceChecks,
  NotificationDeliveries,
  NotificationTemplates,
  Notifier,
  PoliceCrimeReferences,
  SendClaimNotification,
  SystemClock,
  VerifyCrimeReference,
} from '@redress/application';
import { PostgresClaimAssessmentUnitOfWork } from '../adapters/postgres-claim-assessments.js';
import { HttpPoliceCrimeReferences, PostgresCrimeReferenceChecks } from '../adapters/crime-reference-adapters.js';
import { PostgresClaimContacts, PostgresNotificationDeliveries } from '../adapters/postgres-notification-adapters.js';
import { WorkerConfig } from '../config.js';

/** The claim use cases the worker runs (assessment, crime reference, notifications) and their adapters. */
export const claimProviders: Provider[] = [
  { provide: Clock, useClass: SystemClock },
  { provide: ClaimContacts, useClass: PostgresClaimContacts },
  { provide: NotificationDeliveries, useClass: PostgresNotificationDeliveries },
  { provide: ClaimAssessmentUnitOfWork, useClass: PostgresClaimAssessmentUnitOfWork },
  { provide: CrimeReferenceChecks, useClass: PostgresCrimeReferenceChecks },
  {
    provide: NotificationTemplates,
    inject: [WorkerConfig],
    useFactory: (config: WorkerConfig) =>
      new NotificationTemplates(
        JSON.parse(config.NOTIFY_CLAIM_TEMPLATES) as Record<string, { email?: string; sms?: string }>,
      ),
  },
  {
    provide: PoliceCrimeReferences,
    inject: [WorkerConfig],
    useFactory: (config: WorkerConfig) =>
      new HttpPoliceCrimeReferences(config.POLICE_API_BASE_URL, config.POLICE_API_TIMEOUT_MS),
  },
  {
    provide: SendClaimNotification,
    inject: [ClaimContacts, NotificationDeliveries, NotificationTemplates, Notifier, Clock],
    useFactory: (
      contacts: ClaimContacts,
      deliveries: NotificationDeliveries,
      templates: NotificationTemplates,
      notifier: Notifier,
      clock: Clock,
    ) => new SendClaimNotification(contacts, deliveries, templates, notifier, clock),
  },
  {
    provide: AssessClaim,
    inject: [ClaimAssessmentUnitOfWork, Clock],
    useFactory: (unitOfWork: ClaimAssessmentUnitOfWork, clock: Clock) => new AssessClaim(unitOfWork, clock),
  },
  {
    provide: VerifyCrimeReference,
    inject: [CrimeReferenceChecks, PoliceCrimeReferences, Clock],
    useFactory: (checks: CrimeReferenceChecks, police: PoliceCrimeReferences, clock: Clock) =>
      new VerifyCrimeReference(checks, police, clock),
  },
];
