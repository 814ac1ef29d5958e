import { randomUUID } from 'node:crypto';
import {
  ClaimQueries,
  ClaimsUnitOfWork,
  type AuditRecord,
  type ClaimDetails,
  type ClaimSubmissionDetails,
  type ClaimSummary,
  type ClaimTransaction,
  type IdempotencyRecord,
  type InformationRequestView,
  type NewPayee,
  type StoredApplication,
  type StoredClaimEvent,
} from '@redress/application';
import type { ClaimDecision, ClaimEvent, ClaimSnapshot, ClaimStatus, ProposedDecision } from '@redress/domain';
import { isJobName, parseJobPayload } from '@redress/jobs';
import type { DataSource, EntityManager } from 'typeorm';
import { DOCUMENT_COLUMNS, toDocumentView } from '../documents/postgres-evidence-document-store.js';
import { lockOwnedApplicationWithSerial } from './postgres-application-store.js';
import type { FieldCipherLike } from './persistence-ports.js';
import { auditLogRow, DeferredWrites, type DeferredWrite } from '../support/deferred-writes.js';
import { claimEventRow, updateClaimState } from './claim-event-writer.js';
import { payeeInsert } from '../casework-decisions/postgres-payment-store.js';

interface ClaimDbRow {
  id: string;
  reference: string;
  application_id: string;
  owner_citizen_id: string;
  status: ClaimStatus;
  version: number;
  status_changed_at: Date;
  submitted_at: Date | null;
  pending_decision: ProposedDecision | null;
  decision: ClaimDecision | null;
}

const CLAIM_COLUMNS = `id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
  pending_decision, decision`;

function toSnapshot(row: ClaimDbRow): ClaimSnapshot {
  return {
    id: row.id,
    reference: row.reference,
    applicationId: row.application_id,
    ownerCitizenId: row.owner_citizen_id,
    status: row.status,
    version: row.version,
    statusChangedAt: row.status_changed_at,
    submittedAt: row.submitted_at,
    pendingDecision: row.pending_decision,
    decision: row.decision,
  };
}

export const questionContext = (id: string): string => `information-request:${id}:question`;
export const answerContext = (id: string): string => `information-request:${id}:answer`;
export const reasonsContext = (id: string): string => `review-request:${id}:reasons`;

/**
 * Writes are deferred and sent together as ONE statement (data-modifying CTEs) before the next read or the
 * commit, and the audit entry rides in that same statement: a submission makes one round trip for its claim,
 * event, outbox rows, application, idempotency record and audit entry instead of eight. Foreign keys are checked
 * at the end of that statement, so a claim and its event can go in the same one.
 *
 * Round trips of a submission (each costs the API a socket write and a wake-up, which profiling showed to be
 * its largest cost): BEGIN, take the idempotency key, lock and read the draft with its sections and claim
 * number, the writes with the audit entry, COMMIT.
 */
class PostgresClaimTransaction implements ClaimTransaction {
  private readonly writes: DeferredWrites;
  /** The claim number taken by the statement that locked the draft. */
  private serial: number | null = null;

  constructor(
    private readonly manager: EntityManager,
    private readonly cipher: FieldCipherLike,
  ) {
    this.writes = new DeferredWrites(manager);
  }

  private defer(write: DeferredWrite): void {
    this.writes.defer(write);
  }

  async flush(): Promise<void> {
    if (this.writes.pending) await this.writes.flush();
  }

  async lockOwnedApplication(applicationId: string, citizenId: string, now: Date): Promise<StoredApplication | null> {
    await this.flush();
    const locked = await lockOwnedApplicationWithSerial(this.manager, this.cipher, applicationId, citizenId, now);
    this.serial = locked?.serial ?? null;
    return locked?.application ?? null;
  }

  async insertPayee(payee: NewPayee): Promise<void> {
    this.defer(payeeInsert(this.cipher, payee));
  }

  async markApplicationSubmitted(applicationId: string, at: Date): Promise<void> {
    this.defer({
      sql: `UPDATE application SET status = 'submitted', submitted_at = $2, updated_at = $2, expires_at = NULL,
         version = version + 1 WHERE id = $1`,
      parameters: [applicationId, at],
      exactlyOne: `application ${applicationId} was not there to mark submitted`,
    });
  }

  async nextClaimSerial(): Promise<number> {
    if (this.serial !== null) {
      const serial = this.serial;
      this.serial = null;
      return serial;
    }
    await this.flush();
    const [row] = await this.manager.query<Array<{ serial: string }>>(
      `SELECT nextval('claim_reference_seq') AS serial`,
    );
    return Number(row!.serial);
  }

