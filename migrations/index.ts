import { PlatformTables1764250000000 } from './1764250000000-platform-tables.js';
import { AuditSealing1764360000000 } from './1764360000000-audit-sealing.js';
import { CitizenAccounts1764260000000 } from './1764260000000-citizen-accounts.js';
import { OutboxRelay1764320000000 } from './1764320000000-outbox-relay.js';
import { WorkerRecords1764320000100 } from './1764320000100-worker-records.js';
import { ClockEscalations1764320000200 } from './1764320000200-clock-escalations.js';
import { CitizenSignIn1764300000000 } from './1764300000000-citizen-sign-in.js';
import { SupportDirectory1764330000000 } from './1764330000000-support-directory.js';
import { Referrals1764330100000 } from './1764330100000-referrals.js';
import { PartnerAccess1764330200000 } from './1764330200000-partner-access.js';
import { ReferralClaimLink1764330300000 } from './1764330300000-referral-claim-link.js';
import { ApplicationsAndClaims1764310000000 } from './1764310000000-applications-and-claims.js';
import { Casework1764340000000 } from './1764340000000-casework.js';
import { EvidenceDocuments1764310100000 } from './1764310100000-evidence-documents.js';
import { CaseworkerDecisionsAndSearch1764350000000 } from './1764350000000-caseworker-decisions-and-search.js';
import { Retention1764380000000 } from './1764380000000-retention.js';
import { InformationRequestLifecycle1764400000000 } from './1764400000000-information-request-lifecycle.js';
import { NotificationDeliverySendingIndex1764420000000 } from './1764420000000-notification-delivery-sending-index.js';
import { ClaimNameVariants1764430000000 } from './1764430000000-claim-name-variants.js';
import { ReferralConsentMethod1764440000000 } from './1764440000000-referral-consent-method.js';
import { AuditLogReferralListReadsIndex1764460000000 } from './1764460000000-audit-log-referral-list-reads-index.js';
import { DatabaseRoles1764470000000 } from './1764470000000-database-roles.js';
import { CitizenExternalIssuer1764470000000 } from './1764470000000-citizen-external-issuer.js';
import { PaymentsFourEyes1764470000100 } from './1764470000100-payments-four-eyes.js';
import { PreferredLanguage1764480000000 } from './1764480000000-preferred-language.js';
import { PartnerUsers1764480000000 } from './1764480000000-partner-users.js';

/** Every migration, listed explicitly and in order (never by glob). Add new ones at the end. */
export const migrations = [
  PlatformTables1764250000000,
  CitizenAccounts1764260000000,
  OutboxRelay1764320000000,
  CitizenSignIn1764300000000,
  SupportDirectory1764330000000,
  Referrals1764330100000,
  PartnerAccess1764330200000,
  ApplicationsAndClaims1764310000000,
  WorkerRecords1764320000100,
  Casework1764340000000,
  EvidenceDocuments1764310100000,
  ReferralClaimLink1764330300000,
  ClockEscalations1764320000200,
  CaseworkerDecisionsAndSearch1764350000000,
  AuditSealing1764360000000,
  Retention1764380000000,
  InformationRequestLifecycle1764400000000,
  NotificationDeliverySendingIndex1764420000000,
  ClaimNameVariants1764430000000,
  ReferralConsentMethod1764440000000,
  AuditLogReferralListReadsIndex1764460000000,
  DatabaseRoles1764470000000,
  CitizenExternalIssuer1764470000000,
  PaymentsFourEyes1764470000100,
  PreferredLanguage1764480000000,
  PartnerUsers1764480000000,
];
