import { assessEligibility, type EligibilityAssessment, type EligibilityFacts } from '@redress/domain';
import { Clock } from '../../ports/clock.js';

/**
 * The anonymous pre-check: runs the one eligibility engine on facts a person typed in. Stores nothing:
 * the facts are neither logged nor kept.
 */
export class CheckEligibility {
  constructor(private readonly clock: Clock) {}

  execute(facts: EligibilityFacts): EligibilityAssessment {
    return assessEligibility(facts, { clock: () => this.clock.now() });
  }
}
