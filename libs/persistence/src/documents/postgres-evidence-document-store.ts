import { EvidenceDocumentStore, type EvidenceDocumentView, type NewEvidenceDocument } from '@redress/application';
import type { EvidenceType } from '@redress/domain';
import type { DataSource } from 'typeorm';
import { isUuid, returnedRows, type FieldCipherLike } from '../claims/persistence-ports.js';

const typeByContentType: Record<string, EvidenceType> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/heic': 'heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export const fileNameContext = (documentId: string): string => `evidence-document:${documentId}:file-name`;

interface DocumentDbRow {
  id: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  file_name_encrypted: string;
  uploaded_at: Date;
}

export function toDocumentView(cipher: FieldCipherLike, row: DocumentDbRow): EvidenceDocumentView {
  return {
    id: row.id,
    fileName: cipher.decrypt(row.file_name_encrypted, fileNameContext(row.id)),
    type: typeByContentType[row.content_type] ?? 'pdf',
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

export const DOCUMENT_COLUMNS = 'id, content_type, size_bytes, sha256, file_name_encrypted, uploaded_at';

/** Evidence document records; a file name can say a lot ("rape-kit-results.pdf"), so it is encrypted. */
export class PostgresEvidenceDocumentStore extends EvidenceDocumentStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipherLike,
  ) {
    super();
  }

  async insert(document: NewEvidenceDocument, draftExpiresAt: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [draft] = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE application SET updated_at = $2, expires_at = $3 WHERE id = $1 AND status = 'draft' RETURNING id`,
          [document.applicationId, document.uploadedAt, draftExpiresAt],
        ),
      );
      if (!draft) return false;
      await manager.query(
        `INSERT INTO evidence_document (id, application_id, owner_citizen_id, storage_key, content_type, size_bytes, sha256,
           file_name_encrypted, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          document.id,
          document.applicationId,
          document.ownerCitizenId,
          document.storageKey,
          document.contentType,
          document.sizeBytes,
          document.sha256,
          this.cipher.encrypt(document.fileName, fileNameContext(document.id)),
          document.uploadedAt,
        ],
      );
      return true;
    });
  }

  async listForApplication(applicationId: string): Promise<EvidenceDocumentView[]> {
    const rows = await this.dataSource.query<DocumentDbRow[]>(
      `SELECT ${DOCUMENT_COLUMNS} FROM evidence_document WHERE application_id = $1 ORDER BY uploaded_at, id`,
      [applicationId],
    );
    return rows.map((row) => toDocumentView(this.cipher, row));
  }

  async delete(applicationId: string, documentId: string): Promise<string | null> {
    if (!isUuid(documentId)) return null;
    const [row] = returnedRows<{ storage_key: string }>(
      await this.dataSource.query(
        `DELETE FROM evidence_document WHERE id = $1 AND application_id = $2 RETURNING storage_key`,
        [documentId, applicationId],
      ),
    );
    return row?.storage_key ?? null;
  }

  async storageKeysOf(applicationId: string): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ storage_key: string }>>(
      `SELECT storage_key FROM evidence_document WHERE application_id = $1`,
      [applicationId],
    );
    return rows.map((row) => row.storage_key);
  }
}
