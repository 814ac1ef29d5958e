import type { Clock } from '../ports/clock.js';
import { accessJustification } from './claim-access.js';
import { AccessLog, canSee, type StaffClaimRecord } from './casework-store.js';
import { CaseFileStore } from './case-file.js';
import { staffClaimNotFound, type AccessPurpose, type StaffActor } from './staff-actor.js';

export interface StaffClaimRead {
  readonly actor: StaffActor;
  readonly reference: string;
  /** Why the claim is opened; `undefined` when the caller did not say (its own work: casework). */
  readonly purpose: AccessPurpose | undefined;
  /** Free text, required to open a claim outside one's own work (break the glass). */
  readonly reason?: string;
}

/**
 * The access rule of every staff read of part of a claim, as `GetClaimForStaff` applies it to the whole: a claim
 * the caller may not see is 404 and the attempt is logged; any other read is logged (who, when, which view, why)
 * before anything is returned, and a claim outside the caller's own work needs a purpose and a reason.
 */
export async function readStaffClaim(
  ports: { store: CaseFileStore; accessLog: AccessLog; clock: Clock },
  read: StaffClaimRead,
  view: string,
): Promise<StaffClaimRecord> {
  const record = await ports.store.findClaim(read.reference);
  if (!record) throw staffClaimNotFound();
  const at = ports.clock.now();
  if (!canSee(record, read.actor)) {
    await ports.accessLog.recordRefused({ actor: read.actor, claimId: record.snapshot.id, view, at });
    throw staffClaimNotFound();
  }
  const justification = accessJustification(record, read.actor, read);
  await ports.accessLog.recordRead({
    actor: read.actor,
    claimId: record.snapshot.id,
    view,
    purpose: justification.purpose,
    breakGlass: justification.breakGlass,
    at,
  });
  return record;
}