  async insertClaim(claim: ClaimSnapshot, details: ClaimSubmissionDetails, at: Date): Promise<void> {
    this.defer({
      sql: `INSERT INTO claim (id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
         pending_decision, decision, applicant_role, representative_type, crime_reference_given, declaration_version,
         declared_at, declared_by_citizen_id, created_at, updated_at, preferred_language, bilingual_letters)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL, $9, $10, $11, $12, $13, $14, $15, $15,
         account.preferred_language, account.bilingual_letters
       FROM citizen_account account WHERE account.id = $4`,
      parameters: [
        claim.id,
        claim.reference,
        claim.applicationId,
        claim.ownerCitizenId,
        claim.status,
        claim.version,
        claim.statusChangedAt,
        claim.submittedAt,
        details.applicantRole,
        details.representativeType,
        details.crimeReferenceGiven,
        details.declaration.wordingVersion,
        details.declaration.at,
        details.declaration.citizenId,
        at,
      ],
    });
  }

  async lockOwnedClaim(reference: string, citizenId: string): Promise<ClaimSnapshot | null> {
    await this.flush();
    const [row] = await this.manager.query<ClaimDbRow[]>(
      `SELECT ${CLAIM_COLUMNS} FROM claim WHERE reference = $1 AND owner_citizen_id = $2 FOR UPDATE`,
      [reference, citizenId],
    );
    return row ? toSnapshot(row) : null;
  }

  async updateClaim(claim: ClaimSnapshot, at: Date): Promise<void> {
    updateClaimState(this.writes, claim, at, { kind: 'below', version: claim.version });
  }

  async appendEvents(events: readonly ClaimEvent[]): Promise<void> {
    for (const event of events) this.writes.append('claim_event', claimEventRow(event));
  }

  async enqueue(
    jobName: string,
    payload: Record<string, string>,
    orderingKey: string,
    options: { notBefore?: Date } = {},
  ): Promise<void> {
    // A payload that breaks its job's contract fails the use case now, not the worker later.
    if (!isJobName(jobName)) throw new Error(`unknown job ${jobName}`);
    parseJobPayload(jobName, payload);
    this.writes.append('outbox_message', [
      randomUUID(),
      jobName,
      JSON.stringify(payload),
      orderingKey,
      options.notBefore ?? null,
    ]);
  }

  async serviceLevel(claimId: string): Promise<{ dueAt: Date | null; paused: boolean }> {
    await this.flush();
    // The casework migration's triggers keep these: a pause closes (and the due time moves on by its length)
    // when the last open request to the applicant is answered.
    const [row] = await this.manager.query<Array<{ due_at: Date | null; paused: boolean }>>(
      `SELECT service_level_due_at AS due_at, service_level_paused_since IS NOT NULL AS paused FROM claim WHERE id = $1`,
      [claimId],
    );
    return { dueAt: row?.due_at ?? null, paused: row?.paused ?? false };
  }

  async audit(entry: AuditRecord): Promise<void> {
    // Sent with the other held-back writes, in one multi-row INSERT per transaction.
    this.writes.append('audit_log', auditLogRow(entry));
  }

  async takeIdempotencyKey(key: {
    citizenId: string;
    key: string;
    operation: string;
    fingerprint: string;
    at: Date;
    expiresAt: Date;
  }): Promise<IdempotencyRecord | null> {
    await this.flush();
    // A concurrent transaction holding the same key makes this INSERT wait until it commits or rolls back.
    const inserted = await this.manager.query<Array<{ key: string }>>(
      `INSERT INTO idempotency_record (citizen_id, key, operation, fingerprint, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (citizen_id, key) DO NOTHING RETURNING key`,
      [key.citizenId, key.key, key.operation, key.fingerprint, key.at, key.expiresAt],
    );
    if (inserted.length) return null;
    const [row] = await this.manager.query<
      Array<{
        operation: string;
        fingerprint: string;
        response_status: number;
        response_body: unknown;
        expires_at: Date;
      }>
    >(
      `SELECT operation, fingerprint, response_status, response_body, expires_at FROM idempotency_record
       WHERE citizen_id = $1 AND key = $2`,
      [key.citizenId, key.key],
    );
    if (!row) throw new Error('idempotency record vanished');
    if (row.expires_at <= key.at) {
      // An expired key is forgotten: it may be used again.
      await this.manager.query(
        `UPDATE idempotency_record SET operation = $3, fingerprint = $4, created_at = $5, expires_at = $6,
           response_status = NULL, response_body = NULL WHERE citizen_id = $1 AND key = $2`,
        [key.citizenId, key.key, key.operation, key.fingerprint, key.at, key.expiresAt],
      );
      return null;
    }
    return {
      operation: row.operation,
      fingerprint: row.fingerprint,
      responseStatus: row.response_status,
      responseBody: row.response_body,
    };
  }

