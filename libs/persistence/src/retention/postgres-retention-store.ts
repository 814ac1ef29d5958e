import { randomUUID } from 'node:crypto';
import {
  RetentionStore,
  type ActionableRecordClass,
  type RetentionCandidate,
  type RetentionOutcome,
  type RetentionWork,
} from '@redress/application';
import type { IsoDate } from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldCipherLike } from '../claims/persistence-ports.js';
import { encryptedColumns } from '../encrypted-columns.js';

const UK_DAY = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/London', 'YYYY-MM-DD')`;

/** Each class: its table, the event its period runs from (as a UK date) and which rows belong to it. */
const classes: Record<
  ActionableRecordClass,
  { recordType: RetentionCandidate['recordType']; table: string; since: string; where: string }
> = {
  'draft-application': {
    recordType: 'application',
    table: 'application',
    since: UK_DAY('r.updated_at'),
    where: `r.status = 'draft'`,
  },
  // Refused: the decision stands (no review or appeal in progress: those are claim statuses of their own).
  'refused-claim': {
    recordType: 'claim',
    table: 'claim',
    since: UK_DAY('r.status_changed_at'),
    where: `r.anonymised_at IS NULL AND r.status IN ('decided', 'closed') AND r.decision->>'outcome' = 'refusal'`,
  },
  'withdrawn-claim': {
    recordType: 'claim',
    table: 'claim',
    since: UK_DAY('r.status_changed_at'),
    where: `r.anonymised_at IS NULL AND r.status = 'withdrawn'`,
  },
  'paid-and-closed-claim': {
    recordType: 'claim',
    table: 'claim',
    since: UK_DAY('r.status_changed_at'),
    where: `r.anonymised_at IS NULL AND r.status = 'closed' AND r.decision->>'outcome' = 'award'`,
  },
  referral: {
    recordType: 'referral',
    table: 'referral',
    since: UK_DAY('coalesce(r.closed_at, r.withdrawn_at, r.expired_at, r.decided_at, r.updated_at)'),
    where: `r.status IN ('closed', 'withdrawn', 'expired', 'declined')
      AND NOT EXISTS (SELECT 1 FROM retention_tombstone t WHERE t.record_type = 'referral' AND t.record_id = r.id)`,
  },
};

const HOLD = (recordType: string) =>
  `EXISTS (SELECT 1 FROM legal_hold h WHERE h.record_type = '${recordType}' AND h.record_id = r.id AND h.lifted_at IS NULL)`;

/**
 * Retention in PostgreSQL (docs/security.md, Retention). Erasure deletes rows; anonymisation keeps the rows that
 * carry the case data (status, dates, outcome, amounts, codes) and replaces every encrypted personal value with
 * an encrypted empty value under the same context, so that constraints, readers and key rotation keep working.
 */
