import { caseworkContext } from './casework/postgres-case-file-store.js';
import { answerContext, questionContext, reasonsContext } from './claims/postgres-claims.js';
import { sectionContext } from './claims/persistence-ports.js';
import { fileNameContext } from './documents/postgres-evidence-document-store.js';

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
  // Partner portal users (docs/partner-portal.md).
  {
    table: 'partner_user',
    idColumn: 'id',
    column: 'email_encrypted',
    contextColumns: [],
    context: (row) => `partner-user:${String(row.id)}:email`,
  },
  {
    table: 'partner_user',
    idColumn: 'id',
    column: 'totp_secret_encrypted',
    contextColumns: [],
    context: (row) => `partner-user:${String(row.id)}:totp`,
  },
  {
    table: 'partner_sign_in',
    idColumn: 'id',
    column: 'pending_totp_secret_encrypted',
    contextColumns: ['user_id'],
    context: (row) => `partner-user:${String(row.user_id)}:totp`,
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
  {
    table: 'claim_payee',
    idColumn: 'id',
    column: 'account_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.payeeAccount(String(row.id)),
  },
  // Applications (docs/applications.md): one value per saved section, bound to the application and section.
  // application_section's key is (application_id, section); the row's ctid names it inside the rotating
  // transaction, where the row is locked (FOR UPDATE) so the ctid cannot change under us.
  {
    table: 'application_section',
    idColumn: 'ctid',
    column: 'answers_encrypted',
    contextColumns: ['application_id', 'section'],
    context: (row) => sectionContext(String(row.application_id), String(row.section)),
  },
  {
    table: 'application_answer_history',
    idColumn: 'id',
    column: 'answers_encrypted',
    contextColumns: ['application_id', 'section'],
    context: (row) => sectionContext(String(row.application_id), String(row.section)),
  },
  {
    table: 'evidence_document',
    idColumn: 'id',
    column: 'file_name_encrypted',
    contextColumns: [],
    context: (row) => fileNameContext(String(row.id)),
  },
  // Claims (docs/applications.md, docs/caseworker.md): information requests and review requests.
  {
    table: 'information_request',
    idColumn: 'id',
    column: 'question_encrypted',
    contextColumns: [],
    context: (row) => questionContext(String(row.id)),
  },
  {
    table: 'information_request',
    idColumn: 'id',
    column: 'answer_encrypted',
    contextColumns: [],
    context: (row) => answerContext(String(row.id)),
  },
  // Caseworker API: a cancelled request's reason and the reason of each move of a due date.
  {
    table: 'information_request',
    idColumn: 'id',
    column: 'cancellation_reason_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.cancellationReason(String(row.id)),
  },
  {
    table: 'information_request_due_date_change',
    idColumn: 'id',
    column: 'reason_encrypted',
    contextColumns: [],
    context: (row) => caseworkContext.dueDateChangeReason(String(row.id)),
  },
  {
    table: 'review_request',
    idColumn: 'id',
    column: 'reasons_encrypted',
    contextColumns: [],
    context: (row) => reasonsContext(String(row.id)),
  },
  // Worker (docs/worker.md): the automatic assessment written on submission.
  {
    table: 'claim_automatic_assessment',
    idColumn: 'claim_id',
    column: 'assessment_encrypted',
    contextColumns: [],
    context: (row) => `claim:${String(row.claim_id)}:automatic-assessment`,
  },
  // Referrals (docs/referrals.md): the contexts in libs/application/src/referrals/referral-support.ts and the
  // partner webhook secret (both the current and the previous secret use the organisation's context).
  {
    table: 'referral_request',
    idColumn: 'id',
    column: 'profile_encrypted',
    contextColumns: [],
    context: (row) => `referral-request:${String(row.id)}:profile`,
  },
  {
    table: 'referral',
    idColumn: 'id',
    column: 'match_encrypted',
    contextColumns: [],
    context: (row) => `referral:${String(row.id)}:match`,
  },
  {
    table: 'referral_event',
    idColumn: 'id',
    column: 'note_encrypted',
    contextColumns: ['referral_id'],
    context: (row) => `referral:${String(row.referral_id)}:note`,
  },
  {
    table: 'partner_webhook_endpoint',
    idColumn: 'organization_id',
    column: 'secret_encrypted',
    contextColumns: [],
    context: (row) => `partner-webhook:${String(row.organization_id)}:secret`,
  },
  {
    table: 'partner_webhook_endpoint',
    idColumn: 'organization_id',
    column: 'previous_secret_encrypted',
    contextColumns: [],
    context: (row) => `partner-webhook:${String(row.organization_id)}:secret`,
  },
];
