import { spawnSync } from 'node:child_process';
import { AuditLog, GENESIS_HASH } from '@redress/platform';
import type { DataSource } from 'typeorm';
import { createIsolatedDatabase } from './support/isolated-database.js';

interface SealedRow {
  sequence: string;
  chain_position: string | null;
  previous_hash: string | null;
  hash: string | null;
}

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

  const chain = () =>
    dataSource.query<SealedRow[]>(
      'SELECT sequence, chain_position, previous_hash, hash FROM audit_log ORDER BY sequence',
    );

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

  beforeEach(() => tamper('DELETE FROM audit_log'));

  it('seals committed entries into a chain, starting from the genesis hash', async () => {
    await appendSome(3);
    expect((await chain()).every((row) => row.hash === null)).toBe(true);
    await expect(auditLog.sealAll()).resolves.toBe(3);
    const rows = await chain();
    expect(rows.map((row) => row.previous_hash)).toEqual([GENESIS_HASH, rows[0]!.hash, rows[1]!.hash]);
    expect(rows.map((row) => Number(row.chain_position))).toEqual([1, 2, 3]);
    await expect(auditLog.verify()).resolves.toEqual({ ok: true, entries: 3, headHash: rows[2]!.hash, unsealed: 0 });
    // Sealing twice changes nothing.
    await expect(auditLog.sealAll()).resolves.toBe(0);
  });

  it('counts entries not sealed yet without calling the chain broken', async () => {
    await appendSome(2);
    await auditLog.sealAll();
    await appendSome(1);
    await expect(auditLog.verify()).resolves.toMatchObject({ ok: true, entries: 2, unsealed: 1 });
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

  it('never seals past a writer still running, so an entry that commits late still joins the chain', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await auditLog.append(runner.manager, {
        actorType: 'citizen',
        actorId: 'c-slow',
        action: 'slow',
        targetType: 'claim',
        targetId: '1',
      });
      await appendSome(2); // later writers commit first
      await expect(auditLog.sealAll()).resolves.toBe(0);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    await expect(auditLog.sealAll()).resolves.toBe(3);
    await expect(auditLog.verify()).resolves.toMatchObject({ ok: true, entries: 3, unsealed: 0 });
  });

  it('keeps the chain whole under concurrent writers and concurrent sealers', async () => {
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        auditLog.record({
          actorType: 'citizen',
          actorId: `c${i}`,
          action: 'claim.submitted',
          targetType: 'claim',
          targetId: `${i}`,
        }),
      ),
      auditLog.seal(5),
      auditLog.seal(5),
    ]);
    await auditLog.sealAll();
    await expect(auditLog.verify({ batchSize: 7 })).resolves.toMatchObject({ ok: true, entries: 40, unsealed: 0 });
  });

  it('is append-only: the database refuses updates, deletes and truncation, except sealing', async () => {
    await appendSome(1);
    await expect(dataSource.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(dataSource.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await auditLog.sealAll();
    await expect(dataSource.query(`UPDATE audit_log SET hash = repeat('b', 64)`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`UPDATE audit_log SET details = '{}'`)).rejects.toThrow(/append-only/);
  });

  it('finds the first broken link when an entry is changed', async () => {
    await appendSome(5);
    await auditLog.sealAll();
    await tamper(`UPDATE audit_log SET details = '{"reason":"other"}' WHERE chain_position = 3`);
    await expect(auditLog.verify()).resolves.toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'content does not match its hash',
    });
  });

  it('finds a deleted entry', async () => {
    await appendSome(5);
    await auditLog.sealAll();
    await tamper('DELETE FROM audit_log WHERE chain_position = 2');
    await expect(auditLog.verify()).resolves.toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds an entry rewritten with a recomputed hash, through the next link', async () => {
    await appendSome(4);
    await auditLog.sealAll();
    await tamper(`UPDATE audit_log SET hash = repeat('a', 64) WHERE chain_position = 2`);
    await expect(auditLog.verify()).resolves.toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('finds lost newest entries against an anchored head hash', async () => {
    await appendSome(3);
    await auditLog.sealAll();
    const verified = await auditLog.verify();
    if (!verified.ok) throw new Error('chain should be whole');
    await tamper('DELETE FROM audit_log WHERE chain_position = 3');
    await expect(auditLog.verify({ expectedHeadHash: verified.headHash })).resolves.toMatchObject({
      ok: false,
      reason: 'the newest entries are missing',
    });
  });

  it('npm run audit:verify reports a whole chain, then the first broken link', async () => {
    await appendSome(3);
    await auditLog.sealAll();
    const whole = runVerifyCommand();
    expect(whole.status).toBe(0);
    expect(whole.stdout).toMatch(/audit chain whole: 3 sealed entries, 0 not sealed yet/);
    await tamper(`UPDATE audit_log SET action = 'claim.deleted' WHERE chain_position = 2`);
    const broken = runVerifyCommand();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/BROKEN at entry 2/);
    // Two tsx processes: seconds on a loaded two-core machine.
  }, 60_000);
});
