import { randomUUID } from 'node:crypto';
import { parseJobPayload } from '../job-handler.js';
import type { JobName, JobPayload } from '../job-definitions.js';

/**
 * Anything that runs SQL inside the caller's transaction: a TypeORM `EntityManager` or `QueryRunner`, or a
 * `pg` client. Typed structurally so that libs/jobs needs no ORM.
 */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface OutboxEnqueueOptions {
  /** The job must not run before this instant (a clock); the relay adds it to BullMQ as a delayed job. */
  notBefore?: Date;
  /**
   * The row id, which becomes the BullMQ job id. Give one only when the caller needs a deterministic id
   * (a clock that may be set twice); it must be a UUID. Otherwise a random UUID is made.
   */
  id?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes a job into the transactional outbox, inside the caller's transaction: the job exists if and only if
 * the state change that caused it commits. The outbox relay in the worker moves it to BullMQ with the row id
 * as the job id. Payloads are validated here against the job's payload class (ids only) so that a bad payload
 * fails the use case, not the worker hours later.
 */
export class OutboxWriter {
  /**
   * @param orderingKey rows with the same key reach the queue in the order they were written (for example
   *   `claim:<id>`); rows without one are dispatched as soon as possible.
   * @returns the row id, which is also the job id.
   */
  async enqueue<N extends JobName>(
    manager: SqlRunner,
    jobName: N,
    payload: JobPayload<N>,
    orderingKey?: string | null,
    options: OutboxEnqueueOptions = {},
  ): Promise<string> {
    const plain = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
    parseJobPayload(jobName, plain);
    const id = options.id ?? randomUUID();
    if (!UUID.test(id)) throw new Error(`outbox row ids must be UUIDs (got ${id})`);
    await manager.query(
      `INSERT INTO outbox_message (id, job_name, payload, ordering_key, not_before) VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [id, jobName, JSON.stringify(plain), orderingKey ?? null, options.notBefore ?? null],
    );
    return id;
  }
}
