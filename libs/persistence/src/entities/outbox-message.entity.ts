import { EntitySchema } from 'typeorm';

/**
 * A unit of work to hand to the queue, written in the same transaction as the state change that
 * caused it (transactional outbox). The relay moves it to BullMQ with `id` as the job id.
 */
export interface OutboxMessageRow {
  id: string;
  /** Job name from the job table in @redress/jobs, e.g. `claims.assess`. */
  jobName: string;
  /** Ids only: job data is stored in clear text in Redis. */
  payload: Record<string, unknown>;
  /** Messages with the same key are dispatched in commit order (per claim ordering). */
  orderingKey: string | null;
  createdAt: Date;
  /** Set once Redis has accepted the job. */
  dispatchedAt: Date | null;
  dispatchAttempts: number;
  lastError: string | null;
  /** Monotonic position, for ordered dispatch. */
  position: string;
}

export const OutboxMessageEntity = new EntitySchema<OutboxMessageRow>({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  columns: {
    id: { type: 'uuid', primary: true },
    position: { type: 'bigint', generated: 'increment', unique: true },
    jobName: { name: 'job_name', type: 'text' },
    payload: { type: 'jsonb' },
    orderingKey: { name: 'ordering_key', type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    dispatchedAt: { name: 'dispatched_at', type: 'timestamptz', nullable: true },
    dispatchAttempts: { name: 'dispatch_attempts', type: 'integer', default: 0 },
    lastError: { name: 'last_error', type: 'text', nullable: true },
  },
});