  async completeIdempotencyKey(
    citizenId: string,
    key: string,
    responseStatus: number,
    responseBody: unknown,
  ): Promise<void> {
    this.defer({
      sql: `UPDATE idempotency_record SET response_status = $3, response_body = $4 WHERE citizen_id = $1 AND key = $2`,
      parameters: [citizenId, key, responseStatus, JSON.stringify(responseBody)],
      exactlyOne: `idempotency key of citizen ${citizenId} was not there to complete`,
    });
  }

  async findOpenInformationRequest(claimId: string, requestId: string): Promise<{ id: string } | null> {
    await this.flush();
    if (!/^[0-9a-f-]{36}$/i.test(requestId)) return null;
    const [row] = await this.manager.query<Array<{ id: string }>>(
      // Only requests addressed to the applicant are theirs to answer (the police, a GP or a hospital answer
      // the caseworker, not through the citizen API).
      `SELECT id FROM information_request
        WHERE id = $1 AND claim_id = $2 AND status = 'open' AND recipient = 'applicant' FOR UPDATE`,
      [requestId, claimId],
    );
    return row ?? null;
  }

  async answerInformationRequest(request: {
    id: string;
    answer: string;
    citizenId: string;
    at: Date;
    documentIds: readonly string[];
  }): Promise<void> {
    await this.manager.query(
      `UPDATE information_request SET status = 'answered', answered_at = $2, answer_encrypted = $3,
         answered_by_citizen_id = $4, document_ids = $5, version = version + 1 WHERE id = $1`,
      [
        request.id,
        request.at,
        this.cipher.encrypt(request.answer, answerContext(request.id)),
        request.citizenId,
        request.documentIds,
      ],
    );
  }

  async countOpenInformationRequests(claimId: string): Promise<number> {
    await this.flush();
    // Only the applicant's requests hold the assessment (and pause the service-level clock): a request still open
    // with the police, a GP or a hospital is the caseworker's to chase and must not keep the claim waiting.
    const [row] = await this.manager.query<Array<{ open: string }>>(
      `SELECT count(*) AS open FROM information_request
        WHERE claim_id = $1 AND status = 'open' AND recipient = 'applicant'`,
      [claimId],
    );
    return Number(row?.open ?? 0);
  }

  async insertReviewRequest(request: {
    id: string;
    claimId: string;
    citizenId: string;
    reasons: string;
    at: Date;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO review_request (id, claim_id, requested_by_citizen_id, requested_at, reasons_encrypted)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        request.id,
        request.claimId,
        request.citizenId,
        request.at,
        this.cipher.encrypt(request.reasons, reasonsContext(request.id)),
      ],
    );
  }
}

/** One PostgreSQL transaction per use case (READ COMMITTED, with row locks where the use case needs them). */
export class PostgresClaimsUnitOfWork extends ClaimsUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipherLike,
  ) {
    super();
  }

  run<T>(work: (transaction: ClaimTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const transaction = new PostgresClaimTransaction(manager, this.cipher);
      const result = await work(transaction);
      await transaction.flush();
      return result;
    });
  }
}

