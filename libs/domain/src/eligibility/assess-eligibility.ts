import { ageOnParts } from '../shared/calendar-date.js';
import { combineOutcome, type EligibilityAssessment, type RuleResult } from './eligibility-assessment.js';
import type { EligibilityFacts } from './eligibility-facts.js';
import { eligibilityRules, type RuleContext } from './eligibility-rules.js';
import { ImpossibleFactsError, readEligibilityFacts, systemClock, type Clock } from './impossible-facts.js';
import { editionInForceOnDayNumber, schemeEditionDays, schemeEditions } from './scheme-editions.js';

export interface AssessEligibilityOptions {
  /** Supplies "now" when the facts give no `receivedOn`: today is its UK calendar date. Default: the system clock. */
  readonly clock?: Clock;
}

/**
 * Assesses the facts against every eligibility rule of the scheme edition in force on the receipt date, in the
 * contract's order, and combines the results into one outcome. Pure and deterministic for a given clock.
 *
 * @throws ImpossibleFactsError listing every problem, when the facts cannot all be true.
 */
export function assessEligibility(
  facts: EligibilityFacts,
  options: AssessEligibilityOptions = {},
): EligibilityAssessment {
  const { read, problems } = readEligibilityFacts(facts, options.clock ?? systemClock);
  if (read === undefined) throw new ImpossibleFactsError(problems);

  const inForce = editionInForceOnDayNumber(read.received.day);
  // Para 2: before CICS 2012 an earlier scheme governs; the oldest edition is applied for information only.
  const edition = inForce ?? schemeEditions[0];
  if (!edition) throw new Error('no scheme edition is defined');
  const editionDays = schemeEditionDays(edition);
  const applicant = facts.applicant ?? undefined;
  const incident = facts.incident ?? undefined;

  const ageAtIncident =
    read.dateOfBirth !== undefined && read.incidentDate !== undefined
      ? ageOnParts(read.dateOfBirth.parts, read.incidentDate.parts)
      : undefined;

  // Same roof (paras 19, 18 and 88A): hurt before 1 October 1979 while living with the assailant as family.
  const lived = applicant?.livedWithAssailantAsFamily;
  const cutoff = editionDays.sameRoofIncidentBefore;
  let sameRoofCase: boolean | undefined;
  if (lived === false || cutoff === undefined) sameRoofCase = false;
  else if (read.incidentDate !== undefined && read.incidentDate.day >= cutoff) sameRoofCase = false;
  else if (read.incidentDate === undefined || lived === undefined || lived === null) sameRoofCase = undefined;
  else sameRoofCase = true;

  const context: RuleContext = {
    facts,
    read,
    edition,
    beforeScheme: inForce === undefined,
    applicant,
    incident,
    injuries: facts.injuries ?? undefined,
    ageAtIncident,
    sameRoofCase,
    inTimeUnder88A:
      sameRoofCase === true &&
      editionDays.sameRoofApplyBy !== undefined &&
      read.received.day <= editionDays.sameRoofApplyBy,
    deadline: null,
  };
  if (context.inTimeUnder88A) context.deadline = edition.sameRoofTransitional?.applyBy ?? null;

  const results: RuleResult[] = new Array<RuleResult>(eligibilityRules.length);
  for (let index = 0; index < eligibilityRules.length; index += 1) {
    results[index] = (eligibilityRules[index] as (typeof eligibilityRules)[number]).evaluate(context);
  }
  return {
    outcome: combineOutcome(results),
    edition: edition.name,
    deadline: context.deadline,
    receivedOn: read.received.iso,
    results,
  };
}
