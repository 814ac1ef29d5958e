import { Logger, type Provider } from '@nestjs/common';
import {
  AssessClaim,
  CheckServiceLevel,
  ClaimClocks,
  EscalateOverdueInformationRequest,
  RemindInformationRequest,
  ClaimAssessmentUnitOfWork,
  ClaimContacts,
  Clock,
  CrimeReferenceChecks,
  DecisionLetterRenderer,
  DecisionLetters,
  DocumentStorage,
  RenderDecisionLetter,
  NotificationDeliveries,
  NotificationLookup,
  NotificationTemplates,
  type EventTemplates,
  Notifier,
  PoliceCrimeReferences,
  RecoverStuckNotifications,
  SendClaimNotification,
  SystemClock,
  VerifyCrimeReference,
} from '@redress/application';
import { FilesystemDocumentStorage } from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import { PdfkitDecisionLetterRenderer } from '../adapters/pdfkit-decision-letter-renderer.js';
import { PostgresDecisionLetters } from '../adapters/postgres-decision-letters.js';
import { PostgresClaimClocks } from '../adapters/postgres-claim-clocks.js';
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
  { provide: DecisionLetters, useClass: PostgresDecisionLetters },
  { provide: ClaimClocks, useClass: PostgresClaimClocks },
  {
    provide: RemindInformationRequest,
    inject: [ClaimClocks, SendClaimNotification, Clock],
    useFactory: (clocks: ClaimClocks, send: SendClaimNotification, clock: Clock) =>
      new RemindInformationRequest(clocks, send, clock),
  },
  {
    provide: EscalateOverdueInformationRequest,
    inject: [ClaimClocks, Clock],
    useFactory: (clocks: ClaimClocks, clock: Clock) => new EscalateOverdueInformationRequest(clocks, clock),
  },
  {
    provide: CheckServiceLevel,
    inject: [ClaimClocks, Clock],
    useFactory: (clocks: ClaimClocks, clock: Clock) => new CheckServiceLevel(clocks, clock),
  },
  { provide: DecisionLetterRenderer, useClass: PdfkitDecisionLetterRenderer },
  {
    provide: DocumentStorage,
    inject: [WorkerConfig, FieldCipher],
    useFactory: (config: WorkerConfig, cipher: FieldCipher) =>
      new FilesystemDocumentStorage(config.DOCUMENT_STORAGE_DIR, cipher),
  },
  {
    provide: RenderDecisionLetter,
    inject: [DecisionLetters, DecisionLetterRenderer, DocumentStorage, Clock],
    useFactory: (letters: DecisionLetters, renderer: DecisionLetterRenderer, storage: DocumentStorage, clock: Clock) =>
      new RenderDecisionLetter(letters, renderer, storage, clock),
  },
  {
    provide: NotificationTemplates,
    inject: [WorkerConfig],
    useFactory: (config: WorkerConfig) => {
      const templates = new NotificationTemplates(
        JSON.parse(config.NOTIFY_CLAIM_TEMPLATES) as Record<string, EventTemplates>,
      );
      // A Welsh claim would get the English message: say so once at boot (docs/welsh.md).
      const missing = templates.missingWelsh();
      if (missing.length) {
        new Logger('NotificationTemplates').warn({ missing }, 'no Welsh Notify template for these messages');
      }
      return templates;
    },
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
    provide: RecoverStuckNotifications,
    inject: [NotificationDeliveries, NotificationLookup, Clock],
    useFactory: (deliveries: NotificationDeliveries, lookup: NotificationLookup, clock: Clock) =>
      new RecoverStuckNotifications(deliveries, lookup, clock),
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