/** Reads of a citizen's own claims, with their events, information requests and review requests. */
export class PostgresClaimQueries extends ClaimQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipherLike,
  ) {
    super();
  }

  async listOwned(citizenId: string): Promise<ClaimSummary[]> {
    const rows = await this.dataSource.query<
      Array<{
        reference: string;
        status: ClaimStatus;
        submitted_at: Date | null;
        status_changed_at: Date;
        open: string;
      }>
    >(
      `SELECT c.reference, c.status, c.submitted_at, c.status_changed_at,
         (SELECT count(*) FROM information_request r
           WHERE r.claim_id = c.id AND r.status = 'open' AND r.recipient = 'applicant') AS open
       FROM claim c WHERE c.owner_citizen_id = $1 ORDER BY c.submitted_at DESC, c.id LIMIT 100`,
      [citizenId],
    );
    return rows.map((row) => ({
      reference: row.reference,
      status: row.status,
      submittedAt: row.submitted_at,
      statusChangedAt: row.status_changed_at,
      openInformationRequests: Number(row.open),
    }));
  }

  async findOwned(reference: string, citizenId: string): Promise<ClaimDetails | null> {
    const [row] = await this.dataSource.query<ClaimDbRow[]>(
      `SELECT ${CLAIM_COLUMNS} FROM claim WHERE reference = $1 AND owner_citizen_id = $2`,
      [reference, citizenId],
    );
    if (!row) return null;
    return {
      claim: toSnapshot(row),
      events: await loadEvents(this.dataSource.manager, row.id),
      informationRequests: await loadInformationRequests(this.dataSource.manager, this.cipher, row.id),
      reviewRequests: await loadReviewRequests(this.dataSource.manager, this.cipher, row.id),
      documents: await loadDocuments(this.dataSource.manager, this.cipher, row.application_id),
    };
  }
}

export async function loadDocuments(
  manager: Pick<EntityManager, 'query'>,
  cipher: FieldCipherLike,
  applicationId: string,
): Promise<ClaimDetails['documents'][number][]> {
  const rows = await manager.query<Parameters<typeof toDocumentView>[1][]>(
    `SELECT ${DOCUMENT_COLUMNS} FROM evidence_document WHERE application_id = $1 ORDER BY uploaded_at, id`,
    [applicationId],
  );
  return rows.map((row) => {
    const view = toDocumentView(cipher, row);
    return {
      id: view.id,
      fileName: view.fileName,
      contentType: view.contentType,
      sizeBytes: view.sizeBytes,
      uploadedAt: view.uploadedAt,
    };
  });
}

export async function loadEvents(manager: Pick<EntityManager, 'query'>, claimId: string): Promise<StoredClaimEvent[]> {
  const rows = await manager.query<
    Array<{
      type: StoredClaimEvent['type'];
      version: number;
      from_status: string;
      to_status: string;
      actor_kind: StoredClaimEvent['actor']['kind'];
      actor_id: string | null;
      occurred_at: Date;
      data: Record<string, unknown>;
    }>
  >(
    `SELECT type, version, from_status, to_status, actor_kind, actor_id, occurred_at, data FROM claim_event
     WHERE claim_id = $1 ORDER BY version`,
    [claimId],
  );
  return rows.map((event) => ({
    type: event.type,
    version: event.version,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    actor: { kind: event.actor_kind, id: event.actor_id },
    occurredAt: event.occurred_at,
    data: event.data,
  }));
}

export async function loadInformationRequests(
  manager: Pick<EntityManager, 'query'>,
  cipher: FieldCipherLike,
  claimId: string,
): Promise<InformationRequestView[]> {
  const rows = await manager.query<
    Array<{
      id: string;
      topic: InformationRequestView['topic'];
      question_encrypted: string;
      requested_at: Date;
      due_on: string;
      status: InformationRequestView['status'];
      answered_at: Date | null;
      answer_encrypted: string | null;
      document_ids: string[];
    }>
  >(
    `SELECT id, topic, question_encrypted, requested_at, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, answered_at,
       answer_encrypted, document_ids
     FROM information_request WHERE claim_id = $1 AND status IN ('open', 'answered') ORDER BY requested_at, id`,
    [claimId],
  );
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    question: cipher.decrypt(row.question_encrypted, questionContext(row.id)),
    requestedAt: row.requested_at,
    dueOn: row.due_on,
    status: row.status,
    answeredAt: row.answered_at,
    answer: row.answer_encrypted ? cipher.decrypt(row.answer_encrypted, answerContext(row.id)) : null,
    documentIds: row.document_ids,
  }));
}

export async function loadReviewRequests(
  manager: Pick<EntityManager, 'query'>,
  cipher: FieldCipherLike,
  claimId: string,
): Promise<Array<{ id: string; requestedAt: Date; reasons: string; status: string }>> {
  const rows = await manager.query<
    Array<{ id: string; requested_at: Date; reasons_encrypted: string; status: string }>
  >(
    `SELECT id, requested_at, reasons_encrypted, status FROM review_request WHERE claim_id = $1 ORDER BY requested_at, id`,
    [claimId],
  );
  return rows.map((row) => ({
    id: row.id,
    requestedAt: row.requested_at,
    reasons: cipher.decrypt(row.reasons_encrypted, reasonsContext(row.id)),
    status: row.status,
  }));
}
