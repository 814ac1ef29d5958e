import { CitizenDecisionQueries, type CitizenDecisionView, type CitizenPaymentView } from '@redress/application';
import type { DataSource } from 'typeorm';
import type { CaseworkCipher } from '../casework/casework-ports.js';
import { caseworkContext } from '../casework/postgres-case-file-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PostgresCitizenDecisionQueries extends CitizenDecisionQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CaseworkCipher,
  ) {
    super();
  }

  async decisions(claimId: string): Promise<CitizenDecisionView[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        kind: string;
        amount_pence: string | null;
        grounds: string[];
        paragraphs: string[];
        reasons_encrypted: string;
        decided_on: string;
        on_review: boolean;
        status: string;
        letter_id: string | null;
        content_type: string | null;
        size_bytes: number | null;
        pages: number | null;
      }>
    >(
      `SELECT d.id, d.kind, d.amount_pence, d.grounds, d.paragraphs, d.reasons_encrypted, d.decided_on::text AS decided_on,
              d.on_review, d.status, l.id AS letter_id, l.content_type, l.size_bytes, l.pages
         FROM claim_decision d
         LEFT JOIN claim_letter l ON l.claim_id = d.claim_id AND l.kind = 'decision' AND l.decision_id = d.id::text
        WHERE d.claim_id = $1 AND d.status IN ('made', 'superseded')
        ORDER BY d.decided_on, coalesce(d.approved_at, d.proposed_at), d.id`,
      [claimId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      amountPence: row.amount_pence === null ? null : Number(row.amount_pence),
      grounds: row.grounds,
      paragraphs: row.paragraphs,
      reasons: this.cipher.decrypt(row.reasons_encrypted, caseworkContext.decisionReasons(row.id)),
      decidedOn: row.decided_on,
      madeOnReview: row.on_review,
      inForce: row.status === 'made',
      letter:
        row.letter_id === null
          ? null
          : { id: row.letter_id, contentType: row.content_type!, sizeBytes: row.size_bytes!, pages: row.pages! },
    }));
  }

  async payments(claimId: string): Promise<CitizenPaymentView[]> {
    const rows = await this.dataSource.query<
      Array<{ kind: string; amount_pence: string; status: string; hold_until: string | null; requested_at: Date }>
    >(
      `SELECT kind, amount_pence, status, hold_until::text AS hold_until, requested_at FROM claim_payment
        WHERE claim_id = $1 ORDER BY requested_at, id`,
      [claimId],
    );
    return rows.map((row) => ({
      kind: row.kind,
      amountPence: Number(row.amount_pence),
      status: row.status,
      holdUntil: row.hold_until,
      requestedAt: row.requested_at,
    }));
  }

  async applicantRequestIds(claimId: string): Promise<ReadonlySet<string>> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM information_request WHERE claim_id = $1 AND recipient = 'applicant'`,
      [claimId],
    );
    return new Set(rows.map((row) => row.id));
  }

  async letter(claimId: string, letterId: string): Promise<{ storageKey: string; contentType: string } | null> {
    if (!UUID.test(letterId)) return null;
    const [row] = await this.dataSource.query<Array<{ storage_key: string; content_type: string }>>(
      `SELECT storage_key, content_type FROM claim_letter WHERE id = $1 AND claim_id = $2`,
      [letterId, claimId],
    );
    return row ? { storageKey: row.storage_key, contentType: row.content_type } : null;
  }
}
