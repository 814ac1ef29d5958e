import type { Clock } from '../ports/clock.js';
import {
  AccessLog,
  canSee,
  CaseworkUnitOfWork,
  type CaseworkTransaction,
  type StaffClaimRecord,
} from './casework-store.js';
import { staffClaimNotFound, staleClaim, type StaffActor } from './staff-actor.js';

const REFUSED = Symbol('refused');

/**
 * Runs a staff change on one claim in one transaction: locks it, refuses a restricted claim the actor is not
 * named on (404, and the attempt is logged in a transaction of its own after the rollback), checks the version
 * the actor saw (412 when stale), then runs the work.
 */
export async function withStaffClaim<T>(
  deps: { unitOfWork: CaseworkUnitOfWork; accessLog: AccessLog; clock: Clock },
  input: { actor: StaffActor; reference: string; expectedVersion?: number | null; view: string },
  work: (tx: CaseworkTransaction, claim: StaffClaimRecord) => Promise<T>,
): Promise<T> {
  const refusedClaim: { id?: string } = {};
  const result = await deps.unitOfWork.run(async (tx) => {
    const claim = await tx.lockClaim(input.reference);
    if (!claim) throw staffClaimNotFound();
    if (!canSee(claim, input.actor)) {
      refusedClaim.id = claim.snapshot.id;
      return REFUSED;
    }
    if (
      input.expectedVersion !== undefined &&
      input.expectedVersion !== null &&
      input.expectedVersion !== claim.snapshot.version
    ) {
      throw staleClaim(claim.snapshot.version);
    }
    return work(tx, claim);
  });
  if (result === REFUSED) {
    await deps.accessLog.recordRefused({
      actor: input.actor,
      claimId: refusedClaim.id!,
      view: input.view,
      at: deps.clock.now(),
    });
    throw staffClaimNotFound();
  }
  return result;
}
