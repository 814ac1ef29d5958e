import { StaffLetterQueries, type StaffLetter } from '@redress/application';
import type { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The claim_letter rows (the worker writes them) as staff read them. */
export class PostgresStaffLetterQueries extends StaffLetterQueries {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async list(claimId: string): Promise<StaffLetter[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        kind: 'decision';
        decision_id: string;
        content_type: string;
        size_bytes: number;
        pages: number;
        created_at: Date;
      }>
    >(
      `SELECT id, kind, decision_id, content_type, size_bytes, pages, created_at FROM claim_letter
        WHERE claim_id = $1 ORDER BY created_at, id`,
      [claimId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      decisionId: row.decision_id,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
      pages: row.pages,
      createdAt: row.created_at,
    }));
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
