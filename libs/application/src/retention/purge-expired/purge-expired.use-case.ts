import type { Clock } from '../../ports/clock.js';

export interface PurgedCounts {
  readonly signInCodes: number;
  readonly sessions: number;
  readonly refreshTokens: number;
  readonly idempotencyRecords: number;
}

/** Deletes sign-in codes, sessions (with their refresh tokens), refresh tokens and idempotency records expired before `before`. */
export abstract class ExpiredRecords {
  abstract purge(before: Date): Promise<PurgedCounts>;
}

/** How long an expired credential is kept (for a recent sign-in question), in milliseconds: one day. */
export const EXPIRED_RECORDS_GRACE_MS = 24 * 3600 * 1000;

/**
 * Part of the nightly retention run: what only ever served a moment (a sign-in code, a session, a refresh token,
 * the answer kept for a repeated submission) is deleted a day after it expired, instead of being kept for good.
 */
export class PurgeExpired {
  constructor(
    private readonly records: ExpiredRecords,
    private readonly clock: Clock,
  ) {}

  execute(): Promise<PurgedCounts> {
    return this.records.purge(new Date(this.clock.now().getTime() - EXPIRED_RECORDS_GRACE_MS));
  }
}
