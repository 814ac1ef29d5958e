import type { Clock } from '../ports/clock.js';
import {
  AccessLog,
  canSee,
  CaseworkUnitOfWork,
  type CaseworkTransaction,
  type StaffClaimRecord,
} from './casework-store.js';
import { DomainError, DomainErrorKind } from '@redress/domain';
import { staffClaimNotFound, staleClaim, type AccessPurpose, type StaffActor } from './staff-actor.js';

/** Whether the claim is the actor's own work: assigned to them, or in their team. */
export function isOwnWork(record: Pick<StaffClaimRecord, 'assignedStaffId' | 'team'>, actor: StaffActor): boolean {
  return record.assignedStaffId === actor.staffId || (actor.team !== null && record.team === actor.team);
}

export const BREAK_GLASS_REASON_MIN = 10;
export const BREAK_GLASS_REASON_MAX = 500;

/**
 * Break the glass: a claim outside one's own work is opened only with a stated purpose and a reason in the
 * reader's words (recorded in the access log, reported to the claim's team leaders). Answers what to record, or
 * throws a 403 problem that says what is missing. Nothing is read and nothing logged when it throws.
 */
export function accessJustification(
  record: Pick<StaffClaimRecord, 'assignedStaffId' | 'team'>,
  actor: StaffActor,
  given: { purpose: AccessPurpose | undefined; reason?: string },
): { purpose: AccessPurpose; breakGlass: null | { reason: string; claimTeam: string } } {
  if (isOwnWork(record, actor)) return { purpose: given.purpose ?? 'casework', breakGlass: null };
  const reason = given.reason?.trim() ?? '';
  if (!given.purpose || reason.length < BREAK_GLASS_REASON_MIN || reason.length > BREAK_GLASS_REASON_MAX) {
    throw new DomainError(
      'claim.reason-required',
      DomainErrorKind.Forbidden,
      'This claim is not assigned to you or your team. To open it, say why: a purpose, and a reason of ' +
        `${BREAK_GLASS_REASON_MIN} to ${BREAK_GLASS_REASON_MAX} characters (no personal details). ` +
        'The reason is recorded and your team leaders and the claim’s see it.',
      [
        ...(given.purpose ? [] : [{ field: 'purpose', message: 'purpose is required for a claim outside your work' }]),
        ...(reason.length >= BREAK_GLASS_REASON_MIN && reason.length <= BREAK_GLASS_REASON_MAX
          ? []
          : [
              {
                field: 'reason',
                message: `a reason of ${BREAK_GLASS_REASON_MIN} to ${BREAK_GLASS_REASON_MAX} characters`,
              },
            ]),
      ],
    );
  }
  return { purpose: given.purpose, breakGlass: { reason, claimTeam: record.team } };
}

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
