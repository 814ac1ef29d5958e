import type { ClaimEvent, ClaimSnapshot, ClaimStatus, IsoDate } from '@redress/domain';
import type { AuditRecord } from '../../ports/audit-trail.js';
import {
  AccessLog,
  CaseworkUnitOfWork,
  type CaseworkTransaction,
  type StaffClaimRecord,
} from '../../staff/casework-store.js';
import type { StaffActor } from '../../staff/staff-actor.js';
import { InformationRequestStore, type StoredInformationRequest } from '../information-request-store.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface RequestRow extends Mutable<StoredInformationRequest> {
  question: string;
  answer: string | null;
  answeredAt: Date | null;
  answeredByStaffId: string | null;
  documentIds: string[];
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancellationReason: string | null;
}

export interface DueDateChangeRow {
  id: string;
  informationRequestId: string;
  claimId: string;
  previousDueOn: IsoDate;
  dueOn: IsoDate;
  reason: string;
  changedBy: string;
  at: Date;
}

export interface OutboxRow {
  jobName: string;
  payload: Record<string, string>;
  orderingKey: string;
  notBefore: Date | null;
}

interface State {
  claims: Map<string, StaffClaimRecord>;
  requests: Map<string, RequestRow>;
  dueDateChanges: DueDateChangeRow[];
  /** Evidence documents by claim id. */
  documents: Map<string, string[]>;
  /** The service-level clock by claim id, kept as the casework migration's trigger keeps it. */
  serviceLevels: Map<string, { dueAt: Date; pausedSince: Date | null }>;
  events: ClaimEvent[];
  audit: AuditRecord[];
  outbox: OutboxRow[];
  refused: Array<{ staffId: string; claimId: string; view: string }>;
}

/**
 * The casework ports the information request use cases need, over memory, for unit tests: a failed unit of work
 * rolls the whole state back, as PostgreSQL would, and a change to a request to the applicant keeps the
 * service-level pause as the `information_request_service_level` trigger does (open while any is open).
 */
export class InMemoryInformationRequests {
  state: State = {
    claims: new Map(),
    requests: new Map(),
    dueDateChanges: [],
    documents: new Map(),
    serviceLevels: new Map(),
    events: [],
    audit: [],
    outbox: [],
    refused: [],
  };

  constructor(private readonly now: () => Date) {}

  readonly accessLog: AccessLog = new (class extends AccessLog {
    constructor(private readonly owner: InMemoryInformationRequests) {
      super();
    }
    recordRead(): Promise<void> {
      return Promise.resolve();
    }
    recordRefused(entry: { actor: StaffActor; claimId: string; view: string }): Promise<void> {
      this.owner.state.refused.push({ staffId: entry.actor.staffId, claimId: entry.claimId, view: entry.view });
      return Promise.resolve();
    }
  })(this);

  readonly unitOfWork: CaseworkUnitOfWork = new (class extends CaseworkUnitOfWork {
    constructor(private readonly owner: InMemoryInformationRequests) {
      super();
    }
    async run<T>(work: (transaction: CaseworkTransaction) => Promise<T>): Promise<T> {
      const before = structuredClone(this.owner.state);
      try {
        return await work(this.owner.transaction());
      } catch (error) {
        this.owner.state = before;
        throw error;
      }
    }
  })(this);

  readonly store: InformationRequestStore = new (class extends InformationRequestStore {
    constructor(private readonly owner: InMemoryInformationRequests) {
      super();
    }
    private get state(): State {
      return this.owner.state;
    }
    insert(_tx: CaseworkTransaction, request: Parameters<InformationRequestStore['insert']>[1]): Promise<void> {
      this.state.requests.set(request.id, {
        id: request.id,
        claimId: request.claimId,
        recipient: request.recipient,
        status: 'open',
        dueOn: request.dueOn,
        question: request.question,
        answer: null,
        answeredAt: null,
        answeredByStaffId: null,
        documentIds: [],
        cancelledAt: null,
        cancelledBy: null,
        cancellationReason: null,
      });
      this.owner.keepPause(request.claimId, request.requestedAt);
      return Promise.resolve();
    }
    lock(_tx: CaseworkTransaction, claimId: string, requestId: string): Promise<StoredInformationRequest | null> {
      const row = this.state.requests.get(requestId);
      if (!row || row.claimId !== claimId) return Promise.resolve(null);
      const { id, recipient, status, dueOn } = row;
      return Promise.resolve({ id, claimId, recipient, status, dueOn });
    }
    moveDueDate(_tx: CaseworkTransaction, change: Omit<DueDateChangeRow, never>): Promise<void> {
      const row = this.state.requests.get(change.informationRequestId)!;
      if (row.status !== 'open') throw new Error('moved a request that is not open');
      row.dueOn = change.dueOn;
      this.state.dueDateChanges.push({ ...change });
      return Promise.resolve();
    }
    recordReply(
      _tx: CaseworkTransaction,
      reply: { id: string; summary: string; documentIds: readonly string[]; recordedBy: string; at: Date },
    ): Promise<void> {
      const row = this.state.requests.get(reply.id)!;
      // The migration's CHECK: staff answer only third parties' requests, and only open ones.
      if (row.status !== 'open' || row.recipient === 'applicant') throw new Error('CHECK violated');
      Object.assign(row, {
        status: 'answered',
        answer: reply.summary,
        answeredAt: reply.at,
        answeredByStaffId: reply.recordedBy,
        documentIds: [...reply.documentIds],
      });
      return Promise.resolve();
    }
    cancel(
      _tx: CaseworkTransaction,
      cancellation: { id: string; reason: string; cancelledBy: string; at: Date },
    ): Promise<void> {
      const row = this.state.requests.get(cancellation.id)!;
      if (row.status !== 'open') throw new Error('cancelled a request that is not open');
      Object.assign(row, {
        status: 'cancelled',
        cancelledAt: cancellation.at,
        cancelledBy: cancellation.cancelledBy,
        cancellationReason: cancellation.reason,
      });
      this.owner.keepPause(row.claimId, cancellation.at);
      return Promise.resolve();
    }
    countOpenToApplicant(_tx: CaseworkTransaction, claimId: string): Promise<number> {
      return Promise.resolve(this.owner.openToApplicant(claimId));
    }
    documentsOnClaim(
      _tx: CaseworkTransaction,
      claimId: string,
      documentIds: readonly string[],
    ): Promise<ReadonlySet<string>> {
      const onClaim = this.state.documents.get(claimId) ?? [];
      return Promise.resolve(new Set(documentIds.filter((id) => onClaim.includes(id))));
    }
    serviceLevel(_tx: CaseworkTransaction, claimId: string): Promise<{ dueAt: Date | null; paused: boolean }> {
      const clock = this.state.serviceLevels.get(claimId);
      return Promise.resolve({ dueAt: clock?.dueAt ?? null, paused: clock?.pausedSince != null });
    }
  })(this);

