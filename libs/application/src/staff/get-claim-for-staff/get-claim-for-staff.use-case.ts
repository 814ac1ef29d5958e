import {
  assessEligibility,
  calendarDateInUk,
  eligibilityFactsFromApplication,
  ImpossibleFactsError,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { accessJustification } from '../claim-access.js';
import { AccessLog, canSee } from '../casework-store.js';
import { CaseFileStore, type CaseFileView } from '../case-file.js';
import { staffClaimNotFound } from '../staff-actor.js';
import type { GetClaimForStaffCommand } from './get-claim-for-staff.command.js';

/**
 * The whole claim for staff. The read is written to the audit log (who, when, which claim, why) before anything
 * is returned; a restricted claim the caller is not named on answers 404 and the attempt is logged. A claim
 * outside the caller's own work (not assigned to them, not their team's) needs a purpose and a reason.
 */
export class GetClaimForStaff {
  constructor(
    private readonly store: CaseFileStore,
    private readonly accessLog: AccessLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetClaimForStaffCommand): Promise<CaseFileView> {
    const record = await this.store.findClaim(command.reference);
    if (!record) throw staffClaimNotFound();
    const at = this.clock.now();
    if (!canSee(record, command.actor)) {
      await this.accessLog.recordRefused({ actor: command.actor, claimId: record.snapshot.id, view: 'claim', at });
      throw staffClaimNotFound();
    }
    const justification = accessJustification(record, command.actor, command);
    await this.accessLog.recordRead({
      actor: command.actor,
      claimId: record.snapshot.id,
      view: 'claim',
      purpose: justification.purpose,
      breakGlass: justification.breakGlass,
      at,
    });
    const file = await this.store.load(record);
    const latest = file.eligibilityRuns[0];
    if (latest) return { ...file, eligibility: latest.assessment, eligibilitySource: 'caseworker-run' };
    const receivedOn = calendarDateInUk(record.snapshot.submittedAt ?? at);
    let eligibility;
    try {
      eligibility = assessEligibility(eligibilityFactsFromApplication(file.answers, { receivedOn }), {
        clock: () => at,
      });
    } catch (error) {
      if (!(error instanceof ImpossibleFactsError)) throw error;
      eligibility = { outcome: 'incomplete' as const, edition: '', deadline: null, receivedOn, results: [] };
    }
    return { ...file, eligibility, eligibilitySource: 'as-submitted' };
  }
}
