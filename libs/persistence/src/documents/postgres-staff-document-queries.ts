import { StaffDocumentQueries, type StaffEvidenceDocument } from '@redress/application';
import type { DataSource } from 'typeorm';
import { isUuid, type FieldCipherLike } from '../claims/persistence-ports.js';
import { DOCUMENT_COLUMNS, fileNameContext, toDocumentView } from './postgres-evidence-document-store.js';

/** A claim's evidence (its application's documents) as staff read it; file names decrypted here only. */
export class PostgresStaffDocumentQueries extends StaffDocumentQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipherLike,
  ) {
    super();
  }

  async list(applicationId: string): Promise<StaffEvidenceDocument[]> {
    const rows = await this.dataSource.query<
      Array<Parameters<typeof toDocumentView>[1] & { information_request_id: string | null }>
    >(
      `SELECT ${DOCUMENT_COLUMNS}, information_request_id FROM evidence_document
        WHERE application_id = $1 ORDER BY uploaded_at, id`,
      [applicationId],
    );
    return rows.map((row) => ({
      ...toDocumentView(this.cipher, row),
      sentBy: 'applicant' as const,
      informationRequestId: row.information_request_id,
    }));
  }

  async document(
    applicationId: string,
    documentId: string,
  ): Promise<{ storageKey: string; contentType: string; fileName: string } | null> {
    if (!isUuid(documentId)) return null;
    const [row] = await this.dataSource.query<
      Array<{ storage_key: string; content_type: string; file_name_encrypted: string }>
    >(
      `SELECT storage_key, content_type, file_name_encrypted FROM evidence_document WHERE id = $1 AND application_id = $2`,
      [documentId, applicationId],
    );
    if (!row) return null;
    return {
      storageKey: row.storage_key,
      contentType: row.content_type,
      fileName: this.cipher.decrypt(row.file_name_encrypted, fileNameContext(documentId)),
    };
  }
}
