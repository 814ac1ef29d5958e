import { EntitySchema } from 'typeorm';

/**
 * Entity schemas of the support directory and referral tables. The adapters in this folder read and write
 * them with SQL (clearer for locking, upserts and aggregates); the schemas keep TypeORM's metadata complete.
 */
export const DirectoryTaxonomyTermEntity = new EntitySchema<Record<string, unknown>>({
  name: 'DirectoryTaxonomyTerm',
  tableName: 'directory_taxonomy_term',
  columns: {
    id: { type: 'uuid', primary: true },
    taxonomy: { type: 'text' },
    code: { type: 'text' },
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    parentId: { name: 'parent_id', type: 'uuid', nullable: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export const DirectoryOrganizationEntity = new EntitySchema<Record<string, unknown>>({
  name: 'DirectoryOrganization',
  tableName: 'directory_organization',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    alternateName: { name: 'alternate_name', type: 'text', nullable: true },
    description: { type: 'text' },
    email: { type: 'text', nullable: true },
    website: { type: 'text', nullable: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export const DirectoryServiceEntity = new EntitySchema<Record<string, unknown>>({
  name: 'DirectoryService',
  tableName: 'directory_service',
  columns: {
    id: { type: 'uuid', primary: true },
    organizationId: { name: 'organization_id', type: 'uuid' },
    name: { type: 'text' },
    alternateName: { name: 'alternate_name', type: 'text', nullable: true },
    description: { type: 'text' },
    url: { type: 'text', nullable: true },
    email: { type: 'text', nullable: true },
    status: { type: 'text' },
    eligibilityDescription: { name: 'eligibility_description', type: 'text', nullable: true },
    minimumAge: { name: 'minimum_age', type: 'integer', nullable: true },
    maximumAge: { name: 'maximum_age', type: 'integer', nullable: true },
    intakeMethod: { name: 'intake_method', type: 'text' },
    intakeDescription: { name: 'intake_description', type: 'text', nullable: true },
    acceptingReferrals: { name: 'accepting_referrals', type: 'boolean' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export const DirectoryServiceAreaEntity = new EntitySchema<Record<string, unknown>>({
  name: 'DirectoryServiceArea',
  tableName: 'directory_service_area',
  columns: {
    id: { type: 'uuid', primary: true },
    serviceId: { name: 'service_id', type: 'uuid' },
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    areaType: { name: 'area_type', type: 'text' },
    code: { type: 'text' },
  },
});

export const DirectoryServiceAttributeEntity = new EntitySchema<Record<string, unknown>>({
  name: 'DirectoryServiceAttribute',
  tableName: 'directory_service_attribute',
  columns: {
    id: { type: 'uuid', primary: true },
    serviceId: { name: 'service_id', type: 'uuid' },
    taxonomyTermId: { name: 'taxonomy_term_id', type: 'uuid' },
  },
});

export const ReferralRequestEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ReferralRequest',
  tableName: 'referral_request',
  columns: {
    id: { type: 'uuid', primary: true },
    citizenId: { name: 'citizen_id', type: 'uuid' },
    claimId: { name: 'claim_id', type: 'uuid', nullable: true },
    profileEncrypted: { name: 'profile_encrypted', type: 'text' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});

export const ReferralEntity = new EntitySchema<Record<string, unknown>>({
  name: 'Referral',
  tableName: 'referral',
  columns: {
    id: { type: 'uuid', primary: true },
    requestId: { name: 'request_id', type: 'uuid' },
    citizenId: { name: 'citizen_id', type: 'uuid' },
    claimId: { name: 'claim_id', type: 'uuid', nullable: true },
    organizationId: { name: 'organization_id', type: 'uuid' },
    serviceId: { name: 'service_id', type: 'uuid' },
    replacesReferralId: { name: 'replaces_referral_id', type: 'uuid', nullable: true },
    status: { type: 'text' },
    rank: { type: 'integer' },
    score: { type: 'integer' },
    matchEncrypted: { name: 'match_encrypted', type: 'text' },
    consentedAt: { name: 'consented_at', type: 'timestamptz', nullable: true },
    sendDueOn: { name: 'send_due_on', type: 'date', nullable: true },
    sentAt: { name: 'sent_at', type: 'timestamptz', nullable: true },
    sendBreachedAt: { name: 'send_breached_at', type: 'timestamptz', nullable: true },
    acknowledgeDueOn: { name: 'acknowledge_due_on', type: 'date', nullable: true },
    acknowledgedAt: { name: 'acknowledged_at', type: 'timestamptz', nullable: true },
    decidedAt: { name: 'decided_at', type: 'timestamptz', nullable: true },
    declineReason: { name: 'decline_reason', type: 'text', nullable: true },
    startedAt: { name: 'started_at', type: 'timestamptz', nullable: true },
    closedAt: { name: 'closed_at', type: 'timestamptz', nullable: true },
    outcome: { type: 'text', nullable: true },
    withdrawnAt: { name: 'withdrawn_at', type: 'timestamptz', nullable: true },
    expiredAt: { name: 'expired_at', type: 'timestamptz', nullable: true },
    version: { type: 'integer' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export const ReferralEventEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ReferralEvent',
  tableName: 'referral_event',
  columns: {
    id: { type: 'uuid', primary: true },
    referralId: { name: 'referral_id', type: 'uuid' },
    type: { type: 'text' },
    actorType: { name: 'actor_type', type: 'text' },
    actorId: { name: 'actor_id', type: 'text', nullable: true },
    occurredAt: { name: 'occurred_at', type: 'timestamptz' },
    details: { type: 'jsonb' },
    noteEncrypted: { name: 'note_encrypted', type: 'text', nullable: true },
  },
});

export const ReferralConsentEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ReferralConsent',
  tableName: 'referral_consent',
  columns: {
    id: { type: 'uuid', primary: true },
    position: { type: 'bigint', generated: 'increment', unique: true },
    citizenId: { name: 'citizen_id', type: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    purpose: { type: 'text' },
    action: { type: 'text' },
    wordingVersion: { name: 'wording_version', type: 'text' },
    referralId: { name: 'referral_id', type: 'uuid', nullable: true },
    actorType: { name: 'actor_type', type: 'text' },
    actorId: { name: 'actor_id', type: 'text' },
    method: { type: 'text' },
    givenAt: { name: 'given_at', type: 'timestamptz', nullable: true },
    recordedByStaffId: { name: 'recorded_by_staff_id', type: 'text', nullable: true },
    recordedAt: { name: 'recorded_at', type: 'timestamptz' },
  },
});

export const PartnerCredentialEntity = new EntitySchema<Record<string, unknown>>({
  name: 'PartnerCredential',
  tableName: 'partner_credential',
  columns: {
    id: { type: 'uuid', primary: true },
    organizationId: { name: 'organization_id', type: 'uuid' },
    keyId: { name: 'key_id', type: 'text', unique: true },
    secretHash: { name: 'secret_hash', type: 'text' },
    createdAt: { name: 'created_at', type: 'timestamptz' },
    expiresAt: { name: 'expires_at', type: 'timestamptz', nullable: true },
    revokedAt: { name: 'revoked_at', type: 'timestamptz', nullable: true },
    lastUsedAt: { name: 'last_used_at', type: 'timestamptz', nullable: true },
  },
});

export const PartnerWebhookEndpointEntity = new EntitySchema<Record<string, unknown>>({
  name: 'PartnerWebhookEndpoint',
  tableName: 'partner_webhook_endpoint',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    url: { type: 'text' },
    secretEncrypted: { name: 'secret_encrypted', type: 'text' },
    previousSecretEncrypted: { name: 'previous_secret_encrypted', type: 'text', nullable: true },
    previousSecretValidUntil: { name: 'previous_secret_valid_until', type: 'timestamptz', nullable: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz' },
  },
});

export const ReferralWebhookDeliveryEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ReferralWebhookDelivery',
  tableName: 'referral_webhook_delivery',
  columns: {
    id: { type: 'uuid', primary: true },
    organizationId: { name: 'organization_id', type: 'uuid' },
    referralId: { name: 'referral_id', type: 'uuid' },
    eventType: { name: 'event_type', type: 'text' },
    occurredAt: { name: 'occurred_at', type: 'timestamptz' },
    status: { type: 'text' },
    attempts: { type: 'integer' },
    firstAttemptAt: { name: 'first_attempt_at', type: 'timestamptz', nullable: true },
    lastAttemptAt: { name: 'last_attempt_at', type: 'timestamptz', nullable: true },
    lastStatusCode: { name: 'last_status_code', type: 'integer', nullable: true },
    lastError: { name: 'last_error', type: 'text', nullable: true },
    deliveredAt: { name: 'delivered_at', type: 'timestamptz', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz' },
  },
});

export const referralEntities = [
  DirectoryTaxonomyTermEntity,
  DirectoryOrganizationEntity,
  DirectoryServiceEntity,
  DirectoryServiceAreaEntity,
  DirectoryServiceAttributeEntity,
  ReferralRequestEntity,
  ReferralEntity,
  ReferralEventEntity,
  ReferralConsentEntity,
  PartnerCredentialEntity,
  PartnerWebhookEndpointEntity,
  ReferralWebhookDeliveryEntity,
];
