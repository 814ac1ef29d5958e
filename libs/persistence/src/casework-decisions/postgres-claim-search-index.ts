import {
  ClaimSearchIndex,
  searchPurposes,
  searchTermsOf,
  type SearchHit,
  type SearchQuery,
} from '@redress/application';
import type { DataSource } from 'typeorm';
import type { CaseworkCipher } from '../casework/casework-ports.js';
import { loadAnswers } from '../casework/postgres-case-file-store.js';

const BATCH = 500;

/**
 * Exact search on encrypted answers through keyed blind indexes in `claim_search_term`. Claims are queued for
 * indexing by a trigger on `claim` and indexed by whichever search comes next (a batch at a time, SKIP LOCKED, so
 * concurrent searches share the work), since answers never change after submission.
 */
export class PostgresClaimSearchIndex extends ClaimSearchIndex {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CaseworkCipher,
  ) {
    super();
  }

  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const rows = await manager.query<Array<{ id: string; application_id: string }>>(
          `WITH taken AS (
             DELETE FROM claim_search_pending WHERE claim_id IN (
               SELECT claim_id FROM claim_search_pending ORDER BY claim_id LIMIT $1 FOR UPDATE SKIP LOCKED)
             RETURNING claim_id)
           SELECT t.claim_id AS id, c.application_id FROM taken t JOIN claim c ON c.id = t.claim_id`,
          [BATCH],
        );
        const claims: string[] = [];
        const fields: string[] = [];
        const indexes: string[] = [];
        for (const row of rows) {
          for (const term of searchTermsOf(await loadAnswers(manager, this.cipher, row.application_id))) {
            claims.push(row.id);
            fields.push(term.field);
            indexes.push(this.cipher.blindIndex(searchPurposes[term.field], term.value));
          }
        }
        if (claims.length) {
          await manager.query(
            `INSERT INTO claim_search_term (claim_id, field, blind_index)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
            [claims, fields, indexes],
          );
        }
        total += rows.length;
        return rows.length < BATCH;
      });
      if (done) return total;
    }
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const params: unknown[] = [query.viewerStaffId, query.limit];
    const conditions: string[] = [];
    if (query.reference !== null) {
      params.push(query.reference);
      conditions.push(`c.reference = $${params.length}`);
    }
    for (const term of query.terms) {
      const fields = term.field === 'name' ? ['fullName', 'lastName'] : [term.field];
      const purposes = fields.map((field) => searchPurposes[field as keyof typeof searchPurposes]);
      params.push(
        fields,
        purposes.map((purpose) => this.cipher.blindIndex(purpose, term.value)),
      );
      conditions.push(
        `c.id IN (SELECT t.claim_id FROM claim_search_term t
                   JOIN unnest($${params.length - 1}::text[], $${params.length}::text[]) AS q(field, blind_index)
                     ON t.field = q.field AND t.blind_index = q.blind_index)`,
      );
    }
    const rows = await this.dataSource.query<
      Array<{
        reference: string;
        status: string;
        team: string;
        submitted_at: Date | null;
        assigned_staff_id: string | null;
      }>
    >(
      `SELECT c.reference, c.status, c.team, c.submitted_at, c.assigned_staff_id FROM claim c
        WHERE c.status <> 'draft' AND ${conditions.join(' AND ')}
          AND (NOT c.restricted OR EXISTS (
            SELECT 1 FROM claim_restricted_staff r WHERE r.claim_id = c.id AND r.staff_id = $1))
        ORDER BY c.submitted_at DESC NULLS LAST, c.id LIMIT $2`,
      params,
    );
    return rows.map((row) => ({
      reference: row.reference,
      status: row.status,
      team: row.team,
      submittedAt: row.submitted_at,
      assignedStaffId: row.assigned_staff_id,
    }));
  }
}
