import type { EncryptedColumn } from '@redress/persistence';
import type { DataSource } from 'typeorm';
import type { FieldCipher } from './field-cipher.js';

export interface RotationReport {
  table: string;
  column: string;
  rotated: number;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function quoted(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`not a plain identifier: ${identifier}`);
  return `"${identifier}"`;
}

/**
 * Re-encrypts every value not under the active key, in small batches of short transactions, so the system
 * keeps running: each batch locks only its own rows (`SKIP LOCKED`), and a row changed meanwhile is simply
 * picked up by a later batch.
 */
export async function rotateFieldKeys(
  dataSource: DataSource,
  cipher: FieldCipher,
  columns: readonly EncryptedColumn[],
  options: { batchSize?: number; onBatch?: (report: RotationReport) => void } = {},
): Promise<RotationReport[]> {
  const batchSize = options.batchSize ?? 500;
  const activePrefix = `f1.${cipher.activeKeyId}.`;
  const reports: RotationReport[] = [];
  for (const column of columns) {
    const table = quoted(column.table);
    const id = quoted(column.idColumn);
    const value = quoted(column.column);
    const extra = column.contextColumns.map(quoted);
    let rotated = 0;
    for (;;) {
      const done = await dataSource.transaction(async (manager) => {
        const rows = await manager.query<Record<string, unknown>[]>(
          `SELECT ${[id, value, ...extra].join(', ')} FROM ${table}
           WHERE ${value} IS NOT NULL AND left(${value}, $1) <> $2
           ORDER BY ${id} LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [activePrefix.length, activePrefix, batchSize],
        );
        for (const row of rows) {
          const context = column.context(row);
          const next = cipher.rotate(String(row[column.column]), context);
          await manager.query(`UPDATE ${table} SET ${value} = $1 WHERE ${id} = $2`, [next, row[column.idColumn]]);
        }
        rotated += rows.length;
        if (rows.length) options.onBatch?.({ table: column.table, column: column.column, rotated });
        return rows.length < batchSize;
      });
      if (done) break;
    }
    reports.push({ table: column.table, column: column.column, rotated });
  }
  return reports;
}
