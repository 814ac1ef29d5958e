import type { RetentionRule } from '@redress/domain';

export interface ApplyRetentionCommand {
  /** The deployment's schedule (docs/security.md); the default schedule when absent. */
  readonly schedule?: readonly RetentionRule[];
  /** Records fetched per page. */
  readonly batchSize?: number;
}
