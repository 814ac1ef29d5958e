import { randomUUID } from 'node:crypto';
import { formatClaimReference, type ClaimEvent, type ClaimSnapshot } from '@redress/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { createDatabaseIfMissing, dropDatabase, runMigrations } from '../database-admin.js';
import { PostgresCaseworkTransaction, PostgresCaseworkUnitOfWork } from '../casework/postgres-casework.js';
import { claimEventRow, updateClaimState } from '../claims/claim-event-writer.js';
import { auditLogRow, DeferredWrites } from './deferred-writes.js';

/** Counts the statements a manager sends (each is one round trip to PostgreSQL). */
function counting(manager: EntityManager): { manager: EntityManager; statements: string[] } {
  const statements: string[] = [];
  const wrapped = Object.create(manager) as EntityManager;
  wrapped.query = ((sql: string, parameters?: unknown[]) => {
    statements.push(sql);
    return manager.query(sql, parameters);
  }) as EntityManager['query'];
  return { manager: wrapped, statements };
}

describe('DeferredWrites and the casework transaction (real PostgreSQL)', () => {
  const url = `${process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!}_deferred`;
  let dataSource: DataSource;
  const at = new Date('2026-03-02T10:00:00.000Z');

  /** A submitted claim at version 2, with the citizen and application it needs. */
  async function claim(): Promise<ClaimSnapshot> {
    const citizenId = randomUUID();
    const applicationId = randomUUID();
    const id = randomUUID();
    const serial = Math.floor(Math.random() * 900_000) + 100_000;
    const reference = formatClaimReference(2026, serial);
    await dataSource.query(
      `INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, 'x')`,
      [citizenId, `deferred-${citizenId}`],
    );
    await dataSource.query(
      `INSERT INTO application (id, owner_citizen_id, status, version, created_at, updated_at, submitted_at)
       VALUES ($1, $2, 'submitted', 3, $3, $3, $3)`,
      [applicationId, citizenId, at],
    );
    await dataSource.query(
      `INSERT INTO claim (id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
         applicant_role, representative_type, crime_reference_given, declaration_version, declared_at,
         declared_by_citizen_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'submitted', 2, $5, $5, 'victim', NULL, true, 'v1', $5, $4, $5, $5)`,
      [id, reference, applicationId, citizenId, at],
    );
    return {
      id,
      reference,
      applicationId,
      ownerCitizenId: citizenId,
      status: 'submitted',
      version: 2,
      statusChangedAt: at,
      submittedAt: at,
      pendingDecision: null,
      decision: null,
    };
  }

  const event = (snapshot: ClaimSnapshot, version: number, type: ClaimEvent['type']): ClaimEvent => ({
    claimId: snapshot.id,
    version,
    type,
    fromStatus: 'submitted',
    toStatus: 'triaged',
    actor: { kind: 'caseworker', id: 'cw-1' },
    occurredAt: at,
    data: {},
  });

  const audit = (action: string, targetId: string) => ({
    actorType: 'staff' as const,
    actorId: 'cw-1',
    action,
    targetType: 'claim',
    targetId,
    occurredAt: at,
  });

  beforeAll(async () => {
    await dropDatabase(url);
    await createDatabaseIfMissing(url);
    await runMigrations(url);
    dataSource = new DataSource({ type: 'postgres', url, poolSize: 4 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url);
  });

  it('sends a claim update, events, audit entries and outbox rows as one statement, rows in the order written', async () => {
    const snapshot = await claim();
    await dataSource.transaction(async (manager) => {
      const { manager: counted, statements } = counting(manager);
      const writes = new DeferredWrites(counted);
      updateClaimState(writes, { ...snapshot, status: 'triaged', version: 3 }, at, { kind: 'version', equals: 2 });
      // A second patch of the same claim joins the same UPDATE (a statement may not update a row twice).
      writes.patchClaim(snapshot.id, { kind: 'none' }, { priority: 1, team: 'serious-injury' });
      writes.append('claim_event', claimEventRow(event(snapshot, 3, 'claim.triaged')));
      for (const action of ['first', 'second', 'third'])
        writes.append('audit_log', auditLogRow(audit(action, snapshot.id)));
      writes.append('outbox_message', [
        randomUUID(),
        'claims.assess',
        JSON.stringify({ claimId: snapshot.id }),
        'k',
        null,
      ]);
      expect(writes.pending).toBe(true);
      await writes.flush();
      expect(writes.pending).toBe(false);
      expect(statements).toHaveLength(1);
    });
    const [row] = await dataSource.query<Array<Record<string, unknown>>>(
      `SELECT status, version, priority, team FROM claim WHERE id = $1`,
      [snapshot.id],
    );
    expect(row).toEqual({ status: 'triaged', version: 3, priority: 1, team: 'serious-injury' });
    const audits = await dataSource.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY sequence`,
      [snapshot.id],
    );
    expect(audits.map((entry) => entry.action)).toEqual(['first', 'second', 'third']);
    const events = await dataSource.query<Array<{ type: string }>>(`SELECT type FROM claim_event WHERE claim_id = $1`, [
      snapshot.id,
    ]);
    expect(events.map((entry) => entry.type)).toEqual(['claim.triaged']);
  });

  it('fails the flush when the claim no longer has the version it was locked at, and the transaction writes nothing', async () => {
    const snapshot = await claim();
    await expect(
      dataSource.transaction(async (manager) => {
        const writes = new DeferredWrites(manager);
        updateClaimState(writes, { ...snapshot, status: 'triaged', version: 3 }, at, { kind: 'version', equals: 1 });
        writes.append('audit_log', auditLogRow(audit('stale', snapshot.id)));
        await writes.flush();
      }),
    ).rejects.toThrow(`claim ${snapshot.id} changed under a lock`);
    const [row] = await dataSource.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [
      snapshot.id,
    ]);
    expect(row!.version).toBe(2);
    const audits = await dataSource.query(`SELECT 1 FROM audit_log WHERE target_id = $1`, [snapshot.id]);
    expect(audits).toHaveLength(0);
  });

  it('lets a last statement ride in the same round trip and answers its rows', async () => {
    const snapshot = await claim();
    await dataSource.transaction(async (manager) => {
      const { manager: counted, statements } = counting(manager);
      const writes = new DeferredWrites(counted);
      writes.append('audit_log', auditLogRow(audit('with-last', snapshot.id)));
      const rows = await writes.flush({ sql: `SELECT reference FROM claim WHERE id = $1`, parameters: [snapshot.id] });
      expect(rows).toEqual([{ reference: snapshot.reference }]);
      const none = await writes.flush({ sql: `SELECT 1 AS one WHERE false`, parameters: [] });
      expect(none).toEqual([]);
      expect(statements).toHaveLength(2);
    });
  });

  it('takes work in four round trips: lock, the held-back writes, and the reads that must see them flush first', async () => {
    const snapshot = await claim();
    await dataSource.transaction(async (manager) => {
      const { manager: counted, statements } = counting(manager);
      const tx = new PostgresCaseworkTransaction(counted);
      const record = await tx.lockClaim(snapshot.reference);
      expect(record?.snapshot.version).toBe(2);
      await tx.saveClaim({ ...snapshot, status: 'triaged', version: 3 }, [event(snapshot, 3, 'claim.triaged')], at);
      tx.setClaimColumns(snapshot.id, { assigned_staff_id: 'cw-1' });
      // The version is known from the lock, so moving it on costs no round trip.
      await expect(tx.touchClaim(snapshot.id, at)).resolves.toBe(4);
      await tx.audit(audit('claim.assigned', snapshot.id));
      await tx.enqueue('claims.assess', { claimId: snapshot.id }, `claim:${snapshot.id}`);
      expect(statements).toHaveLength(1);
      // A feature store's read goes through `handle`, which sends the held-back writes first.
      const [row] = await tx.handle.query<Array<{ version: number; assigned_staff_id: string }>>(
        `SELECT version, assigned_staff_id FROM claim WHERE id = $1`,
        [snapshot.id],
      );
      expect(row).toEqual({ version: 4, assigned_staff_id: 'cw-1' });
      expect(statements).toHaveLength(3);
    });
  });

  it('the unit of work sends what is held back before it commits', async () => {
    const snapshot = await claim();
    const unitOfWork = new PostgresCaseworkUnitOfWork(dataSource);
    const version = await unitOfWork.run(async (tx) => {
      expect(await tx.lockClaim(snapshot.reference)).not.toBeNull();
      await tx.audit(audit('committed', snapshot.id));
      return tx.touchClaim(snapshot.id, at);
    });
    expect(version).toBe(3);
    const [row] = await dataSource.query<Array<{ version: number }>>(`SELECT version FROM claim WHERE id = $1`, [
      snapshot.id,
    ]);
    expect(row!.version).toBe(3);
    const audits = await dataSource.query(`SELECT 1 FROM audit_log WHERE target_id = $1 AND action = 'committed'`, [
      snapshot.id,
    ]);
    expect(audits).toHaveLength(1);
  });
});
