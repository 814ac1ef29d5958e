import type { JobsOptions } from 'bullmq';
import { IsOptional, IsString, Matches } from 'class-validator';

/** Queues, one per kind of work, so that a slow partner never holds up a victim's claim. */
export const QueueName = {
  Claims: 'claims',
  Notifications: 'notifications',
  Referrals: 'referrals',
  Documents: 'documents',
  Housekeeping: 'housekeeping',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** How hard to retry: one table, so that every job of a kind behaves alike. */
export const RetryPolicy = {
  /** Our own database work: a few quick retries. */
  Internal: 'internal',
  /** A partner's or supplier's server: longer backoff. */
  External: 'external',
  /** A partner's webhook URL: retried for about 24 hours (docs/referrals.md), then left visible as failed. */
  PartnerWebhook: 'partner-webhook',
} as const;
export type RetryPolicy = (typeof RetryPolicy)[keyof typeof RetryPolicy];

export const retryTable: Record<RetryPolicy, Pick<JobsOptions, 'attempts' | 'backoff'>> = {
  internal: { attempts: 5, backoff: { type: 'exponential', delay: 1000, jitter: 0.2 } },
  external: { attempts: 12, backoff: { type: 'exponential', delay: 5000, jitter: 0.2 } },
  // 42 s doubling: the 12th and last attempt comes about 23.9 hours after the first (42 s x (2^11 - 1)).
  'partner-webhook': { attempts: 12, backoff: { type: 'exponential', delay: 42_000, jitter: 0.1 } },
};

/** Completed jobs are kept briefly for the dashboard; failed ones stay visible far longer. */
export const retention: Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'> = {
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 50_000 },
};

// ---- Payloads: ids only (BullMQ stores job data in clear text), validated again on consumption ----

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Verifies the whole audit chain; `reason` says what asked for it. */
export class VerifyAuditChainPayload {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z-]{1,40}$/)
  reason?: string;
}

/** A generic payload for jobs about one claim. */
export class ClaimJobPayload {
  @Matches(ID_PATTERN)
  claimId: string;
}

/** Tells the people on a claim about one of its events (`claim.submitted`, ...): the handler picks wording and channel. */
export class ClaimNotificationPayload {
  @Matches(ID_PATTERN)
  claimId: string;

  @Matches(/^claim\.[a-z-]{1,60}$/)
  event: string;

  /** For an event that happens more than once on a claim (a reminder per information request): which one. */
  @IsOptional()
  @Matches(ID_PATTERN)
  occurrence?: string;
}

/** Rechecks notifications left `sending` (no answer from Notify); `reason` says what asked for it. */
export class RecoverNotificationsPayload {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z-]{1,40}$/)
  reason?: string;
}

/** A job about one referral (send it once consent is given). */
export class ReferralJobPayload {
  @Matches(ID_PATTERN)
  referralId: string;
}

/** One webhook delivery to a partner organisation (the delivery row holds the event; ids only here). */
export class ReferralWebhookPayload {
  @Matches(ID_PATTERN)
  deliveryId: string;
}

/** Sweeps the referral clocks (right 4 send breaches, acknowledgement expiry); `reason` says what asked for it. */
export class ReferralClockSweepPayload {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z-]{1,40}$/)
  reason?: string;
}

/** Renders the letter for one decision on a claim (the caseworker API emits it when a decision is made). */
export class DecisionLetterPayload {
  @Matches(ID_PATTERN)
  claimId: string;

  @Matches(ID_PATTERN)
  decisionId: string;
}

/** A clock about one information request (a reminder before it is due, an escalation once overdue). */
export class InformationRequestJobPayload {
  @Matches(ID_PATTERN)
  informationRequestId: string;
}

/** Applies the retention schedule (docs/security.md, Retention); `reason` says what asked for it. */
export class ApplyRetentionPayload {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z-]{1,40}$/)
  reason?: string;
}

/** Instructs the finance system to make one payment (the caseworker API emits it when a payment is requested). */
export class PaymentJobPayload {
  @Matches(ID_PATTERN)
  paymentId: string;
}

/**
 * Every job: its name (`<context>.<action>`, never renamed in place), queue, payload class and retry
 * policy. The worker refuses to boot unless each name here has exactly one handler.
 */
