import { caseworkContext } from './casework/postgres-case-file-store.js';

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
  // Casework (docs/caseworker.md): the contexts the casework adapters encrypt with.
  {
    table: 'claim_note',
    idColumn: 'id',
    column: 'body_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.note(String(row.id)),
  },
  {
    table: 'eligibility_run',
    idColumn: 'id',
    column: 'assessment_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.assessment(String(row.id)),
  },
  {
    table: 'judgement',
    idColumn: 'id',
    column: 'reason_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.judgement(String(row.id)),
  },
  {
    table: 'award_calculation',
    idColumn: 'id',
    column: 'calculation_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.calculation(String(row.id)),
  },
  {
    table: 'claim_decision',
    idColumn: 'id',
    column: 'reasons_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.decisionReasons(String(row.id)),
  },
  {
    table: 'claim_review',
    idColumn: 'id',
    column: 'extension_reason_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.reviewExtension(String(row.id)),
  },
  {
    table: 'claim_payment',
    idColumn: 'id',
    column: 'payee_reference_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.payee(String(row.id)),
  },
];
