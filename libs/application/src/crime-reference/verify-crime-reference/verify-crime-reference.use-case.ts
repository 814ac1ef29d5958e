import { Clock } from '../../ports/clock.js';
import { PoliceCrimeReferences } from '../../ports/police.js';
import { CrimeReferenceChecks, type CrimeReferenceOutcome } from '../crime-reference-ports.js';
import type { VerifyCrimeReferenceCommand } from './verify-crime-reference.command.js';

export type VerifyCrimeReferenceResult = CrimeReferenceOutcome | 'already-checked' | 'no-reference' | 'claim-not-found';

/**
 * Checks the victim's crime reference with the police (para 22-23: reported as soon as reasonably practicable,
 * co-operation). The caseworker sees the answer; nothing is decided here. An unavailable police service throws
 * `PoliceServiceUnavailableError`, and the job retries with the external policy's backoff.
 */
export class VerifyCrimeReference {
  constructor(
    private readonly checks: CrimeReferenceChecks,
    private readonly police: PoliceCrimeReferences,
    private readonly clock: Clock,
  ) {}

  async execute(command: VerifyCrimeReferenceCommand): Promise<VerifyCrimeReferenceResult> {
    const report = await this.checks.findReport(command.claimId);
    if (!report) return 'claim-not-found';
    if (report.alreadyChecked) return 'already-checked';
    if (!report.crimeReference) return 'no-reference';

    const answer = await this.police.lookUp({ crimeReference: report.crimeReference, policeForce: report.policeForce });
    const outcome: CrimeReferenceOutcome = !answer.found
      ? 'not-found'
      : report.reportedOn && report.reportedOn !== answer.reportedOn
        ? 'report-date-differs'
        : 'confirmed';
    await this.checks.record(
      command.claimId,
      {
        outcome,
        policeForce: answer.found ? answer.policeForce : null,
        reportedOnByPolice: answer.found ? answer.reportedOn : null,
      },
      this.clock.now(),
    );
    return outcome;
  }
}
