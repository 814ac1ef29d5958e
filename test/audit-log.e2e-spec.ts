import { spawnSync } from 'node:child_process';
import { AuditLog, GENESIS_HASH } from '@redress/platform';
import type { DataSource } from 'typeorm';
import { createIsolatedDatabase } from './support/isolated-database.js';

describe('AuditLog (real PostgreSQL, a database of its own: these tests empty and tamper with the log)', () => {
  let dataSource: DataSource;
  let auditLog: AuditLog;
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;

  beforeAll(async () => {
    database = await createIsolatedDatabase('audit');
    dataSource = database.dataSource;
    auditLog = new AuditLog(dataSource);
  });
  afterAll(async () => {
    await database.drop();
  });

  function runVerifyCommand(...args: string[]) {
    return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
      timeout: 30_000,
    });
  }

  /** Tampering needs the append-only trigger out of the way, as an attacker with superuser rights would. */
  async function tamper(sql: string, parameters: unknown[] = []): Promise<void> {
    await dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await manager.query(sql, parameters);
      await manager.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });
  }

  async function resetLog(): Promise<void> {
    await tamper('DELETE FROM audit_log');
  }

  async function appendSome(count: number) {
    const entries = [];
    for (let i = 0; i < count; i += 1) {
      entries.push(
        await auditLog.record({
          actorType: 'staff',
          actorId: `staff-${i}`,
          action: 'claim.viewed',
          targetType: 'claim',
          targetId: `claim-${i}`,
          details: { reason: 'assigned', n: i },
        }),
      );
    }
    return entries;
  }

  beforeEach(resetLog);

  it('chains each entry to the one before, starting from the genesis hash', async () => {
    const [first, second] = await appendSome(2);
    expect(first!.sequence).toBe(1);
    expect(first!.previousHash).toBe(GENESIS_HASH);
    expect(second!.previousHash).toBe(first!.hash);
    await expect(auditLog.verify()).resolves.toEqual({ ok: true, entries: 2, headHash: second!.hash });
  });

  it('writes in the caller transaction: a rolled-back change leaves no entry', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await auditLog.append(manager, {
          actorType: 'system',
          actorId: null,
          action: 'x',
          targetType: 'claim',
          targetId: '1',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await expect(dataSource.query('SELECT count(*)::int AS n FROM audit_log')).resolves.toEqual([{ n: 0 }]);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(
      auditLog.append(dataSource.manager, {
        actorType: 'system',
        actorId: null,
        action: 'x',
        targetType: 't',
        targetId: null,
      }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('keeps the chain whole under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        auditLog.record({
          actorType: 'citizen',
          actorId: `c${i}`,
          action: 'claim.submitted',
          targetType: 'claim',
          targetId: `${i}`,
        }),
      ),
    );
    await expect(auditLog.verify({ batchSize: 7 })).resolves.toMatchObject({ ok: true, entries: 20 });
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await appendSome(1);
    await expect(dataSource.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('finds the first broken link when an entry is changed', async () => {
    await appendSome(5);
    await tamper(`UPDATE audit_log SET details = '{"reason":"other"}' WHERE sequence = 3`);
    await expect(auditLog.verify()).resolves.toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'content does not match its hash',
    });
  });

  it('finds a deleted entry', async () => {
    await appendSome(5);
    await tamper('DELETE FROM audit_log WHERE sequence = 2');
    await expect(auditLog.verify()).resolves.toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds an entry rewritten with a recomputed hash, through the next link', async () => {
    await appendSome(4);
    await tamper(`UPDATE audit_log SET hash = repeat('a', 64) WHERE sequence = 2`);
    await expect(auditLog.verify()).resolves.toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds lost newest entries against an anchored head hash', async () => {
    const entries = await appendSome(3);
    await tamper('DELETE FROM audit_log WHERE sequence = 3');
    await expect(auditLog.verify({ expectedHeadHash: entries[2]!.hash })).resolves.toMatchObject({
      ok: false,
      reason: 'the newest entries are missing',
    });
  });

  it('npm run audit:verify reports a whole chain, then the first broken link', async () => {
    await appendSome(3);
    const whole = runVerifyCommand();
    expect(whole.status).toBe(0);
    expect(whole.stdout).toMatch(/audit chain whole: 3 entries/);
    await tamper(`UPDATE audit_log SET action = 'claim.deleted' WHERE sequence = 2`);
    const broken = runVerifyCommand();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at entry 2/);
  });
});
