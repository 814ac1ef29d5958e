import { StoredDocumentUnreadableError } from '@redress/application';
import type { DataSource } from 'typeorm';
import type { FilesystemDocumentStorage } from './filesystem-document-storage.js';

export interface DocumentReencryptionReport {
  table: string;
  /** Files rewritten under the active key (plaintext ones encrypted, older keys replaced). */
  reencrypted: number;
  /** Rows whose file was already under the active key. */
  current: number;
  /** Rows whose file is not there (erased by retention after the row was read, or lost). */
  missing: number;
  /** Files that do not decrypt (tampered, or their key is not configured): left as they are. */
  unreadable: number;
}

/** Every table that points at stored files, by storage key. */
const fileTables = ['evidence_document', 'claim_letter'] as const;

/**
 * Brings every stored file under the active field-encryption key (`npm run keys:rotate`): files written before
 * files were encrypted are encrypted, files under an older key re-encrypted, so the older key can be retired.
 * Each file is rewritten while the database row pointing at it is locked (`FOR SHARE`): every deletion (a citizen,
 * retention) deletes that row first and the file after its commit, so a rewrite can never bring back a file that
 * was just erased. Files no row points at are not touched (nothing can read them).
 */
export async function reencryptDocumentFiles(
  dataSource: DataSource,
  storage: FilesystemDocumentStorage,
  options: {
    batchSize?: number;
    onFile?: (table: string, outcome: keyof Omit<DocumentReencryptionReport, 'table'>) => void;
  } = {},
): Promise<DocumentReencryptionReport[]> {
  const batchSize = options.batchSize ?? 200;
  const reports: DocumentReencryptionReport[] = [];
  for (const table of fileTables) {
    const report: DocumentReencryptionReport = { table, reencrypted: 0, current: 0, missing: 0, unreadable: 0 };
    let afterId: string | null = null;
    for (;;) {
      const page: Array<{ id: string }> = await dataSource.query(
        `SELECT id FROM ${table} WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
        [afterId, batchSize],
      );
      for (const { id } of page) {
        const outcome = await dataSource.transaction(async (manager) => {
          const [row] = await manager.query<Array<{ storage_key: string }>>(
            `SELECT storage_key FROM ${table} WHERE id = $1 FOR SHARE`,
            [id],
          );
          if (!row) return 'missing' as const;
          try {
            return (await storage.reencrypt(row.storage_key)) ? ('reencrypted' as const) : ('current' as const);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing' as const;
            if (error instanceof StoredDocumentUnreadableError) return 'unreadable' as const;
            throw error;
          }
        });
        report[outcome] += 1;
        options.onFile?.(table, outcome);
      }
      if (page.length < batchSize) break;
      afterId = page[page.length - 1]!.id;
    }
    reports.push(report);
  }
  return reports;
}
