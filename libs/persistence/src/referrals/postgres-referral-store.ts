import { randomUUID } from 'node:crypto';
import {
  ReferralStore,
  StaleReferralError,
  type CitizenReferralView,
  type ConsentLedgerEntry,
  type ConsentRecord,
  type LatestConsentEntry,
  type NewReferral,
  type PartnerReferralView,
  type PartnerRefusalReason,
  type ReferralActor,
  type ReferralAuditEntry,
  type ReferralTransaction,
  type StoredReferral,
} from '@redress/application';
import type {
  ConsentPurpose,
  DeclineReason,
  ReferralEvent,
  ReferralOutcome,
  ReferralState,
  ReferralStatus,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { auditInput, type AuditAppend } from './audit-writer.js';

const REFERRAL_COLUMNS = `
  r.id, r.request_id, r.citizen_id, r.claim_id, r.organization_id, r.service_id, r.replaces_referral_id, r.status,
  r.rank, r.score, r.match_encrypted, r.consented_at, r.send_due_on::text AS send_due_on, r.sent_at,
  r.send_breached_at, r.acknowledge_due_on::text AS acknowledge_due_on, r.acknowledged_at, r.decided_at,
  r.decline_reason, r.started_at, r.closed_at, r.outcome, r.withdrawn_at, r.expired_at, r.version, r.created_at`;

/** Consent stands when the newest ledger entry for the citizen, organisation and purpose is "given". */
const LIVE_CONSENT = `
  (SELECT c.action FROM referral_consent c
   WHERE c.citizen_id = r.citizen_id AND c.organization_id = r.organization_id AND c.purpose = 'support-referral'
   ORDER BY c.position DESC LIMIT 1) = 'given'`;

interface ReferralRow {
  id: string;
  request_id: string;
  citizen_id: string;
  claim_id: string | null;
  organization_id: string;
  service_id: string;
  replaces_referral_id: string | null;
  status: ReferralStatus;
  rank: number;
  score: number;
  match_encrypted: string;
  consented_at: Date | null;
  send_due_on: string | null;
  sent_at: Date | null;
  send_breached_at: Date | null;
  acknowledge_due_on: string | null;
  acknowledged_at: Date | null;
  decided_at: Date | null;
  decline_reason: DeclineReason | null;
  started_at: Date | null;
  closed_at: Date | null;
  outcome: ReferralOutcome | null;
  withdrawn_at: Date | null;
  expired_at: Date | null;
  version: number;
  created_at: Date;
}

function toStored(row: ReferralRow): StoredReferral {
  return {
    state: {
      id: row.id,
      status: row.status,
      consentedAt: row.consented_at,
      sendDueOn: row.send_due_on,
      sentAt: row.sent_at,
      sendBreachedAt: row.send_breached_at,
      acknowledgeDueOn: row.acknowledge_due_on,
      acknowledgedAt: row.acknowledged_at,
      decidedAt: row.decided_at,
      declineReason: row.decline_reason,
      startedAt: row.started_at,
      closedAt: row.closed_at,
      outcome: row.outcome,
      withdrawnAt: row.withdrawn_at,
      expiredAt: row.expired_at,
    },
    requestId: row.request_id,
    citizenId: row.citizen_id,
    claimId: row.claim_id,
    organisationId: row.organization_id,
    serviceId: row.service_id,
    replacesReferralId: row.replaces_referral_id,
    rank: row.rank,
    score: row.score,
    matchEncrypted: row.match_encrypted,
    version: row.version,
    createdAt: row.created_at,
  };
}

const CONSENT_COLUMNS = `
  c.id, c.citizen_id, c.organization_id, c.purpose, c.action, c.wording_version, c.referral_id, c.actor_type,
  c.actor_id, c.method, c.given_at, c.recorded_by_staff_id, c.recorded_at`;

interface ConsentRow {
  id: string;
  citizen_id: string;
  organization_id: string;
  purpose: ConsentPurpose;
  action: 'given' | 'withdrawn';
  wording_version: string;
  referral_id: string | null;
  actor_type: 'citizen' | 'staff';
  actor_id: string;
  method: ConsentLedgerEntry['method'];
  given_at: Date | null;
  recorded_by_staff_id: string | null;
  recorded_at: Date;
}

function toConsentEntry(row: ConsentRow): LatestConsentEntry {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    organisationId: row.organization_id,
    purpose: row.purpose,
    action: row.action,
    wordingVersion: row.wording_version,
    referralId: row.referral_id,
    actor: { type: row.actor_type, id: row.actor_id },
    method: row.method,
    givenAt: row.given_at,
    recordedByStaffId: row.recorded_by_staff_id,
    recordedAt: row.recorded_at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class PostgresReferralTransaction implements ReferralTransaction {
  constructor(
    private readonly manager: EntityManager,
    private readonly auditAppend: AuditAppend,
  ) {}

  async insertRequest(request: {
    id: string;
    citizenId: string;
    claimId: string | null;
    profileEncrypted: string;
    createdAt: Date;
  }) {
    await this.manager.query(
      `INSERT INTO referral_request (id, citizen_id, claim_id, profile_encrypted, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [request.id, request.citizenId, request.claimId, request.profileEncrypted, request.createdAt],
    );
  }

  async requestProfile(requestId: string) {
    const [row] = await this.manager.query<
      Array<{ citizen_id: string; claim_id: string | null; profile_encrypted: string }>
    >(`SELECT citizen_id, claim_id, profile_encrypted FROM referral_request WHERE id = $1`, [requestId]);
    if (!row) throw new Error(`referral request ${requestId} is missing`);
    return { citizenId: row.citizen_id, claimId: row.claim_id, profileEncrypted: row.profile_encrypted };
  }

  async offeredInRequest(requestId: string) {
    const rows = await this.manager.query<Array<{ service_id: string; organization_id: string }>>(
      `SELECT service_id, organization_id FROM referral WHERE request_id = $1`,
      [requestId],
    );
    return {
      serviceIds: rows.map((row) => row.service_id),
      organisationIds: [...new Set(rows.map((row) => row.organization_id))],
    };
  }

  async insertReferral(referral: NewReferral) {
    await this.manager.query(
      `INSERT INTO referral (id, request_id, citizen_id, claim_id, organization_id, service_id, replaces_referral_id,
         status, rank, score, match_encrypted, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8, $9, $10, $11, $11)`,
      [
        referral.id,
        referral.requestId,
        referral.citizenId,
        referral.claimId,
        referral.organisationId,
        referral.serviceId,
        referral.replacesReferralId,
        referral.rank,
        referral.score,
        referral.matchEncrypted,
        referral.createdAt,
      ],
    );
  }

  async lockReferral(referralId: string) {
    if (!UUID.test(referralId)) return null;
    const [row] = await this.manager.query<ReferralRow[]>(
      `SELECT ${REFERRAL_COLUMNS} FROM referral r WHERE r.id = $1 FOR UPDATE`,
      [referralId],
    );
    return row ? toStored(row) : null;
  }

  async lockReferralWithConsent(referralId: string, purpose: ConsentPurpose) {
    if (!UUID.test(referralId)) return null;
    // The lock order: the consent lock, then the referral (as a withdrawal takes them). Citizen and organisation
    // never change, so reading them without a lock is safe.
    const [owner] = await this.manager.query<Array<{ citizen_id: string; organization_id: string }>>(
      `SELECT citizen_id, organization_id FROM referral WHERE id = $1`,
      [referralId],
    );
    if (!owner) return null;
    const consent = await this.lockLatestConsent(owner.citizen_id, owner.organization_id, purpose);
    const stored = await this.lockReferral(referralId);
    if (!stored) return null;
    if (stored.citizenId !== owner.citizen_id || stored.organisationId !== owner.organization_id) {
      throw new Error(`referral ${referralId} changed its citizen or organisation`);
    }
    return { stored, consent };
  }

  async saveReferral(referral: StoredReferral, state: ReferralState, at: Date) {
    const result = await this.manager.query<[unknown[], number]>(
      `UPDATE referral SET status = $3, consented_at = $4, send_due_on = $5, sent_at = $6, send_breached_at = $7,
         acknowledge_due_on = $8, acknowledged_at = $9, decided_at = $10, decline_reason = $11, started_at = $12,
         closed_at = $13, outcome = $14, withdrawn_at = $15, expired_at = $16, version = version + 1, updated_at = $17
       WHERE id = $1 AND version = $2`,
      [
        state.id,
        referral.version,
        state.status,
        state.consentedAt,
        state.sendDueOn,
        state.sentAt,
        state.sendBreachedAt,
        state.acknowledgeDueOn,
        state.acknowledgedAt,
        state.decidedAt,
        state.declineReason,
        state.startedAt,
        state.closedAt,
        state.outcome,
        state.withdrawnAt,
        state.expiredAt,
        at,
      ],
    );
    if (result[1] !== 1) throw new StaleReferralError();
  }

  async appendEvents(events: readonly ReferralEvent[], actor: ReferralActor, noteEncrypted: string | null = null) {
    for (const event of events) {
      await this.manager.query(
        `INSERT INTO referral_event (id, referral_id, type, actor_type, actor_id, occurred_at, details, note_encrypted)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          randomUUID(),
          event.referralId,
          event.type,
          actor.type,
          actor.id,
          event.occurredAt,
          JSON.stringify(event.details),
          noteEncrypted,
        ],
      );
    }
  }

  async lockOpenReferralsWith(citizenId: string, organisationId: string) {
    const rows = await this.manager.query<ReferralRow[]>(
      `SELECT ${REFERRAL_COLUMNS} FROM referral r
       WHERE r.citizen_id = $1 AND r.organization_id = $2 AND r.status NOT IN ('declined', 'closed', 'withdrawn', 'expired')
       ORDER BY r.created_at, r.id FOR UPDATE`,
      [citizenId, organisationId],
    );
    return rows.map(toStored);
  }

  async appendConsent(record: ConsentRecord) {
    await this.manager.query(
      `INSERT INTO referral_consent (id, citizen_id, organization_id, purpose, action, wording_version, referral_id,
         actor_type, actor_id, method, given_at, recorded_by_staff_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        record.id,
        record.citizenId,
        record.organisationId,
        record.purpose,
        record.action,
        record.wordingVersion,
        record.referralId,
        record.actor.type,
        record.actor.id,
        record.method,
        record.givenAt,
        record.recordedByStaffId,
        record.recordedAt,
      ],
    );
  }

  async lockConsent(citizenId: string, organisationId: string, purpose: ConsentPurpose) {
    return (await this.lockLatestConsent(citizenId, organisationId, purpose))?.action === 'given';
  }

  async lockLatestConsent(
    citizenId: string,
    organisationId: string,
    purpose: ConsentPurpose,
  ): Promise<LatestConsentEntry | null> {
    // The ledger cannot be locked row by row (it only grows), so consent changes of one citizen and
    // organisation queue behind a transaction-scoped advisory lock. It comes before any referral lock of the
    // transaction (the lock order, docs/referrals.md).
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `referral-consent:${citizenId}:${organisationId}:${purpose}`,
    ]);
    const [row] = await this.manager.query<ConsentRow[]>(
      `SELECT ${CONSENT_COLUMNS} FROM referral_consent c
       WHERE c.citizen_id = $1 AND c.organization_id = $2 AND c.purpose = $3
       ORDER BY c.position DESC LIMIT 1`,
      [citizenId, organisationId, purpose],
    );
    return row ? toConsentEntry(row) : null;
  }

  async enqueue(jobName: string, payload: Record<string, string>, orderingKey: string | null, at: Date) {
    const id = randomUUID();
    await this.manager.query(
      `INSERT INTO outbox_message (id, job_name, payload, ordering_key, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [id, jobName, JSON.stringify(payload), orderingKey, at],
    );
    return id;
  }

  async queueWebhook(event: ReferralEvent, organisationId: string) {
    const [endpoint] = await this.manager.query<unknown[]>(
      `SELECT 1 FROM partner_webhook_endpoint WHERE organization_id = $1`,
      [organisationId],
    );
    if (!endpoint) return;
    const id = randomUUID();
    await this.manager.query(
      `INSERT INTO referral_webhook_delivery (id, organization_id, referral_id, event_type, occurred_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $5)`,
      [id, organisationId, event.referralId, event.type, event.occurredAt],
    );
    // The delivery id is the job id: a replayed outbox row cannot deliver twice.
    await this.manager.query(
      `INSERT INTO outbox_message (id, job_name, payload, ordering_key, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [
        id,
        'referrals.deliver-webhook',
        JSON.stringify({ deliveryId: id }),
        `partner:${organisationId}`,
        event.occurredAt,
      ],
    );
  }

  async audit(entry: ReferralAuditEntry) {
    await this.auditAppend(this.manager, auditInput(entry));
  }
}

interface ViewRow extends ReferralRow {
  service_name: string;
  organization_name: string;
  service_description: string;
  profile_encrypted: string;
}

export class PostgresReferralStore extends ReferralStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditAppend: AuditAppend,
  ) {
    super();
  }

  transaction<T>(work: (transaction: ReferralTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new PostgresReferralTransaction(manager, this.auditAppend)));
  }

  private async views(
    where: string,
    parameters: unknown[],
    tail = 'ORDER BY r.created_at DESC, r.rank',
  ): Promise<ViewRow[]> {
    return this.dataSource.query<ViewRow[]>(
      `SELECT ${REFERRAL_COLUMNS}, s.name AS service_name, s.description AS service_description,
              o.name AS organization_name, q.profile_encrypted
       FROM referral r
       JOIN directory_service s ON s.id = r.service_id
       JOIN directory_organization o ON o.id = r.organization_id
       JOIN referral_request q ON q.id = r.request_id
       WHERE ${where} ${tail}`,
      parameters,
    );
  }

  private citizenView(row: ViewRow): CitizenReferralView {
    return {
      stored: toStored(row),
      serviceName: row.service_name,
      organisationName: row.organization_name,
      serviceDescription: row.service_description,
    };
  }

  private partnerView(row: ViewRow): PartnerReferralView {
    return { stored: toStored(row), serviceName: row.service_name, profileEncrypted: row.profile_encrypted };
  }

  async listForCitizen(citizenId: string) {
    return (await this.views('r.citizen_id = $1', [citizenId])).map((row) => this.citizenView(row));
  }

  async findForCitizen(citizenId: string, referralId: string) {
    if (!UUID.test(referralId)) return null;
    const [row] = await this.views('r.citizen_id = $1 AND r.id = $2', [citizenId, referralId]);
    return row ? this.citizenView(row) : null;
  }

  async listForOrganisation(organisationId: string, limit: number) {
    const rows = await this.views(
      `r.organization_id = $1 AND r.sent_at IS NOT NULL AND r.status IN ('sent', 'acknowledged', 'accepted', 'in_progress', 'declined', 'closed')
       AND ${LIVE_CONSENT}`,
      [organisationId, limit],
      'ORDER BY r.sent_at DESC LIMIT $2',
    );
    return rows.map((row) => this.partnerView(row));
  }

  async findForOrganisation(organisationId: string, referralId: string) {
    if (!UUID.test(referralId)) return null;
    const [row] = await this.views(
      `r.organization_id = $1 AND r.id = $2 AND r.sent_at IS NOT NULL
       AND r.status IN ('sent', 'acknowledged', 'accepted', 'in_progress', 'declined', 'closed') AND ${LIVE_CONSENT}`,
      [organisationId, referralId],
      '',
    );
    return row ? this.partnerView(row) : null;
  }

  async consentLedger(citizenId: string): Promise<ConsentLedgerEntry[]> {
    const rows = await this.dataSource.query<Array<ConsentRow & { organization_name: string }>>(
      `SELECT ${CONSENT_COLUMNS}, o.name AS organization_name
       FROM referral_consent c
       JOIN directory_organization o ON o.id = c.organization_id
       WHERE c.citizen_id = $1 ORDER BY c.position`,
      [citizenId],
    );
    return rows.map((row) => ({ ...toConsentEntry(row), organisationName: row.organization_name }));
  }

  async partnerRefusalReason(organisationId: string, referralId: string): Promise<PartnerRefusalReason> {
    if (!UUID.test(referralId)) return 'no-such-referral';
    const [row] = await this.dataSource.query<
      Array<{ organization_id: string; sent_at: Date | null; consent_stands: boolean | null }>
    >(`SELECT r.organization_id, r.sent_at, ${LIVE_CONSENT} AS consent_stands FROM referral r WHERE r.id = $1`, [
      referralId,
    ]);
    if (!row) return 'no-such-referral';
    if (row.organization_id !== organisationId) return 'other-organisation';
    if (!row.sent_at) return 'not-sent';
    if (row.consent_stands !== true) return 'consent-withdrawn';
    // Sent, consent standing, yet not shown: withdrawn or expired (or it changed between the two reads).
    return 'no-longer-shared';
  }

  async referralsWithRunningClocks(today: string, limit: number) {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM referral
       WHERE (status = 'consented' AND send_breached_at IS NULL AND send_due_on < $1::date)
          OR (status = 'sent' AND acknowledge_due_on < $1::date)
       ORDER BY id LIMIT $2`,
      [today, limit],
    );
    return rows.map((row) => row.id);
  }

  async claimBelongsTo(claimId: string, citizenId: string) {
    if (!UUID.test(claimId)) return false;
    // The claim table belongs to the applications work; until it exists no claim can be linked.
    const [table] = await this.dataSource.query<Array<{ present: boolean }>>(
      `SELECT to_regclass('claim') IS NOT NULL AS present`,
    );
    if (!table?.present) return false;
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM claim WHERE id = $1 AND owner_citizen_id = $2`, [
      claimId,
      citizenId,
    ]);
    return rows.length > 0;
  }
}