export const jobDefinitions = {
  'housekeeping.verify-audit-chain': {
    queue: QueueName.Housekeeping,
    payload: VerifyAuditChainPayload,
    retry: RetryPolicy.Internal,
  },
  // Emitted on submission (docs/applications.md): assess eligibility, check the crime reference with the police.
  'claims.assess': { queue: QueueName.Claims, payload: ClaimJobPayload, retry: RetryPolicy.Internal },
  'claims.verify-crime-reference': { queue: QueueName.Claims, payload: ClaimJobPayload, retry: RetryPolicy.External },
  'notifications.send': {
    queue: QueueName.Notifications,
    payload: ClaimNotificationPayload,
    retry: RetryPolicy.External,
  },
  // Worker (docs/worker.md): a job scheduler asks Notify about deliveries left `sending`, by our reference.
  'notifications.recover-stuck': {
    queue: QueueName.Notifications,
    payload: RecoverNotificationsPayload,
    retry: RetryPolicy.Internal,
  },
  'referrals.send': { queue: QueueName.Referrals, payload: ReferralJobPayload, retry: RetryPolicy.Internal },
  'referrals.deliver-webhook': {
    queue: QueueName.Referrals,
    payload: ReferralWebhookPayload,
    retry: RetryPolicy.PartnerWebhook,
  },
  'referrals.check-clocks': {
    queue: QueueName.Referrals,
    payload: ReferralClockSweepPayload,
    retry: RetryPolicy.Internal,
  },
  // Worker (docs/worker.md): the decision letter PDF, attached to the claim.
  'documents.decision-letter': {
    queue: QueueName.Documents,
    payload: DecisionLetterPayload,
    retry: RetryPolicy.Internal,
  },
  // Worker clocks (docs/worker.md), delayed jobs on the working-day calendar.
  'claims.information-request-reminder': {
    queue: QueueName.Claims,
    payload: InformationRequestJobPayload,
    retry: RetryPolicy.Internal,
  },
  'claims.information-request-overdue': {
    queue: QueueName.Claims,
    payload: InformationRequestJobPayload,
    retry: RetryPolicy.Internal,
  },
  'claims.service-level-check': { queue: QueueName.Claims, payload: ClaimJobPayload, retry: RetryPolicy.Internal },
  // Retention (docs/security.md): erases or anonymises what the schedule says is due, leaving tombstones.
  'housekeeping.apply-retention': {
    queue: QueueName.Housekeeping,
    payload: ApplyRetentionPayload,
    retry: RetryPolicy.Internal,
  },
  // Caseworker API (docs/caseworker.md): a payment to the finance system, once whatever the retries.
  'payments.instruct': { queue: QueueName.Claims, payload: PaymentJobPayload, retry: RetryPolicy.External },
} as const satisfies Record<string, { queue: QueueName; payload: new () => object; retry: RetryPolicy }>;

/**
 * Job names no longer in use. A name is part of a persisted contract (outbox rows, jobs waiting or delayed in
 * Redis, BullMQ job schedulers named after it), so a retired name is listed here and never reused: the worker
 * removes the job scheduler of that name at boot, completes any job of that name still queued without doing
 * anything (and logs it), and the outbox relay settles pending rows of that name instead of holding them.
 */
export const retiredJobNames = {
  // Erased expired drafts without their evidence files or a retention tombstone. Draft expiry is the retention
  // job's alone now (class draft-application, docs/security.md); it ran from a job scheduler of this name.
  'housekeeping.expire-drafts': { queue: QueueName.Housekeeping, replacedBy: 'housekeeping.apply-retention' },
} as const satisfies Record<string, { queue: QueueName; replacedBy: keyof typeof jobDefinitions | null }>;

export type RetiredJobName = keyof typeof retiredJobNames;

export function isRetiredJobName(name: string): name is RetiredJobName {
  return Object.hasOwn(retiredJobNames, name);
}

export type JobName = keyof typeof jobDefinitions;
export type JobPayload<N extends JobName> = InstanceType<(typeof jobDefinitions)[N]['payload']>;

export const jobNames = Object.keys(jobDefinitions) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobDefinitions, name);
}

/** The options a job of this name is added with. */
export function jobOptions(name: JobName, jobId?: string): JobsOptions {
  return { ...retryTable[jobDefinitions[name].retry], ...retention, ...(jobId ? { jobId } : {}) };
}

/** The queues a worker listens to: those of every job, and those where jobs of a retired name may still wait. */
export function queuesInUse(): QueueName[] {
  return [
    ...new Set([
      ...Object.values(jobDefinitions).map((definition) => definition.queue),
      ...Object.values(retiredJobNames).map((retired) => retired.queue),
    ]),
  ];
}