export class PostgresRetentionStore extends RetentionStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: Pick<FieldCipherLike, 'encrypt' | 'encryptJson'>,
  ) {
    super();
  }

  async candidates(
    recordClass: ActionableRecordClass,
    startedOnOrBefore: IsoDate,
    afterId: string | null,
    limit: number,
  ): Promise<RetentionCandidate[]> {
    const spec = classes[recordClass];
    const rows = await this.dataSource.query<Array<{ id: string; since: string; held: boolean }>>(
      `SELECT r.id, ${spec.since} AS since, ${HOLD(spec.recordType)} AS held FROM ${spec.table} r
       WHERE ${spec.where} AND ${spec.since} <= $1 AND ($2::uuid IS NULL OR r.id > $2::uuid)
       ORDER BY r.id LIMIT $3`,
      [startedOnOrBefore, afterId, limit],
    );
    return rows.map((row) => ({
      recordType: spec.recordType,
      recordId: row.id,
      since: row.since,
      legalHold: row.held,
    }));
  }

  async apply(work: RetentionWork, startedOnOrBefore: IsoDate): Promise<RetentionOutcome | null> {
    const recordClass = work.recordClass as ActionableRecordClass;
    const spec = classes[recordClass];
    return this.dataSource.transaction(async (manager) => {
      const [still] = await manager.query<Array<{ id: string }>>(
        `SELECT r.id FROM ${spec.table} r
         WHERE r.id = $1 AND ${spec.where} AND ${spec.since} <= $2 AND NOT ${HOLD(spec.recordType)}
         FOR UPDATE OF r`,
        [work.candidate.recordId, startedOnOrBefore],
      );
      if (!still) return null;
      const outcome =
        recordClass === 'draft-application'
          ? await this.eraseDraft(manager, work.candidate.recordId)
          : recordClass === 'referral'
            ? await this.eraseReferral(manager, work.candidate.recordId)
            : await this.anonymiseClaim(manager, work.candidate.recordId, work.at);
      await manager.query(
        `INSERT INTO retention_tombstone
           (id, record_type, record_id, record_class, rule_from, action, due_on, erased_at, erased_fields, files_deleted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          randomUUID(),
          spec.recordType,
          work.candidate.recordId,
          recordClass,
          work.rule.from,
          work.action,
          work.dueOn,
          work.at,
          outcome.erasedFields,
          outcome.storageKeys.length,
        ],
      );
      return outcome;
    });
  }

  private async eraseDraft(manager: EntityManager, applicationId: string): Promise<RetentionOutcome> {
    const files = await manager.query<Array<{ storage_key: string }>>(
      `SELECT storage_key FROM evidence_document WHERE application_id = $1`,
      [applicationId],
    );
    // Sections, their history and document records go with the application (ON DELETE CASCADE).
    await manager.query(`DELETE FROM application WHERE id = $1`, [applicationId]);
    return {
      erasedFields: [
        'application',
        'application_section.answers_encrypted',
        'application_answer_history.answers_encrypted',
        'evidence_document.file_name_encrypted',
        'evidence_document.file',
      ],
      storageKeys: files.map((file) => file.storage_key),
    };
  }

  /**
   * A referral's consent records are append-only proof of consent (UK GDPR art. 7(1)) and reference the
   * referral, so the row stays as a shell: its match (the person's needs and contact details), its events'
   * notes and its webhook deliveries go, and the request's profile goes once none of its referrals is live.
   */
  private async eraseReferral(manager: EntityManager, referralId: string): Promise<RetentionOutcome> {
    await manager.query(`DELETE FROM referral_event WHERE referral_id = $1`, [referralId]);
    await manager.query(`DELETE FROM referral_webhook_delivery WHERE referral_id = $1`, [referralId]);
    const erasedFields = ['referral_event', 'referral_webhook_delivery'];
    erasedFields.push(...(await this.blank(manager, 'referral', 'id', referralId, ['match_encrypted'], 'json')));
    const [request] = await manager.query<Array<{ request_id: string; live: boolean }>>(
      `SELECT r.request_id, EXISTS (
         SELECT 1 FROM referral o WHERE o.request_id = r.request_id AND o.id <> r.id
           AND o.status NOT IN ('closed', 'withdrawn', 'expired', 'declined')) AS live
       FROM referral r WHERE r.id = $1`,
      [referralId],
    );
    if (request && !request.live)
      erasedFields.push(
        ...(await this.blank(manager, 'referral_request', 'id', request.request_id, ['profile_encrypted'], 'json')),
      );
    return { erasedFields, storageKeys: [] };
  }

  /**
   * Keeps the claim's reference, status, dates, decision outcome and amounts, decision grounds and paragraph
   * codes, payment amounts and the tribunal outcome; erases the answers (including the fairness-monitoring
   * categories, see docs/security.md), their history, files, notes and every free-text or health-revealing value.
   */
  private async anonymiseClaim(manager: EntityManager, claimId: string, at: Date): Promise<RetentionOutcome> {
    const [claim] = await manager.query<Array<{ application_id: string }>>(
      `SELECT application_id FROM claim WHERE id = $1`,
      [claimId],
    );
    const applicationId = claim!.application_id;
    const files = await manager.query<Array<{ storage_key: string }>>(
      `SELECT storage_key FROM evidence_document WHERE application_id = $1
       UNION ALL SELECT storage_key FROM claim_letter WHERE claim_id = $2`,
      [applicationId, claimId],
    );
    await manager.query(`DELETE FROM evidence_document WHERE application_id = $1`, [applicationId]);
    await manager.query(`DELETE FROM claim_letter WHERE claim_id = $1`, [claimId]);
    await manager.query(`DELETE FROM application_answer_history WHERE application_id = $1`, [applicationId]);
    await manager.query(`DELETE FROM application_section WHERE application_id = $1`, [applicationId]);
    await manager.query(`DELETE FROM claim_note WHERE claim_id = $1`, [claimId]);
    await manager.query(`UPDATE claim_review SET extension_reason_encrypted = NULL WHERE claim_id = $1`, [claimId]);
    await manager.query(`UPDATE tribunal_appeal SET tribunal_reference = NULL WHERE claim_id = $1`, [claimId]);
    const erasedFields = [
      'application_section.answers_encrypted',
      'application_answer_history.answers_encrypted',
      'evidence_document.file_name_encrypted',
      'evidence_document.file',
      'claim_letter.file',
      'claim_note.body_encrypted',
      'claim_review.extension_reason_encrypted',
      'tribunal_appeal.tribunal_reference',
    ];
    erasedFields.push(
      ...(await this.blank(manager, 'information_request', 'claim_id', claimId, ['question_encrypted'], 'text')),
      ...(await this.blank(manager, 'review_request', 'claim_id', claimId, ['reasons_encrypted'], 'text')),
      ...(await this.blank(manager, 'judgement', 'claim_id', claimId, ['reason_encrypted'], 'text')),
      ...(await this.blank(manager, 'claim_decision', 'claim_id', claimId, ['reasons_encrypted'], 'text')),
      ...(await this.blank(manager, 'claim_payment', 'claim_id', claimId, ['payee_reference_encrypted'], 'text')),
      ...(await this.blank(manager, 'claim_payee', 'claim_id', claimId, ['account_encrypted'], 'text')),
      ...(await this.blank(manager, 'eligibility_run', 'claim_id', claimId, ['assessment_encrypted'], 'json')),
      ...(await this.blank(manager, 'award_calculation', 'claim_id', claimId, ['calculation_encrypted'], 'json')),
      ...(await this.blank(
        manager,
        'claim_automatic_assessment',
        'claim_id',
        claimId,
        ['assessment_encrypted'],
        'json',
      )),
    );
    await manager.query(`UPDATE information_request SET answer_encrypted = NULL WHERE claim_id = $1`, [claimId]);
    erasedFields.push('information_request.answer_encrypted');
    erasedFields.push(
      ...(await this.blank(
        manager,
        'information_request_due_date_change',
        'claim_id',
        claimId,
        ['reason_encrypted'],
        'text',
      )),
      ...(await this.blankCancellationReasons(manager, claimId)),
    );
    await manager.query(`UPDATE claim SET anonymised_at = $2 WHERE id = $1`, [claimId, at]);
    return { erasedFields, storageKeys: files.map((file) => file.storage_key) };
  }

  /** Only a cancelled request has a cancellation reason (a CHECK ties them), so only those rows are blanked. */
  private async blankCancellationReasons(manager: EntityManager, claimId: string): Promise<string[]> {
    const column = encryptedColumns.find(
      (candidate) => candidate.table === 'information_request' && candidate.column === 'cancellation_reason_encrypted',
    )!;
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM information_request WHERE claim_id = $1 AND cancellation_reason_encrypted IS NOT NULL`,
      [claimId],
    );
    for (const row of rows) {
      await manager.query(`UPDATE information_request SET cancellation_reason_encrypted = $2 WHERE id = $1`, [
        row.id,
        this.cipher.encrypt('', column.context(row)),
      ]);
    }
    return ['information_request.cancellation_reason_encrypted'];
  }

  /**
   * Replaces each listed encrypted column of the rows `where = id` with an encrypted empty value (an empty
   * string, or JSON null) under the context the registry gives the row. Answers the field names blanked.
   */
  private async blank(
    manager: EntityManager,
    table: string,
    where: string,
    id: string,
    columns: readonly string[],
    kind: 'text' | 'json',
  ): Promise<string[]> {
    const names: string[] = [];
    for (const name of columns) {
      const column = encryptedColumns.find((candidate) => candidate.table === table && candidate.column === name);
      if (!column) throw new Error(`${table}.${name} is not a registered encrypted column`);
      const rows = await manager.query<Record<string, unknown>[]>(
        `SELECT ${[column.idColumn, ...column.contextColumns].join(', ')} FROM ${table} WHERE ${where} = $1`,
        [id],
      );
      for (const row of rows) {
        const context = column.context(row);
        const empty = kind === 'json' ? this.cipher.encryptJson(null, context) : this.cipher.encrypt('', context);
        await manager.query(`UPDATE ${table} SET ${name} = $1 WHERE ${column.idColumn} = $2`, [
          empty,
          row[column.idColumn],
        ]);
      }
      names.push(`${table}.${name}`);
    }
    return names;
  }
}
