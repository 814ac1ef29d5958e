import type { ClaimEvent, ClaimSnapshot, ReviewOutcome } from '@redress/domain';
import {
  DecisionStore,
  type DecisionStatus,
  type NewDecision,
  type StoredDecision,
} from '../../decisions/decision-store.js';
import type { AuditRecord } from '../../ports/audit-trail.js';
import {
  AccessLog,
  CaseworkUnitOfWork,
  type CaseworkTransaction,
  type StaffClaimRecord,
} from '../../staff/casework-store.js';
import { ReviewStore, type OpenReview, type StoredAppeal } from '../review-store.js';

interface DecisionRow extends Omit<NewDecision, 'status'> {
  status: DecisionStatus;
  approvedBy: string | null;
  approvedAt: Date | null;
  decidedOn: string | null;
  returnedBy: string | null;
  returnReasonCode: string | null;
}

interface ReviewRow {
  id: string;
  claimId: string;
  originalDecisionId: string;
  requestedOn: string;
  late: boolean;
  reviewDecisionId: string | null;
  reviewer: string | null;
  outcome: ReviewOutcome | null;
  decidedAt: Date | null;
}

interface State {
  claims: Map<string, StaffClaimRecord>;
  events: ClaimEvent[];
  audit: AuditRecord[];
  outbox: Array<{ jobName: string; payload: Record<string, string>; orderingKey: string }>;
  calculations: Map<string, { id: string; claimId: string; totalPence: number; reductionPercent: number }>;
  decisions: Map<string, DecisionRow>;
  reviews: Map<string, ReviewRow>;
  /** The citizen's online review requests (the applications engineer's `review_request`). */
  citizenRequests: Array<{ claimId: string; requestedAt: Date; status: 'open' | 'started' | 'decided' }>;
}

const stored = (row: DecisionRow): StoredDecision => ({
  id: row.id,
  claimId: row.claimId,
  kind: row.kind,
  amountPence: row.amountPence,
  status: row.status,
  onReview: row.onReview,
  proposedBy: row.proposedBy,
  decidedOn: row.decidedOn,
});

/**
 * The casework ports over memory, for unit tests of the decision and review use cases: one claim store, decision
 * store and review store sharing a state that a failed unit of work rolls back, as PostgreSQL would.
 */
export class InMemoryCasework {
  state: State = {
    claims: new Map(),
    events: [],
    audit: [],
    outbox: [],
    calculations: new Map(),
    decisions: new Map(),
    reviews: new Map(),
    citizenRequests: [],
  };

  readonly accessLog: AccessLog = new (class extends AccessLog {
    recordRead(): Promise<void> {
      return Promise.resolve();
    }
    recordRefused(): Promise<void> {
      return Promise.resolve();
    }
  })();

  readonly unitOfWork: CaseworkUnitOfWork;
  readonly decisions: DecisionStore;
  readonly reviews: ReviewStore;

  constructor() {
    const world = () => this.state;
    const transaction: CaseworkTransaction = {
      handle: null,
      lockClaim: (reference) => Promise.resolve(world().claims.get(reference) ?? null),
      saveClaim: (snapshot: ClaimSnapshot, events: readonly ClaimEvent[]) => {
        const record = world().claims.get(snapshot.reference);
        if (!record || record.snapshot.version >= snapshot.version) throw new Error('claim changed under a lock');
        world().claims.set(snapshot.reference, { ...record, snapshot });
        world().events.push(...events);
        return Promise.resolve();
      },
      touchClaim: () => Promise.reject(new Error('not used by these use cases')),
      audit: (entry) => {
        world().audit.push(entry);
        return Promise.resolve();
      },
      enqueue: (jobName, payload, orderingKey) => {
        world().outbox.push({ jobName, payload, orderingKey });
        return Promise.resolve();
      },
    };
    this.unitOfWork = new (class extends CaseworkUnitOfWork {
      constructor(private readonly casework: InMemoryCasework) {
        super();
      }
      async run<T>(work: (tx: CaseworkTransaction) => Promise<T>): Promise<T> {
        const before = structuredClone(this.casework.state);
        try {
          return await work(transaction);
        } catch (error) {
          this.casework.state = before;
          throw error;
        }
      }
    })(this);
    this.decisions = new InMemoryDecisionStore(world);
    this.reviews = new InMemoryReviewStore(world);
  }

  addClaim(snapshot: ClaimSnapshot): void {
    this.state.claims.set(snapshot.reference, {
      snapshot,
      team: 'general',
      priority: 3,
      assignedStaffId: null,
      restricted: false,
      namedStaff: [],
      serviceLevelDueAt: null,
      serviceLevelPausedSince: null,
    });
  }

  claim(reference: string): ClaimSnapshot {
    const record = this.state.claims.get(reference);
    if (!record) throw new Error(`no claim ${reference}`);
    return record.snapshot;
  }

  addCalculation(calculation: { id: string; claimId: string; totalPence: number; reductionPercent?: number }): void {
    this.state.calculations.set(calculation.id, { reductionPercent: 0, ...calculation });
  }

