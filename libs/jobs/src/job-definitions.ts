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
} as const;
export type RetryPolicy = (typeof RetryPolicy)[keyof typeof RetryPolicy];

export const retryTable: Record<RetryPolicy, Pick<JobsOptions, 'attempts' | 'backoff'>> = {
  internal: { attempts: 5, backoff: { type: 'exponential', delay: 1000, jitter: 0.2 } },
  external: { attempts: 12, backoff: { type: 'exponential', delay: 5000, jitter: 0.2 } },
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
} as const satisfies Record<string, { queue: QueueName; payload: new () => object; retry: RetryPolicy }>;

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

export function queuesInUse(): QueueName[] {
  return [...new Set(Object.values(jobDefinitions).map((definition) => definition.queue))];
}
