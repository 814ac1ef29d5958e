import { assessEligibility, Claim, eligibilityFactsFromApplication, systemActor } from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ClaimAssessmentUnitOfWork } from '../assessment-ports.js';
import { triageClaim, type Triage } from '../triage.js';
import type { AssessClaimCommand } from './assess-claim.command.js';

export type AssessClaimResult =
  | { readonly status: 'assessed'; readonly outcome: string; readonly triage: Triage }
  | { readonly status: 'already-triaged' | 'claim-not-found' };

/**
 * The worker's automatic assessment of a submitted claim: maps the application to eligibility facts with the
 * same pure mapping the citizen saw, runs the engine, stores the assessment (rule trace and scheme edition) and
 * moves the claim to triage with a team and a priority, all in one transaction. A claim already past
 * `submitted` is left alone, so a replayed job changes nothing.
 */
export class AssessClaim {
  constructor(
    private readonly unitOfWork: ClaimAssessmentUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: AssessClaimCommand): Promise<AssessClaimResult> {
    return this.unitOfWork.run(async (transaction) => {
      const found = await transaction.lockClaim(command.claimId);
      if (!found) return { status: 'claim-not-found' } as const;
      if (found.claim.status !== 'submitted') return { status: 'already-triaged' } as const;

      const now = this.clock.now();
      const facts = eligibilityFactsFromApplication(found.answers, { receivedOn: found.receivedOn });
      const assessment = assessEligibility(facts, { clock: () => now });
      const triage = triageClaim(found.answers, assessment, found.receivedOn);

      const claim = Claim.rehydrate(found.claim);
      claim.triage(systemActor, now);
      await transaction.saveAssessment(command.claimId, assessment, triage, now);
      await transaction.updateClaim(claim.snapshot(), triage, assessment.outcome, now);
      await transaction.appendEvents(claim.pullEvents());
      await transaction.scheduleServiceLevelCheck(command.claimId);
      await transaction.audit({
        actorType: 'system',
        actorId: null,
        action: 'claim.assessed',
        targetType: 'claim',
        targetId: command.claimId,
        details: {
          outcome: assessment.outcome,
          edition: assessment.edition,
          team: triage.team,
          priority: triage.priority,
        },
      });
      return { status: 'assessed', outcome: assessment.outcome, triage } as const;
    });
  }
}
