import {
  InformationRequestStore,
  NoteStore,
  type CaseworkTransaction,
  type InformationRecipient,
  type StoredInformationRequest,
} from '@redress/application';
import type { CaseworkCipher } from './casework-ports.js';
import { managerOf } from './casework-ports.js';
import { caseworkContext } from './postgres-case-file-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PostgresInformationRequestStore extends InformationRequestStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async insert(
    tx: CaseworkTransaction,
    request: {
      id: string;
      claimId: string;
      recipient: InformationRecipient;
      topic: string;
      question: string;
      requestedBy: string;
      requestedAt: Date;
      dueOn: string;
      workingDays: number;
    },
  ): Promise<void> {
    // The service-level pause (applicant requests only) is opened by the information_request trigger.
    await managerOf(tx.handle).query(
      `INSERT INTO information_request (id, claim_id, topic, question_encrypted, requested_by_staff_id, requested_at, due_on,
         recipient, working_days) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        request.id,
        request.claimId,
        request.topic,
        this.cipher.encrypt(request.question, caseworkContext.question(request.id)),
        request.requestedBy,
        request.requestedAt,
        request.dueOn,
        request.recipient,
        request.workingDays,
      ],
    );
  }

  async lock(tx: CaseworkTransaction, claimId: string, requestId: string): Promise<StoredInformationRequest | null> {
    if (!UUID.test(requestId)) return null;
    const [row] = await managerOf(tx.handle).query<
      Array<{
        id: string;
        claim_id: string;
        recipient: InformationRecipient;
        status: StoredInformationRequest['status'];
        due_on: string;
      }>
    >(
      `SELECT id, claim_id, recipient, status, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM information_request
        WHERE id = $1 AND claim_id = $2 FOR UPDATE`,
      [requestId, claimId],
    );
    return row
      ? { id: row.id, claimId: row.claim_id, recipient: row.recipient, status: row.status, dueOn: row.due_on }
      : null;
  }

  async moveDueDate(
    tx: CaseworkTransaction,
    change: {
      id: string;
      informationRequestId: string;
      claimId: string;
      previousDueOn: string;
      dueOn: string;
      reason: string;
      changedBy: string;
      at: Date;
    },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `WITH moved AS (
         UPDATE information_request SET due_on = $5, version = version + 1 WHERE id = $2 AND status = 'open' RETURNING id
       )
       INSERT INTO information_request_due_date_change (id, information_request_id, claim_id, previous_due_on, due_on,
         reason_encrypted, changed_by_staff_id, changed_at)
       SELECT $1, moved.id, $3, $4, $5, $6, $7, $8 FROM moved`,
      [
        change.id,
        change.informationRequestId,
        change.claimId,
        change.previousDueOn,
        change.dueOn,
        this.cipher.encrypt(change.reason, caseworkContext.dueDateChangeReason(change.id)),
        change.changedBy,
        change.at,
      ],
    );
  }

  async recordReply(
    tx: CaseworkTransaction,
    reply: { id: string; summary: string; documentIds: readonly string[]; recordedBy: string; at: Date },
  ): Promise<void> {
    // Encrypted under the answer's context, as the applicant's own answers are.
    await managerOf(tx.handle).query(
      `UPDATE information_request SET status = 'answered', answered_at = $2, answer_encrypted = $3,
         answered_by_staff_id = $4, document_ids = $5, version = version + 1 WHERE id = $1 AND status = 'open'`,
      [
        reply.id,
        reply.at,
        this.cipher.encrypt(reply.summary, caseworkContext.answer(reply.id)),
        reply.recordedBy,
        reply.documentIds,
      ],
    );
  }

  async cancel(
    tx: CaseworkTransaction,
    cancellation: { id: string; reason: string; cancelledBy: string; at: Date },
  ): Promise<void> {
    // The information_request_service_level trigger ends the pause when this was the applicant's last open request.
    await managerOf(tx.handle).query(
      `UPDATE information_request SET status = 'cancelled', cancelled_at = $2, cancelled_by_staff_id = $3,
         cancellation_reason_encrypted = $4, version = version + 1 WHERE id = $1 AND status = 'open'`,
      [
        cancellation.id,
        cancellation.at,
        cancellation.cancelledBy,
        this.cipher.encrypt(cancellation.reason, caseworkContext.cancellationReason(cancellation.id)),
      ],
    );
  }

  async countOpenToApplicant(tx: CaseworkTransaction, claimId: string): Promise<number> {
    const [row] = await managerOf(tx.handle).query<Array<{ open: number }>>(
      `SELECT count(*)::int AS open FROM information_request
        WHERE claim_id = $1 AND status = 'open' AND recipient = 'applicant'`,
      [claimId],
    );
    return row?.open ?? 0;
  }

  async documentsOnClaim(
    tx: CaseworkTransaction,
    claimId: string,
    documentIds: readonly string[],
  ): Promise<ReadonlySet<string>> {
    const ids = documentIds.filter((id) => UUID.test(id));
    if (!ids.length) return new Set();
    const rows = await managerOf(tx.handle).query<Array<{ id: string }>>(
      `SELECT d.id FROM evidence_document d JOIN claim c ON c.application_id = d.application_id
        WHERE c.id = $1 AND d.id = ANY($2::uuid[])`,
      [claimId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async serviceLevel(tx: CaseworkTransaction, claimId: string): Promise<{ dueAt: Date | null; paused: boolean }> {
    // Kept by the casework migration's triggers, which ran with this transaction's writes.
    const [row] = await managerOf(tx.handle).query<Array<{ due_at: Date | null; paused: boolean }>>(
      `SELECT service_level_due_at AS due_at, service_level_paused_since IS NOT NULL AS paused FROM claim WHERE id = $1`,
      [claimId],
    );
    return { dueAt: row?.due_at ?? null, paused: row?.paused ?? false };
  }
}

export class PostgresNoteStore extends NoteStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async insert(
    tx: CaseworkTransaction,
    note: { id: string; claimId: string; author: string; body: string; at: Date },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO claim_note (id, claim_id, author_staff_id, body_encrypted, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [note.id, note.claimId, note.author, this.cipher.encrypt(note.body, caseworkContext.note(note.id)), note.at],
    );
  }
}
