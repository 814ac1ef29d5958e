import {
  supportNeeds,
  type Circumstance,
  type CircumstanceTerm,
  type ServiceTerm,
  type SupportNeed,
} from './vocabulary.js';

/** One need, and the service terms any one of which meets it. */
export interface NeedRequirement {
  readonly need: SupportNeed;
  readonly terms: readonly ServiceTerm[];
}

/** The services that meet each need for anyone. */
const generalTerms: Record<SupportNeed, readonly ServiceTerm[]> = {
  'feeling-safe': ['safety-planning', 'home-security'],
  'emotional-support': ['emotional-support', 'counselling'],
  'practical-help': ['practical-help', 'home-security'],
  money: ['money-advice', 'benefits-advice'],
  housing: ['housing-advice'],
  health: ['health-support', 'counselling'],
  'legal-help': ['legal-advice'],
  children: ['children-and-families', 'young-people-support'],
  'going-to-court': ['court-support'],
};

/**
 * Specialist services that also meet a need in a circumstance: an ISVA helps a victim of sexual violence
 * feel safe and through court; an IDVA or a refuge does the same after domestic abuse.
 */
const specialistTerms: Record<Circumstance, Partial<Record<SupportNeed, readonly ServiceTerm[]>>> = {
  'sexual-violence': {
    'feeling-safe': ['isva'],
    'emotional-support': ['isva'],
    'going-to-court': ['isva'],
  },
  'domestic-abuse': {
    'feeling-safe': ['idva', 'refuge'],
    housing: ['refuge'],
    'going-to-court': ['idva'],
  },
  bereavement: { 'emotional-support': ['bereavement-support'] },
  'under-18': { 'emotional-support': ['young-people-support'], 'going-to-court': ['young-people-support'] },
};

const circumstanceTermOf: Record<Circumstance, CircumstanceTerm> = {
  'sexual-violence': 'sexual-violence',
  'domestic-abuse': 'domestic-abuse',
  bereavement: 'bereavement',
  'under-18': 'children-and-young-people',
};

/**
 * The directory terms that meet each stated need, given the victim's circumstances. Needs come back in
 * the vocabulary's order, once each; terms once each, general ones first.
 */
export function needRequirements(
  needs: readonly SupportNeed[],
  circumstances: readonly Circumstance[] = [],
): NeedRequirement[] {
  const wanted = new Set(needs);
  return supportNeeds
    .filter((need) => wanted.has(need))
    .map((need) => {
      const terms = new Set<ServiceTerm>(generalTerms[need]);
      for (const circumstance of circumstances)
        for (const term of specialistTerms[circumstance][need] ?? []) terms.add(term);
      return { need, terms: [...terms] };
    });
}

/** The circumstance terms of the directory that describe the victim (for eligibility and specialism). */
export function circumstanceTermsFor(circumstances: readonly Circumstance[]): CircumstanceTerm[] {
  return [...new Set(circumstances.map((circumstance) => circumstanceTermOf[circumstance]))];
}
