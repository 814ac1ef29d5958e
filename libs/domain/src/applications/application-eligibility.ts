import type { IsoDate } from '../shared/calendar-date.js';
import type { EligibilityFacts, InjuryFacts } from '../eligibility/eligibility-facts.js';
import type { ApplicationAnswers, InjuriesAnswers } from './application-answers.js';

/**
 * Maps an application's answers to the eligibility facts (shared/domain/eligibility-facts.md). Pure: the
 * citizen API's live eligibility, the worker's automatic assessment and a caseworker's re-run all call it,
 * so they cannot disagree. A question not answered yet becomes an absent fact (the rule says `missing`),
 * never a guess.
 *
 * The online journey covers an injured victim applying for themselves or through someone else, so the route
 * is `direct-victim`; witness and fatal claims are routed by a caseworker.
 */
export function eligibilityFactsFromApplication(
  answers: ApplicationAnswers,
  options: { receivedOn?: IsoDate } = {},
): EligibilityFacts {
  const { applicant, residence, convictions, offender, crime } = answers;
  const previous = answers['previous-applications'];
  const period = crime?.pattern === 'period';
  return {
    ...(options.receivedOn ? { receivedOn: options.receivedOn } : {}),
    route: 'direct-victim',
    applicant: {
      dateOfBirth: applicant?.dateOfBirth,
      residence: residence?.bases?.length ? [...residence.bases] : residence?.noneApply === true ? [] : undefined,
      unspentConvictions:
        convictions?.hasUnspentConvictions === false
          ? []
          : convictions?.hasUnspentConvictions === true && convictions.convictions?.length
            ? convictions.convictions.map((conviction) => ({ sentence: conviction.sentence }))
            : undefined,
      previousApplicationForSameInjury: previous?.appliedBefore,
      livedWithAssailantAsFamily: offender?.livedWithOffenderAsFamily,
      stillLivesWithAssailant: offender?.livedWithOffenderAsFamily === false ? false : offender?.stillLivesWithOffender,
    },
    incident: {
      date: crime?.date,
      lastDate: period ? crime.lastDate : crime?.pattern === 'single-incident' ? null : undefined,
      place: crime?.place,
      kind: crime?.kind,
      reportedToPolice: crime?.reportedToPolice,
      reportedOn: crime?.reportedToPolice === true ? crime.reportedOn : undefined,
      cooperatedWithPolice: crime?.reportedToPolice === true ? crime.cooperatedWithPolice : undefined,
      assailantMayBenefit: offender?.offenderMayBenefit,
    },
    injuries: answers.injuries ? injuryFacts(answers.injuries, crime?.kind === 'sexual-assault') : undefined,
    witness: null,
    fatal: null,
    lateApplicationReason: crime ? (crime.lateApplicationReason ?? null) : undefined,
  };
}

/**
 * "Minor only" (Annex E: below the lowest tariff level) means every physical injury is a minor cut, bruise or
 * graze and there is no pregnancy, loss of a foetus or infection; the mental injury is judged on its own.
 */
function injuryFacts(injuries: InjuriesAnswers, sexualAssaultCrime: boolean): InjuryFacts {
  const physical = injuries.physicalInjuries ?? [];
  const physicalKnown = injuries.noPhysicalInjury === true || physical.length > 0;
  const beyondMinor =
    physical.some((injury) => injury.kind !== undefined && injury.kind !== 'minor-cut-bruise-or-graze') ||
    injuries.pregnancy?.resultedInPregnancy === true ||
    injuries.pregnancy?.lossOfFoetus === true ||
    injuries.infection?.infected === true;
  const mental = injuries.mental;
  return {
    minorOnly: beyondMinor ? false : physicalKnown ? true : undefined,
    sexualAssault: injuries.sexualAssault === true || sexualAssaultCrime ? true : injuries.sexualAssault,
    mentalInjury:
      mental?.hasMentalInjury === false
        ? null
        : mental?.hasMentalInjury === true
          ? {
              disabling: mental.disabling,
              diagnosis: mental.diagnosis,
              durationWeeks: mental.durationWeeks,
              ongoing: mental.ongoing,
            }
          : undefined,
  };
}
