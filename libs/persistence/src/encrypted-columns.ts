/**
 * Every column that holds FieldCipher values, with how to rebuild the context each value was bound to.
 * `npm run keys:rotate` re-encrypts them under the active key; a feature that adds an encrypted column adds
 * it here (a test fails when a column's values are not under the active key after rotation).
 */
export interface EncryptedColumn {
  table: string;
  /** The primary key column, used to page through the table and to update one row. */
  idColumn: string;
  column: string;
  /** Other columns the context needs, read with the row. */
  contextColumns: string[];
  /** The context the value was encrypted with, from the row. */
  context: (row: Record<string, unknown>) => string;
}

export const encryptedColumns: EncryptedColumn[] = [
  {
    table: 'citizen_account',
    idColumn: 'id',
    column: 'email_encrypted',
    contextColumns: [],
    context: (row) => `citizen:${String(row.id)}:email`,
  },
];
