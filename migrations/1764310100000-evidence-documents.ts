import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files sent with an application (and later with an answer to an information request). The file is in
 * the document storage under `storage_key` (ids only); its name is encrypted, bound to the document id.
 */
export class EvidenceDocuments1764310100000 implements MigrationInterface {
  name = 'EvidenceDocuments1764310100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE evidence_document (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
        owner_citizen_id uuid NOT NULL,
        information_request_id uuid REFERENCES information_request (id),
        storage_key text NOT NULL UNIQUE,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/heic',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
        sha256 char(64) NOT NULL,
        file_name_encrypted text NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX evidence_document_application_idx ON evidence_document (application_id, uploaded_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE evidence_document`);
  }
}
