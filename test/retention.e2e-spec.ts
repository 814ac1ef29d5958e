import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplyRetention, FixedClock } from '@redress/application';
import { FilesystemDocumentStorage, PostgresRetentionStore } from '@redress/persistence';
import { FieldCipher, parseFieldKeys } from '@redress/platform';
import { createIsolatedDatabase } from './support/isolated-database.js';

const cipher = new FieldCipher(parseFieldKeys(`ret-1:${randomBytes(32).toString('base64')}`), randomBytes(32));
const marker = `RET${randomBytes(4).toString('hex')}`;

describe('housekeeping.apply-retention (docs/security.md, Retention)', () => {
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let storageDir: string;
  let storage: FilesystemDocumentStorage;
  const clock = new FixedClock(new Date('2026-02-15T03:00:00Z'));

  beforeAll(async () => {
    database = await createIsolatedDatabase('retention');
    storageDir = await mkdtemp(join(tmpdir(), 'redress-retention-'));
    storage = new FilesystemDocumentStorage(storageDir, cipher);
  });
  afterAll(async () => {
    await database?.drop();
    await rm(storageDir, { recursive: true, force: true });
  });

  const query = <T = Record<string, unknown>>(sql: string, parameters: unknown[] = []) =>
    database.dataSource.query<T[]>(sql, parameters);

  /** An application with two encrypted sections, their history and one evidence file. */
  async function application(status: 'draft' | 'submitted', updatedAt: string) {
    const citizenId = randomUUID();
    const applicationId = randomUUID();
    const email = `${citizenId}@example.test`;
    await query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
      citizenId,
      cipher.blindIndex('citizen-email', email),
      cipher.encrypt(email, `citizen:${citizenId}:email`),
    ]);
    await query(
      `INSERT INTO application (id, owner_citizen_id, status, version, created_at, updated_at, expires_at, submitted_at)
       VALUES ($1, $2, $3, 3, $4, $4, $5, $6)`,
      [
        applicationId,
        citizenId,
        status,
        updatedAt,
        status === 'draft' ? new Date(Date.parse(updatedAt) + 30 * 86_400_000) : null,
        status === 'submitted' ? updatedAt : null,
      ],
    );
    for (const [section, answers] of Object.entries({
      injuries: { infection: { infected: true, details: `HIV from the assault ${marker}` } },
      convictions: { convictions: [{ details: `Shoplifting ${marker}` }] },
    })) {
      const encrypted = cipher.encryptJson(answers, `application:${applicationId}:${section}`);
      await query(
        `INSERT INTO application_section (application_id, section, answers_encrypted, revision, saved_at_version, updated_at)
         VALUES ($1, $2, $3, 1, 1, $4)`,
        [applicationId, section, encrypted, updatedAt],
      );
      await query(
        `INSERT INTO application_answer_history (application_id, section, revision, change, answers_encrypted, actor_citizen_id, recorded_at)
         VALUES ($1, $2, 1, 'saved', $3, $4, $5)`,
        [applicationId, section, encrypted, citizenId, updatedAt],
      );
    }
    const documentId = randomUUID();
    const storageKey = `applications/${applicationId}/${documentId}`;
    await storage.put(storageKey, Buffer.from(`%PDF-1.7 discharge summary ${marker}`), 'application/pdf');
    await query(
      `INSERT INTO evidence_document (id, application_id, owner_citizen_id, storage_key, content_type, size_bytes, sha256,
         file_name_encrypted, uploaded_at)
       VALUES ($1, $2, $3, $4, 'application/pdf', 10, $5, $6, $7)`,
      [
        documentId,
        applicationId,
        citizenId,
        storageKey,
        'a'.repeat(64),
        cipher.encrypt(`rape-kit-results-${marker}.pdf`, `evidence-document:${documentId}:file-name`),
        updatedAt,
      ],
    );
    return { applicationId, citizenId, storageKey };
  }

  /** A claim refused (decision made) on `decidedAt`, with its application, a note and a decision. */
  async function refusedClaim(decidedAt: string) {
    const { applicationId, citizenId, storageKey } = await application('submitted', '2023-06-01T10:00:00Z');
    const claimId = randomUUID();
    await query(
      `INSERT INTO claim (id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
         decision, applicant_role, crime_reference_given, declaration_version, declared_at, declared_by_citizen_id, team,
         priority, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'decided', 5, $5, '2023-06-01T10:00:00Z', $6, 'self', true, '2026-11',
         '2023-06-01T10:00:00Z', $4, 'general', 3, '2023-06-01T10:00:00Z', $5)`,
      [
        claimId,
        `23-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}-${randomUUID().slice(0, 4)}`,
        applicationId,
        citizenId,
        decidedAt,
        JSON.stringify({ outcome: 'refusal', awardPence: null }),
      ],
    );
    const noteId = randomUUID();
    await query(
      `INSERT INTO claim_note (id, claim_id, author_staff_id, body_encrypted, created_at) VALUES ($1, $2, 'staff-1', $3, $4)`,
      [noteId, claimId, cipher.encrypt(`Victim disclosed self-harm ${marker}`, `claim-note:${noteId}:body`), decidedAt],
    );
    return { claimId, applicationId, storageKey };
  }

  const sectionsOf = async (applicationId: string) =>
    (
      await query<{ n: number }>(`SELECT count(*)::int AS n FROM application_section WHERE application_id = $1`, [
        applicationId,
      ])
    )[0]!.n;
  const tombstonesOf = (recordId: string) =>
    query<{ record_type: string; record_class: string; action: string; due_on: string; erased_fields: string[] }>(
      `SELECT record_type, record_class, action, to_char(due_on, 'YYYY-MM-DD') AS due_on, erased_fields
       FROM retention_tombstone WHERE record_id = $1`,
      [recordId],
    );
  const fileExists = (key: string) =>
    stat(join(storageDir, key)).then(
      () => true,
      () => false,
    );

  it('erases a stale draft, anonymises a refused claim two years on, and leaves held and undue records alone', async () => {
    const staleDraft = await application('draft', '2026-01-10T12:00:00Z'); // kept to 9 Feb, due 10 Feb
    const freshDraft = await application('draft', '2026-02-01T12:00:00Z');
    const dueClaim = await refusedClaim('2024-01-10T12:00:00Z'); // kept to 10 Jan 2026, due 11 Jan 2026
    const heldClaim = await refusedClaim('2024-01-10T12:00:00Z');
    const recentClaim = await refusedClaim('2025-06-01T12:00:00Z');
    await query(
      `INSERT INTO legal_hold (id, record_type, record_id, reason, placed_by, placed_at)
       VALUES ($1, 'claim', $2, 'litigation', 'dpo-1', '2025-12-01T00:00:00Z')`,
      [randomUUID(), heldClaim.claimId],
    );

    const reports = await new ApplyRetention(
      new PostgresRetentionStore(database.dataSource, cipher),
      storage,
      clock,
    ).execute({ batchSize: 2 });

    expect(reports.find((report) => report.recordClass === 'draft-application')).toMatchObject({ erased: 1, held: 0 });
    expect(reports.find((report) => report.recordClass === 'refused-claim')).toMatchObject({ anonymised: 1, held: 1 });

    // The stale draft is gone with its answers, history and file, leaving a tombstone of field names.
    expect(await query(`SELECT id FROM application WHERE id = $1`, [staleDraft.applicationId])).toEqual([]);
    expect(
      await query(`SELECT id FROM application_answer_history WHERE application_id = $1`, [staleDraft.applicationId]),
    ).toEqual([]);
    expect(await fileExists(staleDraft.storageKey)).toBe(false);
    expect(await tombstonesOf(staleDraft.applicationId)).toEqual([
      expect.objectContaining({
        record_type: 'application',
        record_class: 'draft-application',
        action: 'erase',
        due_on: '2026-02-10',
        erased_fields: expect.arrayContaining(['application_section.answers_encrypted', 'evidence_document.file']),
      }),
    ]);

    // The refused claim keeps its case data and loses everything personal.
    const [claim] = await query<{ status: string; decision: unknown; anonymised_at: Date | null }>(
      `SELECT status, decision, anonymised_at FROM claim WHERE id = $1`,
      [dueClaim.claimId],
    );
    expect(claim).toEqual({
      status: 'decided',
      decision: { outcome: 'refusal', awardPence: null },
      anonymised_at: clock.now(),
    });
    expect(await sectionsOf(dueClaim.applicationId)).toBe(0);
    expect(await query(`SELECT id FROM claim_note WHERE claim_id = $1`, [dueClaim.claimId])).toEqual([]);
    expect(await fileExists(dueClaim.storageKey)).toBe(false);
    const [tombstone] = await tombstonesOf(dueClaim.claimId);
    expect(tombstone).toMatchObject({ record_class: 'refused-claim', action: 'anonymise', due_on: '2026-01-11' });
    expect(tombstone!.erased_fields).toEqual(
      expect.arrayContaining(['application_section.answers_encrypted', 'claim_note.body_encrypted']),
    );

    // Held and not-yet-due records are untouched, with their files and no tombstone.
    for (const kept of [heldClaim, recentClaim]) {
      expect(await sectionsOf(kept.applicationId)).toBe(2);
      expect(await query(`SELECT id FROM claim_note WHERE claim_id = $1`, [kept.claimId])).toHaveLength(1);
      expect(await fileExists(kept.storageKey)).toBe(true);
      expect(await tombstonesOf(kept.claimId)).toEqual([]);
    }
    expect(await sectionsOf(freshDraft.applicationId)).toBe(2);
    expect(await tombstonesOf(freshDraft.applicationId)).toEqual([]);

    // Tombstones hold field names, never values; and they are append-only.
    const all = await query<{ erased_fields: string[] }>(`SELECT erased_fields FROM retention_tombstone`);
    expect(JSON.stringify(all)).not.toContain(marker);
    await expect(query(`UPDATE retention_tombstone SET action = 'erase'`)).rejects.toThrow(/append-only/);
    await expect(query(`DELETE FROM retention_tombstone`)).rejects.toThrow(/append-only/);

    // A second run finds nothing more to do; lifting the hold lets the held claim go at the next run.
    await query(`UPDATE legal_hold SET lifted_at = $1, lifted_by = 'dpo-1' WHERE record_id = $2`, [
      clock.now(),
      heldClaim.claimId,
    ]);
    const again = await new ApplyRetention(
      new PostgresRetentionStore(database.dataSource, cipher),
      storage,
      clock,
    ).execute();
    expect(again.find((report) => report.recordClass === 'refused-claim')).toMatchObject({ anonymised: 1, held: 0 });
    expect(again.find((report) => report.recordClass === 'draft-application')).toMatchObject({ erased: 0 });
    expect(await sectionsOf(heldClaim.applicationId)).toBe(0);
    expect(await sectionsOf(recentClaim.applicationId)).toBe(2);
  }, 60_000);
});