  /** A decision already made (the one a review is about). */
  addMadeDecision(decision: Omit<NewDecision, 'status'> & { decidedOn: string; approvedBy?: string }): void {
    this.state.decisions.set(decision.id, {
      ...decision,
      status: 'made',
      approvedBy: decision.approvedBy ?? null,
      approvedAt: decision.approvedBy ? decision.at : null,
      returnedBy: null,
      returnReasonCode: null,
    });
  }

  decision(id: string): DecisionRow | undefined {
    return this.state.decisions.get(id);
  }
}

class InMemoryDecisionStore extends DecisionStore {
  constructor(private readonly world: () => State) {
    super();
  }

  awardCalculation(_tx: CaseworkTransaction, claimId: string, id: string) {
    const calculation = this.world().calculations.get(id);
    return Promise.resolve(calculation && calculation.claimId === claimId ? calculation : null);
  }

  insert(_tx: CaseworkTransaction, decision: NewDecision): Promise<void> {
    this.world().decisions.set(decision.id, {
      ...decision,
      approvedBy: null,
      approvedAt: null,
      returnedBy: null,
      returnReasonCode: null,
    });
    return Promise.resolve();
  }

  find(_tx: CaseworkTransaction, claimId: string, id: string): Promise<StoredDecision | null> {
    const row = this.world().decisions.get(id);
    return Promise.resolve(row && row.claimId === claimId ? stored(row) : null);
  }

  current(_tx: CaseworkTransaction, claimId: string): Promise<StoredDecision | null> {
    const made = [...this.world().decisions.values()]
      .filter((row) => row.claimId === claimId && row.status === 'made')
      .sort((a, b) => (b.approvedAt ?? b.at).getTime() - (a.approvedAt ?? a.at).getTime());
    return Promise.resolve(made[0] ? stored(made[0]) : null);
  }

  markMade(
    _tx: CaseworkTransaction,
    id: string,
    approval: { approvedBy: string; at: Date; decidedOn: string },
  ): Promise<void> {
    const row = this.world().decisions.get(id);
    if (row?.status === 'pending-approval') {
      Object.assign(row, {
        status: 'made',
        approvedBy: approval.approvedBy,
        approvedAt: approval.at,
        decidedOn: approval.decidedOn,
      });
    }
    return Promise.resolve();
  }

  markReturned(
    _tx: CaseworkTransaction,
    id: string,
    returned: { by: string; at: Date; reasonCode: string },
  ): Promise<void> {
    const row = this.world().decisions.get(id);
    if (row?.status === 'pending-approval') {
      Object.assign(row, { status: 'returned', returnedBy: returned.by, returnReasonCode: returned.reasonCode });
    }
    return Promise.resolve();
  }

  supersede(_tx: CaseworkTransaction, id: string): Promise<void> {
    const row = this.world().decisions.get(id);
    if (row?.status === 'made') row.status = 'superseded';
    return Promise.resolve();
  }
}

class InMemoryReviewStore extends ReviewStore {
  constructor(private readonly world: () => State) {
    super();
  }

  insertReview(
    _tx: CaseworkTransaction,
    review: { id: string; claimId: string; originalDecisionId: string; requestedOn: string; late: boolean },
  ): Promise<void> {
    this.world().reviews.set(review.id, {
      id: review.id,
      claimId: review.claimId,
      originalDecisionId: review.originalDecisionId,
      requestedOn: review.requestedOn,
      late: review.late,
      reviewDecisionId: null,
      reviewer: null,
      outcome: null,
      decidedAt: null,
    });
    return Promise.resolve();
  }

  openReview(_tx: CaseworkTransaction, claimId: string): Promise<OpenReview | null> {
    const open = [...this.world().reviews.values()].find(
      (review) => review.claimId === claimId && review.reviewDecisionId === null,
    );
    return Promise.resolve(open ? { id: open.id, originalDecisionId: open.originalDecisionId } : null);
  }

  citizenRequestReceivedAt(_tx: CaseworkTransaction, claimId: string): Promise<Date | null> {
    const open = this.world().citizenRequests.filter(
      (request) => request.claimId === claimId && request.status !== 'decided',
    );
    return Promise.resolve(open.at(-1)?.requestedAt ?? null);
  }

  decideReview(
    _tx: CaseworkTransaction,
    review: { id: string; reviewDecisionId: string; reviewer: string; outcome: ReviewOutcome; at: Date },
  ): Promise<void> {
    const row = this.world().reviews.get(review.id);
    if (row) {
      Object.assign(row, {
        reviewDecisionId: review.reviewDecisionId,
        reviewer: review.reviewer,
        outcome: review.outcome,
        decidedAt: review.at,
      });
    }
    return Promise.resolve();
  }

  closeCitizenRequests(_tx: CaseworkTransaction, claimId: string): Promise<void> {
    for (const request of this.world().citizenRequests) {
      if (request.claimId === claimId) request.status = 'decided';
    }
    return Promise.resolve();
  }

  latestDecidedReview(): Promise<{ id: string } | null> {
    return Promise.reject(new Error('not used by these use cases'));
  }

  insertAppeal(): Promise<void> {
    return Promise.reject(new Error('not used by these use cases'));
  }

  appeals(): Promise<StoredAppeal[]> {
    return Promise.reject(new Error('not used by these use cases'));
  }

  recordAppealOutcome(): Promise<void> {
    return Promise.reject(new Error('not used by these use cases'));
  }
}
