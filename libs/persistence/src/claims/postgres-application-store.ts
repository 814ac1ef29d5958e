import {
  ApplicationStore,
  type AnswerHistoryEntry,
  type ApplicationSummary,
  type SectionChanges,
  type StoredApplication,
  type StoredSection,
} from '@redress/application';
import type { ApplicationSection } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import {
  isUuid,
  returnedRows,
  sectionContext,
  type FieldCipherLike,
  type TransactionalAuditLog,
} from './persistence-ports.js';

interface ApplicationDbRow {
  id: string;
  owner_citizen_id: string;
  status: 'draft' | 'submitted';
  version: number;
  created_at: Date;
  updated_at: Date;
  expires_at: Date | null;
  submitted_at: Date | null;
  claim_reference: string | null;
}

interface SectionDbRow {
  section: ApplicationSection;
  answers_encrypted: string;
  set_aside: boolean;
  revision: number;
  saved_at_version: number;
  updated_at: Date;
}

const APPLICATION_COLUMNS = `a.id, a.owner_citizen_id, a.status, a.version, a.created_at, a.updated_at, a.expires_at,
  a.submitted_at, c.reference AS claim_reference`;
/** A draft past its expiry is gone for the citizen even before housekeeping erases it. */
const visibleAt = (parameter: string): string => `(a.status <> 'draft' OR a.expires_at > ${parameter})`;

function toSummary(row: ApplicationDbRow): ApplicationSummary {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expiresAt: row.expires_at,
    submittedAt: row.submitted_at,
    claimReference: row.claim_reference,
  };
}

function decryptSection(
  cipher: FieldCipherLike,
  applicationId: string,
  row: Omit<SectionDbRow, 'updated_at'> & { updated_at: Date | string },
): StoredSection {
  return {
    section: row.section,
    answers: cipher.decryptJson(row.answers_encrypted, sectionContext(applicationId, row.section)),
    setAside: row.set_aside,
    revision: row.revision,
    savedAtVersion: row.saved_at_version,
    updatedAt: new Date(row.updated_at),
  };
}

/** Reads an application's sections, decrypting each under its own context. */
export async function readSections(
  manager: Pick<EntityManager, 'query'>,
  cipher: FieldCipherLike,
  applicationId: string,
): Promise<Partial<Record<ApplicationSection, StoredSection>>> {
  const rows = await manager.query<SectionDbRow[]>(
    `SELECT section, answers_encrypted, set_aside, revision, saved_at_version, updated_at
     FROM application_section WHERE application_id = $1`,
    [applicationId],
  );
  const sections: Partial<Record<ApplicationSection, StoredSection>> = {};
  for (const row of rows) sections[row.section] = decryptSection(cipher, applicationId, row);
  return sections;
}

export async function findOwnedApplication(
  manager: Pick<EntityManager, 'query'>,
  cipher: FieldCipherLike,
  id: string,
  citizenId: string,
  now: Date,
  lock: boolean,
): Promise<StoredApplication | null> {
  if (!isUuid(id)) return null;
  const [row] = await manager.query<ApplicationDbRow[]>(
    `SELECT ${APPLICATION_COLUMNS} FROM application a LEFT JOIN claim c ON c.application_id = a.id
     WHERE a.id = $1 AND a.owner_citizen_id = $2 AND ${visibleAt('$3')}${lock ? ' FOR UPDATE OF a' : ''}`,
    [id, citizenId, now],
  );
  if (!row) return null;
  return { ...toSummary(row), ownerCitizenId: row.owner_citizen_id, sections: await readSections(manager, cipher, id) };
}

/**
 * Locks the citizen's draft (FOR UPDATE) and reads it with its sections in ONE statement, for a submission;
 * when it is still a draft, the same statement takes the claim's number from `claim_reference_seq` (a failed
 * submission leaves a gap, as a rolled-back one always did: references are unique, not gapless).
 *
 * The sections come from the statement's snapshot, taken before the lock was granted. If another transaction
 * changed the draft in between (every section change bumps `application.version` in its transaction), the
 * locked row is newer than the one in the snapshot: then the sections are read again, after the lock, so the
 * completeness check never sees answers older than the row it freezes.
 */
export async function lockOwnedApplicationWithSerial(
  manager: Pick<EntityManager, 'query'>,
  cipher: FieldCipherLike,
  id: string,
  citizenId: string,
  now: Date,
): Promise<{ application: StoredApplication; serial: number | null } | null> {
  if (!isUuid(id)) return null;
  const [row] = await manager.query<
    Array<
      ApplicationDbRow & {
        snapshot_version: number | null;
        serial: string | null;
        sections: Array<Omit<SectionDbRow, 'updated_at'> & { updated_at: string }> | null;
      }
    >
  >(
    `SELECT ${APPLICATION_COLUMNS},
       (SELECT v.version FROM application v WHERE v.id = a.id) AS snapshot_version,
       CASE WHEN a.status = 'draft' THEN nextval('claim_reference_seq') END AS serial,
       (SELECT json_agg(json_build_object('section', s.section, 'answers_encrypted', s.answers_encrypted,
          'set_aside', s.set_aside, 'revision', s.revision, 'saved_at_version', s.saved_at_version,
          'updated_at', s.updated_at))
        FROM application_section s WHERE s.application_id = a.id) AS sections
     FROM application a LEFT JOIN claim c ON c.application_id = a.id
     WHERE a.id = $1 AND a.owner_citizen_id = $2 AND ${visibleAt('$3')} FOR UPDATE OF a`,
    [id, citizenId, now],
  );
  if (!row) return null;
  let sections: Partial<Record<ApplicationSection, StoredSection>>;
  if (row.snapshot_version === row.version) {
    sections = {};
    for (const section of row.sections ?? []) sections[section.section] = decryptSection(cipher, id, section);
  } else {
    sections = await readSections(manager, cipher, id);
  }
  return {
    application: { ...toSummary(row), ownerCitizenId: row.owner_citizen_id, sections },
    serial: row.serial === null ? null : Number(row.serial),
  };
}

