import { DomainError, DomainErrorKind, Claim } from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { CaseworkUnitOfWork } from '../../staff/casework-store.js';
import { claimActorOf } from '../../staff/staff-actor.js';
import { WorkStore } from '../work-store.js';
import type { TakeNextWorkCommand } from './take-next-work.command.js';

export interface TakenWork {
  readonly reference: string;
  readonly status: string;
  readonly version: number;
}

/**
 * Assigns the caller the most urgent, oldest unassigned claim of their team, atomically (two caseworkers never get
 * the same claim), and starts work on it: a new claim is triaged and its assessment started, a review request
 * starts its review. `null` when the queue is empty.
 */
export class TakeNextWork {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly store: WorkStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: TakeNextWorkCommand): Promise<TakenWork | null> {
    const team = command.actor.team;
    if (!team)
      throw new DomainError(
        'work.no-team',
        DomainErrorKind.Unprocessable,
        'Your token names no team to take work from.',
      );
    return this.unitOfWork.run(async (tx) => {
      const record = await this.store.lockNextUnassigned(tx, team, command.actor.staffId);
      if (!record) return null;
      const reference = record.snapshot.reference;
      const at = this.clock.now();
      const claim = Claim.rehydrate(record.snapshot);
      const actor = claimActorOf(command.actor);
      if (claim.status === 'submitted') claim.triage(actor, at);
      if (claim.status === 'triaged' || claim.status === 'reopened') claim.startAssessment(actor, at);
      if (claim.status === 'review_requested') claim.startReview(actor, at);
      await this.store.assign(tx, record.snapshot.id, command.actor.staffId, record.team, at);
      await tx.saveClaim(claim.snapshot(), claim.pullEvents(), at);
      const version = await tx.touchClaim(record.snapshot.id, at);
      await tx.audit({
        actorType: 'staff',
        actorId: command.actor.staffId,
        action: 'claim.assigned',
        targetType: 'claim',
        targetId: record.snapshot.id,
        details: { reference, team: record.team, how: 'work-next' },
        occurredAt: at,
      });
      return { reference, status: claim.status, version };
    });
  }
}