  /** A submitted claim in `status`, its service level due 112 days after submission. */
  addClaim(
    input: { status: ClaimStatus; restrictedTo?: string[]; version?: number },
    id = `claim-${this.state.claims.size + 1}`,
  ): StaffClaimRecord {
    const submittedAt = new Date('2026-11-02T10:00:00Z');
    const snapshot: ClaimSnapshot = {
      id,
      reference: `26-00000${this.state.claims.size + 1}-0`,
      applicationId: `application-${id}`,
      ownerCitizenId: `citizen-${id}`,
      status: input.status,
      version: input.version ?? 5,
      statusChangedAt: submittedAt,
      submittedAt,
      pendingDecision: null,
      decision: null,
    };
    const record: StaffClaimRecord = {
      snapshot,
      team: 'general',
      priority: 3,
      assignedStaffId: null,
      restricted: input.restrictedTo !== undefined,
      namedStaff: input.restrictedTo ?? [],
      serviceLevelDueAt: new Date(submittedAt.getTime() + 112 * 86_400_000),
      serviceLevelPausedSince: null,
    };
    this.state.claims.set(snapshot.reference, record);
    this.state.serviceLevels.set(id, { dueAt: record.serviceLevelDueAt!, pausedSince: null });
    return record;
  }

  /** A request as the request-information use case leaves it (opening the pause for the applicant's). */
  addRequest(
    claim: StaffClaimRecord,
    input: Partial<RequestRow> & Pick<RequestRow, 'id' | 'recipient' | 'dueOn'>,
    requestedAt = new Date('2026-11-20T10:00:00Z'),
  ): RequestRow {
    const row: RequestRow = {
      claimId: claim.snapshot.id,
      status: 'open',
      question: 'Please send the letter from the fracture clinic.',
      answer: null,
      answeredAt: null,
      answeredByStaffId: null,
      documentIds: [],
      cancelledAt: null,
      cancelledBy: null,
      cancellationReason: null,
      ...input,
    };
    this.state.requests.set(row.id, row);
    this.keepPause(claim.snapshot.id, requestedAt);
    return row;
  }

  claim(reference: string): StaffClaimRecord {
    return this.state.claims.get(reference)!;
  }

  request(id: string): RequestRow {
    return this.state.requests.get(id)!;
  }

  openToApplicant(claimId: string): number {
    return [...this.state.requests.values()].filter(
      (row) => row.claimId === claimId && row.recipient === 'applicant' && row.status === 'open',
    ).length;
  }

  /** The trigger: a pause opens with the first open request to the applicant and ends with the last. */
  keepPause(claimId: string, at: Date): void {
    const clock = this.state.serviceLevels.get(claimId);
    if (!clock) return;
    const open = this.openToApplicant(claimId);
    if (open > 0 && clock.pausedSince === null) clock.pausedSince = at;
    if (open === 0 && clock.pausedSince !== null) {
      const ended = this.now();
      clock.dueAt = new Date(clock.dueAt.getTime() + Math.max(0, ended.getTime() - clock.pausedSince.getTime()));
      clock.pausedSince = null;
    }
  }

  private transaction(): CaseworkTransaction {
    const state = () => this.state;
    return {
      handle: null,
      lockClaim: (reference) => Promise.resolve(state().claims.get(reference) ?? null),
      saveClaim: (snapshot, events) => {
        if (!events.length) return Promise.resolve();
        const reference = snapshot.reference;
        const record = state().claims.get(reference)!;
        if (snapshot.version <= record.snapshot.version) throw new Error(`claim ${snapshot.id} changed under a lock`);
        state().claims.set(reference, { ...record, snapshot });
        state().events.push(...events);
        return Promise.resolve();
      },
      touchClaim: (claimId) => {
        const record = [...state().claims.values()].find((candidate) => candidate.snapshot.id === claimId)!;
        const version = record.snapshot.version + 1;
        state().claims.set(record.snapshot.reference, { ...record, snapshot: { ...record.snapshot, version } });
        return Promise.resolve(version);
      },
      audit: (entry) => {
        state().audit.push(entry);
        return Promise.resolve();
      },
      enqueue: (jobName, payload, orderingKey, options) => {
        state().outbox.push({ jobName, payload, orderingKey, notBefore: options?.notBefore ?? null });
        return Promise.resolve();
      },
    };
  }
}
