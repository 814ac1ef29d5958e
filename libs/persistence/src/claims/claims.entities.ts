import { EntitySchema } from 'typeorm';

// Entity schemas of the application and claim tables (migration 1764310000000). The repositories below use
// SQL through the DataSource for the hot paths; these schemas document the rows and keep TypeORM aware of them.

export interface ApplicationRow {
  id: string;
  ownerCitizenId: string;
  status: 'draft' | 'submitted';
  version: number;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date | null;
  submittedAt: Date | null;
}

export const ApplicationEntity = new EntitySchema<ApplicationRow>({
  name: 'Application',
  tableName: 'application',
  columns: {
    id: { type: 'uuid', primary: true },
    ownerCitizenId: { name: 'owner_citizen_id', type: 'uuid' },
    status: { type: 'text' },
    version: { type: 'integer' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
    expiresAt: { name: 'expires_at', type: 'timestamptz', nullable: true },
    submittedAt: { name: 'submitted_at', type: 'timestamptz', nullable: true },
  },
});

export interface ApplicationSectionRow {
  applicationId: string;
  section: string;
  /** FieldCipher JSON, context `application:<id>:<section>`. */
  answersEncrypted: string;
  setAside: boolean;
  revision: number;
  savedAtVersion: number;
  updatedAt: Date;
}

export const ApplicationSectionEntity = new EntitySchema<ApplicationSectionRow>({
  name: 'ApplicationSection',
  tableName: 'application_section',
  columns: {
    applicationId: { name: 'application_id', type: 'uuid', primary: true },
    section: { type: 'text', primary: true },
    answersEncrypted: { name: 'answers_encrypted', type: 'text' },
    setAside: { name: 'set_aside', type: 'boolean' },
    revision: { type: 'integer' },
    savedAtVersion: { name: 'saved_at_version', type: 'integer' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export interface ApplicationAnswerHistoryRow {
  id: string;
  applicationId: string;
  section: string;
  revision: number;
  change: 'saved' | 'set-aside' | 'restored';
  answersEncrypted: string | null;
  actorCitizenId: string | null;
  recordedAt: Date;
}

export const ApplicationAnswerHistoryEntity = new EntitySchema<ApplicationAnswerHistoryRow>({
  name: 'ApplicationAnswerHistory',
  tableName: 'application_answer_history',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    applicationId: { name: 'application_id', type: 'uuid' },
    section: { type: 'text' },
    revision: { type: 'integer' },
    change: { type: 'text' },
    answersEncrypted: { name: 'answers_encrypted', type: 'text', nullable: true },
    actorCitizenId: { name: 'actor_citizen_id', type: 'uuid', nullable: true },
    recordedAt: { name: 'recorded_at', type: 'timestamptz' },
  },
});

export interface ClaimRow {
  id: string;
  reference: string;
  applicationId: string;
  ownerCitizenId: string;
  status: string;
  version: number;
  statusChangedAt: Date;
  submittedAt: Date | null;
  pendingDecision: Record<string, unknown> | null;
  decision: Record<string, unknown> | null;
  applicantRole: string;
  representativeType: string | null;
  crimeReferenceGiven: boolean;
  declarationVersion: string;
  declaredAt: Date;
  declaredByCitizenId: string;
  assignedStaffId: string | null;
  team: string | null;
  restricted: boolean;
  eligibilityOutcome: string | null;
  eligibilityAssessedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ClaimEntity = new EntitySchema<ClaimRow>({
  name: 'Claim',
  tableName: 'claim',
  columns: {
    id: { type: 'uuid', primary: true },
    reference: { type: 'text', unique: true },
    applicationId: { name: 'application_id', type: 'uuid', unique: true },
    ownerCitizenId: { name: 'owner_citizen_id', type: 'uuid' },
    status: { type: 'text' },
    version: { type: 'integer' },
    statusChangedAt: { name: 'status_changed_at', type: 'timestamptz' },
    submittedAt: { name: 'submitted_at', type: 'timestamptz', nullable: true },
    pendingDecision: { name: 'pending_decision', type: 'jsonb', nullable: true },
    decision: { type: 'jsonb', nullable: true },
    applicantRole: { name: 'applicant_role', type: 'text' },
    representativeType: { name: 'representative_type', type: 'text', nullable: true },
    crimeReferenceGiven: { name: 'crime_reference_given', type: 'boolean' },
    declarationVersion: { name: 'declaration_version', type: 'text' },
    declaredAt: { name: 'declared_at', type: 'timestamptz' },
    declaredByCitizenId: { name: 'declared_by_citizen_id', type: 'uuid' },
    assignedStaffId: { name: 'assigned_staff_id', type: 'text', nullable: true },
    team: { type: 'text', nullable: true },
    restricted: { type: 'boolean' },
    eligibilityOutcome: { name: 'eligibility_outcome', type: 'text', nullable: true },
    eligibilityAssessedAt: { name: 'eligibility_assessed_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export interface ClaimEventRow {
  id: string;
  claimId: string;
  version: number;
  type: string;
  fromStatus: string;
  toStatus: string;
  actorKind: string;
  actorId: string | null;
  occurredAt: Date;
  data: Record<string, unknown>;
}

export const ClaimEventEntity = new EntitySchema<ClaimEventRow>({
  name: 'ClaimEvent',
  tableName: 'claim_event',
  columns: {
    id: { type: 'uuid', primary: true },
    claimId: { name: 'claim_id', type: 'uuid' },
    version: { type: 'integer' },
    type: { type: 'text' },
    fromStatus: { name: 'from_status', type: 'text' },
    toStatus: { name: 'to_status', type: 'text' },
    actorKind: { name: 'actor_kind', type: 'text' },
    actorId: { name: 'actor_id', type: 'text', nullable: true },
    occurredAt: { name: 'occurred_at', type: 'timestamptz' },
    data: { type: 'jsonb' },
  },
});

/** Asked by a caseworker (caseworker API), answered by the citizen; question and answer encrypted. */
export interface InformationRequestRow {
  id: string;
  claimId: string;
  topic: string;
  /** FieldCipher, context `information-request:<id>:question`. */
  questionEncrypted: string;
  requestedByStaffId: string;
  requestedAt: Date;
  dueOn: string;
  status: 'open' | 'answered' | 'cancelled' | 'lapsed';
  answeredAt: Date | null;
  /** FieldCipher, context `information-request:<id>:answer`. */
  answerEncrypted: string | null;
  answeredByCitizenId: string | null;
  documentIds: string[];
  version: number;
}

export const InformationRequestEntity = new EntitySchema<InformationRequestRow>({
  name: 'InformationRequest',
  tableName: 'information_request',
  columns: {
    id: { type: 'uuid', primary: true },
    claimId: { name: 'claim_id', type: 'uuid' },
    topic: { type: 'text' },
    questionEncrypted: { name: 'question_encrypted', type: 'text' },
    requestedByStaffId: { name: 'requested_by_staff_id', type: 'text' },
    requestedAt: { name: 'requested_at', type: 'timestamptz' },
    dueOn: { name: 'due_on', type: 'date' },
    status: { type: 'text' },
    answeredAt: { name: 'answered_at', type: 'timestamptz', nullable: true },
    answerEncrypted: { name: 'answer_encrypted', type: 'text', nullable: true },
    answeredByCitizenId: { name: 'answered_by_citizen_id', type: 'uuid', nullable: true },
    documentIds: { name: 'document_ids', type: 'uuid', array: true },
    version: { type: 'integer' },
  },
});

export interface ReviewRequestRow {
  id: string;
  claimId: string;
  requestedByCitizenId: string;
  requestedAt: Date;
  /** FieldCipher, context `review-request:<id>:reasons`. */
  reasonsEncrypted: string;
  status: 'open' | 'started' | 'decided';
}

export const ReviewRequestEntity = new EntitySchema<ReviewRequestRow>({
  name: 'ReviewRequest',
  tableName: 'review_request',
  columns: {
    id: { type: 'uuid', primary: true },
    claimId: { name: 'claim_id', type: 'uuid' },
    requestedByCitizenId: { name: 'requested_by_citizen_id', type: 'uuid' },
    requestedAt: { name: 'requested_at', type: 'timestamptz' },
    reasonsEncrypted: { name: 'reasons_encrypted', type: 'text' },
    status: { type: 'text' },
  },
});

export interface IdempotencyRecordRow {
  citizenId: string;
  key: string;
  operation: string;
  fingerprint: string;
  responseStatus: number | null;
  responseBody: unknown;
  createdAt: Date;
  expiresAt: Date;
}

export const IdempotencyRecordEntity = new EntitySchema<IdempotencyRecordRow>({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  columns: {
    citizenId: { name: 'citizen_id', type: 'uuid', primary: true },
    key: { type: 'text', primary: true },
    operation: { type: 'text' },
    fingerprint: { type: 'text' },
    responseStatus: { name: 'response_status', type: 'integer', nullable: true },
    responseBody: { name: 'response_body', type: 'jsonb', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    expiresAt: { name: 'expires_at', type: 'timestamptz' },
  },
});

export interface EvidenceDocumentRow {
  id: string;
  applicationId: string;
  ownerCitizenId: string;
  informationRequestId: string | null;
  /** `applications/<application id>/<document id>` in the document storage. */
  storageKey: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** FieldCipher, context `evidence-document:<id>:file-name`. */
  fileNameEncrypted: string;
  uploadedAt: Date;
}

export const EvidenceDocumentEntity = new EntitySchema<EvidenceDocumentRow>({
  name: 'EvidenceDocument',
  tableName: 'evidence_document',
  columns: {
    id: { type: 'uuid', primary: true },
    applicationId: { name: 'application_id', type: 'uuid' },
    ownerCitizenId: { name: 'owner_citizen_id', type: 'uuid' },
    informationRequestId: { name: 'information_request_id', type: 'uuid', nullable: true },
    storageKey: { name: 'storage_key', type: 'text', unique: true },
    contentType: { name: 'content_type', type: 'text' },
    sizeBytes: { name: 'size_bytes', type: 'integer' },
    sha256: { type: 'char', length: 64 },
    fileNameEncrypted: { name: 'file_name_encrypted', type: 'text' },
    uploadedAt: { name: 'uploaded_at', type: 'timestamptz' },
  },
});

export const claimEntities = [
  EvidenceDocumentEntity,
  ApplicationEntity,
  ApplicationSectionEntity,
  ApplicationAnswerHistoryEntity,
  ClaimEntity,
  ClaimEventEntity,
  InformationRequestEntity,
  ReviewRequestEntity,
  IdempotencyRecordEntity,
];