/** Applications in PostgreSQL; every section's answers encrypted with FieldCipher, bound to application and section. */
export class PostgresApplicationStore extends ApplicationStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipherLike,
    private readonly auditLog: TransactionalAuditLog,
  ) {
    super();
  }

  async create(application: { id: string; ownerCitizenId: string; at: Date; expiresAt: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO application (id, owner_citizen_id, status, version, created_at, updated_at, expires_at)
       VALUES ($1, $2, 'draft', 1, $3, $3, $4)`,
      [application.id, application.ownerCitizenId, application.at, application.expiresAt],
    );
  }

  async findOwned(id: string, citizenId: string, now: Date): Promise<StoredApplication | null> {
    return findOwnedApplication(this.dataSource.manager, this.cipher, id, citizenId, now, false);
  }

  async listOwned(citizenId: string, now: Date): Promise<ApplicationSummary[]> {
    const rows = await this.dataSource.query<ApplicationDbRow[]>(
      `SELECT ${APPLICATION_COLUMNS} FROM application a LEFT JOIN claim c ON c.application_id = a.id
       WHERE a.owner_citizen_id = $1 AND ${visibleAt('$2')}
       ORDER BY a.updated_at DESC, a.id LIMIT 100`,
      [citizenId, now],
    );
    return rows.map(toSummary);
  }

  async saveChanges(changes: SectionChanges): Promise<number | null> {
    return this.dataSource.transaction(async (manager) => {
      const [bumped] = returnedRows<{ version: number }>(
        await manager.query(
          `UPDATE application SET version = version + 1, updated_at = $3, expires_at = $4
           WHERE id = $1 AND version = $2 AND status = 'draft' RETURNING version`,
          [changes.applicationId, changes.expectedVersion, changes.at, changes.expiresAt],
        ),
      );
      if (!bumped) return null;
      for (const write of changes.writes) {
        const context = sectionContext(changes.applicationId, write.section);
        let revision: number;
        let encrypted: string | null = null;
        if (write.change === 'saved') {
          encrypted = this.cipher.encryptJson(write.answers, context);
          const [row] = await manager.query<Array<{ revision: number }>>(
            `INSERT INTO application_section (application_id, section, answers_encrypted, set_aside, revision, saved_at_version, updated_at)
             VALUES ($1, $2, $3, false, 1, $4, $5)
             ON CONFLICT (application_id, section) DO UPDATE SET answers_encrypted = EXCLUDED.answers_encrypted,
               set_aside = false, revision = application_section.revision + 1,
               saved_at_version = EXCLUDED.saved_at_version, updated_at = EXCLUDED.updated_at
             RETURNING revision`,
            [changes.applicationId, write.section, encrypted, bumped.version, changes.at],
          );
          revision = row!.revision;
        } else {
          const [row] = returnedRows<{ revision: number }>(
            await manager.query(
              `UPDATE application_section SET set_aside = $3, updated_at = $4
               WHERE application_id = $1 AND section = $2 RETURNING revision`,
              [changes.applicationId, write.section, write.change === 'set-aside', changes.at],
            ),
          );
          if (!row) continue;
          revision = row.revision;
        }
        await manager.query(
          `INSERT INTO application_answer_history (application_id, section, revision, change, answers_encrypted, actor_citizen_id, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [changes.applicationId, write.section, revision, write.change, encrypted, changes.actorCitizenId, changes.at],
        );
      }
      return bumped.version;
    });
  }

  async eraseOwnedDraft(id: string, citizenId: string, now: Date, audit: { requestedAt: Date }): Promise<boolean> {
    if (!isUuid(id)) return false;
    return this.dataSource.transaction(async (manager) => {
      // Sections and their history go with the application (ON DELETE CASCADE).
      const [row] = returnedRows<{ id: string }>(
        await manager.query(
          `DELETE FROM application WHERE id = $1 AND owner_citizen_id = $2 AND status = 'draft' AND expires_at > $3
           RETURNING id`,
          [id, citizenId, now],
        ),
      );
      if (!row) return false;
      await this.auditLog.append(manager, {
        actorType: 'citizen',
        actorId: citizenId,
        action: 'application.erased',
        targetType: 'application',
        targetId: id,
        details: { reason: 'citizen-request' },
        occurredAt: audit.requestedAt,
      });
      return true;
    });
  }

  async answerHistory(id: string): Promise<AnswerHistoryEntry[]> {
    const rows = await this.dataSource.query<
      Array<{
        section: ApplicationSection;
        revision: number;
        change: AnswerHistoryEntry['change'];
        answers_encrypted: string | null;
        recorded_at: Date;
      }>
    >(
      `SELECT section, revision, change, answers_encrypted, recorded_at FROM application_answer_history
       WHERE application_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((row) => ({
      section: row.section,
      revision: row.revision,
      change: row.change,
      answers: row.answers_encrypted
        ? this.cipher.decryptJson(row.answers_encrypted, sectionContext(id, row.section))
        : null,
      recordedAt: row.recorded_at,
    }));
  }
}
