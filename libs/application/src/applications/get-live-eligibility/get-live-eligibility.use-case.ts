import {
  assessEligibility,
  calendarDateInUk,
  currentAnswers,
  eligibilityFactsFromApplication,
  ImpossibleFactsError,
  type DomainErrorDetail,
  type EligibilityAssessment,
  type EligibilityFacts,
} from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ApplicationStore } from '../application-store.js';
import { applicationNotFound } from '../application-view.js';
import type { GetLiveEligibilityCommand } from './get-live-eligibility.command.js';

export interface LiveEligibilityView {
  readonly applicationId: string;
  readonly version: number;
  readonly facts: EligibilityFacts;
  /** `null` when the answers cannot all be true as they stand (then `problems` says why). */
  readonly assessment: EligibilityAssessment | null;
  readonly problems: readonly DomainErrorDetail[];
  /** Always true: eligibility signposts, it never stops anyone applying. */
  readonly canStillApply: true;
}

/**
 * Runs the eligibility engine on the draft as it stands, as if it were received today. Answers that cannot all
 * be true (a report dated before the crime) are shown as problems instead of an assessment, never as an error.
 */
export class GetLiveEligibility {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: GetLiveEligibilityCommand): Promise<LiveEligibilityView> {
    const now = this.clock.now();
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, now);
    if (!application) throw applicationNotFound();
    const receivedOn = calendarDateInUk(application.submittedAt ?? now);
    const facts = eligibilityFactsFromApplication(currentAnswers(application.sections), { receivedOn });
    const base = { applicationId: application.id, version: application.version, facts, canStillApply: true as const };
    try {
      return { ...base, assessment: assessEligibility(facts, { clock: () => now }), problems: [] };
    } catch (error) {
      if (error instanceof ImpossibleFactsError) return { ...base, assessment: null, problems: error.details };
      throw error;
    }
  }
}
