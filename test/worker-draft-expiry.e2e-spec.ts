import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentStorage } from '@redress/application';
import { FieldCipher, loadConfig, redisOptions } from '@redress/platform';
import { DisposableDatabase, DisposableRedis } from '@redress/testing';
import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import pg from 'pg';
import { createWorker } from '../apps/worker/src/bootstrap.js';
import { WorkerConfig } from '../apps/worker/src/config.js';
import { createApplication } from './support/applications.js';
import { createTestCitizen, startCitizenApi } from './support/citizen-api.js';

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Draft expiry has one code path, the retention job (`housekeeping.apply-retention`, class draft-application).
 * The retired `housekeeping.expire-drafts` (which erased drafts without their files or a retention tombstone)
 * is still a name an older release left in Redis: its job scheduler and queued jobs must not erase anything,
 * nor stop the worker from booting.
 */
describe('worker: draft expiry (one path, the retention job) and the retired housekeeping.expire-drafts', () => {
  let database: DisposableDatabase;
  let redis: DisposableRedis;
  let citizenApi: NestFastifyApplication;
  let worker: INestApplicationContext;
  let pool: pg.Pool;
  let queue: Queue;
  let events: QueueEvents;
  const documents = mkdtempSync(join(tmpdir(), 'redress-draft-expiry-'));
  const prefix = `draft-expiry-${randomUUID().slice(0, 8)}`;
  let expired: { id: string; storageKey: string };
  let fresh: { id: string };
  let leftoverJobId: string;

  beforeAll(async () => {
    [database, redis] = await Promise.all([
      DisposableDatabase.create(process.env.DATABASE_URL!, 'draftexp'),
      DisposableRedis.start(),
    ]);
    pool = database.pool(2);
    citizenApi = await startCitizenApi({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: prefix,
      DOCUMENT_STORAGE: 'filesystem',
      DOCUMENT_STORAGE_DIR: documents,
    });
    const citizen = await createTestCitizen(citizenApi);
    const draft = await createApplication(citizenApi, citizen, {});
    fresh = await createApplication(citizenApi, citizen, {});
    // The draft's last change was 40 days ago: it expired 10 days ago and is due for erasure with its file.
    await pool.query(
      `UPDATE application SET updated_at = now() - interval '40 days', expires_at = now() - interval '10 days'
        WHERE id = $1`,
      [draft.id],
    );
    const documentId = randomUUID();
    const storageKey = `applications/${draft.id}/${documentId}`;
    await citizenApi.get(DocumentStorage).put(storageKey, Buffer.from('%PDF-1.7 synthetic'), 'application/pdf');
    await pool.query(
      `INSERT INTO evidence_document (id, application_id, owner_citizen_id, storage_key, content_type, size_bytes, sha256,
         file_name_encrypted, uploaded_at)
       VALUES ($1, $2, $3, $4, 'application/pdf', 18, $5, $6, now() - interval '40 days')`,
      [
        documentId,
        draft.id,
        citizen.citizenId,
        storageKey,
        'a'.repeat(64),
        citizenApi.get(FieldCipher).encrypt('letter.pdf', `evidence-document:${documentId}:file-name`),
      ],
    );
    expired = { id: draft.id, storageKey };

    // What the previous release left in Redis: its job scheduler (every hour) and one job of that name queued.
    const connection = redisOptions(redis.url) as ConnectionOptions;
    queue = new Queue('housekeeping', { connection, prefix });
    events = new QueueEvents('housekeeping', { connection, prefix });
    await events.waitUntilReady();
    await queue.upsertJobScheduler(
      'housekeeping.expire-drafts',
      { every: 3_600_000 },
      { name: 'housekeeping.expire-drafts', data: { reason: 'scheduled' } },
    );
    const leftover = await queue.add('housekeeping.expire-drafts', { reason: 'scheduled' }, { jobId: 'leftover-1' });
    leftoverJobId = leftover.id!;

    worker = await createWorker(
      loadConfig(WorkerConfig, {
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        AUDIT_VERIFY_EVERY_MS: '0',
        REFERRAL_CLOCK_SWEEP_EVERY_MS: '0',
        NOTIFICATION_RECOVERY_EVERY_MS: '0',
        OUTBOX_POLL_INTERVAL_MS: '200',
        DOCUMENT_STORAGE_DIR: documents,
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await events?.close();
    await queue?.close();
    await citizenApi?.close();
    await redis?.stop();
    await database?.drop();
    rmSync(documents, { recursive: true, force: true });
  }, 30_000);

  const exists = async (applicationId: string) =>
    (await pool.query(`SELECT 1 FROM application WHERE id = $1`, [applicationId])).rows.length === 1;
  const fileThere = (key: string) =>
    worker
      .get(DocumentStorage)
      .get(key)
      .then(
        () => true,
        () => false,
      );

  it('boots, and removes the job scheduler the previous release made for the retired name', async () => {
    expect(await queue.getJobScheduler('housekeeping.expire-drafts')).toBeUndefined();
    const delayed = await queue.getDelayed();
    expect(delayed.filter((job) => job.name === 'housekeeping.expire-drafts')).toEqual([]);
  });

  it('completes a job of the retired name still in the queue without erasing anything', async () => {
    const job = (await queue.getJob(leftoverJobId))!;
    await job.waitUntilFinished(events, 10_000);
    expect(await job.getState()).toBe('completed');
    expect(await exists(expired.id)).toBe(true);
    expect(await fileThere(expired.storageKey)).toBe(true);
    const audit = await pool.query(`SELECT 1 FROM audit_log WHERE action = 'application.draft-expired'`);
    expect(audit.rows).toEqual([]);
  });

  it('erases the expired draft through the retention job: sections, document records, files and a tombstone', async () => {
    await pool.query(
      `INSERT INTO outbox_message (id, job_name, payload) VALUES ($1, 'housekeeping.apply-retention', $2)`,
      [randomUUID(), JSON.stringify({ reason: 'test' })],
    );
    await until(async () => !(await exists(expired.id)));
    const documentsLeft = await pool.query(`SELECT 1 FROM evidence_document WHERE application_id = $1`, [expired.id]);
    expect(documentsLeft.rows).toEqual([]);
    await until(async () => !(await fileThere(expired.storageKey)));
    const tombstones = await pool.query(
      `SELECT record_type, record_class, action, files_deleted FROM retention_tombstone WHERE record_id = $1`,
      [expired.id],
    );
    expect(tombstones.rows).toEqual([
      { record_type: 'application', record_class: 'draft-application', action: 'erase', files_deleted: 1 },
    ]);
    expect(await exists(fresh.id)).toBe(true);
  }, 30_000);
});
