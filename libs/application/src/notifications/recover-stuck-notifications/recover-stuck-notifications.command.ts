export interface RecoverStuckNotificationsCommand {
  /** A delivery still `sending` this long after it was claimed is stuck: no send can still be in flight. */
  readonly stuckAfterMs: number;
  /**
   * How far back to look: shorter than Notify's data retention (7 days unless changed), since past it "not found"
   * no longer means "never taken". Older rows stay `sending` for a person to look at.
   */
  readonly lookBackMs: number;
  /** A delivery already claimed this many times is not queued again (`rejected`, for a person). */
  readonly maxAttempts?: number;
  /** Rows read per page. */
  readonly batchSize?: number;
}
