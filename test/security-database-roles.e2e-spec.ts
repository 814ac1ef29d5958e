import { randomUUID } from 'node:crypto';
import { APP_ROLE } from '@redress/persistence';
import pg from 'pg';

/**
 * Issue 19, point 3 ("the database protects itself"): the apps connect as a role that owns nothing and may only
 * add to and read the audit log and the tombstones, so a compromised app cannot rewrite or silence them.
 */
describe('the database protects itself', () => {
  let app: pg.Client;
  let owner: pg.Client;

  beforeAll(async () => {
    app = new pg.Client({ connectionString: process.env.DATABASE_URL });
    owner = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await Promise.all([app.connect(), owner.connect()]);
  });

  afterAll(async () => {
    await Promise.all([app.end(), owner.end()]);
  });

  async function auditEntry(): Promise<string> {
    const id = randomUUID();
    await app.query(
      `INSERT INTO audit_log (id, occurred_at, actor_type, actor_id, action, target_type, target_id)
       VALUES ($1, now(), 'staff', 'someone', 'claim.viewed', 'claim', 'C-1')`,
      [id],
    );
    return id;
  }

  async function tombstone(): Promise<string> {
    const id = randomUUID();
    await app.query(
      `INSERT INTO retention_tombstone (id, record_type, record_id, record_class, rule_from, action, due_on, erased_at,
         erased_fields) VALUES ($1, 'application', $2, 'draft-application', 'last-change', 'erase', current_date, now(), '{}')`,
      [id, randomUUID()],
    );
    return id;
  }

  it('the tests and the apps connect as the app role, which is no superuser and owns no table', async () => {
    const [who] = (
      await app.query(`SELECT current_user AS role, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls
      FROM pg_roles WHERE rolname = current_user`)
    ).rows;
    expect(who).toEqual({
      role: APP_ROLE,
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolbypassrls: false,
    });
    const owned = await owner.query(`SELECT tablename FROM pg_tables WHERE tableowner = $1`, [APP_ROLE]);
    expect(owned.rows).toEqual([]);
  });

  it('the app role may add an audit entry and read it, but not change, delete, truncate or unguard it', async () => {
    const id = await auditEntry();
    expect((await app.query(`SELECT action FROM audit_log WHERE id = $1`, [id])).rows).toEqual([
      { action: 'claim.viewed' },
    ]);
    await expect(app.query(`UPDATE audit_log SET action = 'nothing.happened' WHERE id = $1`, [id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.query(`DROP TRIGGER audit_log_append_only ON audit_log`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    expect((await owner.query(`SELECT action FROM audit_log WHERE id = $1`, [id])).rows).toEqual([
      { action: 'claim.viewed' },
    ]);
  });

  it('the sealer may fill in an entry’s chain columns once, and the trigger refuses any other change', async () => {
    // In a transaction rolled back at the end: the made-up seal must not stay in this run's shared chain.
    await app.query('BEGIN');
    const id = await auditEntry();
    const [{ sequence }] = (await app.query(`SELECT sequence FROM audit_log WHERE id = $1`, [id])).rows;
    // The sealing columns may be set only on an unsealed entry; a sealed entry's hash cannot be rewritten.
    await app.query(
      `UPDATE audit_log SET chain_position = -sequence, previous_hash = repeat('0', 64), hash = repeat('a', 64)
       WHERE sequence = $1`,
      [sequence],
    );
    await app.query('SAVEPOINT sealed');
    try {
      await expect(
        app.query(`UPDATE audit_log SET hash = repeat('b', 64) WHERE sequence = $1`, [sequence]),
      ).rejects.toThrow(/append-only/);
      await app.query('ROLLBACK TO SAVEPOINT sealed');
      expect((await app.query(`SELECT hash FROM audit_log WHERE id = $1`, [id])).rows).toEqual([
        { hash: 'a'.repeat(64) },
      ]);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('the app role may add a tombstone and read it, but not change, delete or truncate tombstones', async () => {
    const id = await tombstone();
    await expect(app.query(`UPDATE retention_tombstone SET erased_fields = '{x}' WHERE id = $1`, [id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query(`DELETE FROM retention_tombstone WHERE id = $1`, [id])).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE retention_tombstone`)).rejects.toThrow(/permission denied/);
    await expect(
      app.query(`ALTER TABLE retention_tombstone DISABLE TRIGGER retention_tombstone_append_only`),
    ).rejects.toThrow(/must be owner/);
    expect((await app.query(`SELECT erased_fields FROM retention_tombstone WHERE id = $1`, [id])).rows).toEqual([
      { erased_fields: [] },
    ]);
  });

  it('the consent ledger and claim events are append-only by grant too', async () => {
    for (const table of ['referral_consent', 'claim_event']) {
      const rights = await owner.query(
        `SELECT privilege_type FROM information_schema.role_table_grants
         WHERE grantee = $1 AND table_name = $2 ORDER BY privilege_type`,
        [APP_ROLE, table],
      );
      expect(rights.rows.map((row: { privilege_type: string }) => row.privilege_type)).toEqual(['INSERT', 'SELECT']);
    }
  });

  it('the app role cannot create tables, change the schema or rewrite the migration history', async () => {
    await expect(app.query(`CREATE TABLE smuggled (id int)`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`ALTER TABLE claim ADD COLUMN smuggled int`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DELETE FROM migrations`)).rejects.toThrow(/permission denied/);
  });

  it('a table a later migration creates is granted to the app role by default privileges', async () => {
    const table = `default_grant_${randomUUID().replaceAll('-', '')}`;
    await owner.query(`CREATE TABLE ${table} (id int)`);
    try {
      await app.query(`INSERT INTO ${table} VALUES (1)`);
      await app.query(`UPDATE ${table} SET id = 2`);
      expect((await app.query(`SELECT id FROM ${table}`)).rows).toEqual([{ id: 2 }]);
      await expect(app.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
    } finally {
      await owner.query(`DROP TABLE ${table}`);
    }
  });
});
