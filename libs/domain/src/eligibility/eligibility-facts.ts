import type { IsoDate } from '../shared/calendar-date.js';

/**
 * The eligibility facts vocabulary (shared/domain/eligibility-facts.md). Every field may be absent: an absent
 * fact makes the rules that need it answer `missing`, never a guess. Where the contract gives `null` a meaning
 * (`lastDate`, `mentalInjury`, `lateApplicationReason`), `null` keeps that meaning and only `undefined` is absent.
 * The value lists are exported so boundary validation (DTOs) uses the same words as the engine.
 */

export const eligibilityRoutes = ['direct-victim', 'exceptional-risk', 'witness', 'fatal'] as const;
export type EligibilityRoute = (typeof eligibilityRoutes)[number];

export const residenceBases = [
  'ordinarily-resident-uk',
  'british-citizen',
  'close-relative-of-british-citizen',
  'eu-eea-national',
  'eu-eea-family-member',
  'council-of-europe-national',
  'armed-forces',
  'armed-forces-relative',
  'trafficking-victim',
  'asylum-applicant',
] as const;
export type ResidenceBasis = (typeof residenceBases)[number];

export const convictionSentences = [
  'custodial',
  'community-order',
  'youth-rehabilitation-order',
  'service-detention',
  'removal-from-service',
  'excluded-from-rehabilitation',
  'fine',
  'discharge',
  'other',
] as const;
export type ConvictionSentence = (typeof convictionSentences)[number];

export const incidentPlaces = ['england', 'wales', 'scotland', 'northern-ireland', 'annex-c', 'elsewhere'] as const;
export type IncidentPlace = (typeof incidentPlaces)[number];

export const incidentKinds = [
  'physical-attack',
  'violent-act',
  'threat-of-immediate-violence',
  'sexual-assault',
  'arson',
  'animal-deliberately-used',
  'animal-not-deliberately-used',
  'vehicle-deliberately-used',
  'vehicle-accident',
  'other',
] as const;
export type IncidentKind = (typeof incidentKinds)[number];

export const mentalInjuryDiagnoses = ['psychiatrist', 'clinical-psychologist', 'other', 'none-yet'] as const;
export type MentalInjuryDiagnosis = (typeof mentalInjuryDiagnoses)[number];

export const fatalRelationships = [
  'spouse-or-civil-partner-living-together',
  'partner-living-together-2-years',
  'spouse-or-partner-apart-through-ill-health',
  'former-spouse-financially-supported',
  'parent',
  'child',
  'other',
] as const;
export type FatalRelationship = (typeof fatalRelationships)[number];

/** An unspent conviction on the date of application; spent convictions are left out (Annex D 1, 2). */
export interface UnspentConviction {
  readonly sentence?: ConvictionSentence;
}

export interface ApplicantFacts {
  readonly dateOfBirth?: IsoDate | null;
  /** Zero or more bases of residence or nationality (paras 10 to 13); `[]` means none. */
  readonly residence?: readonly ResidenceBasis[] | null;
  /** `[]` means none. */
  readonly unspentConvictions?: readonly UnspentConviction[] | null;
  readonly previousApplicationForSameInjury?: boolean | null;
  /** At the time of the incident. */
  readonly livedWithAssailantAsFamily?: boolean | null;
  /** Or is likely to again. */
  readonly stillLivesWithAssailant?: boolean | null;
}

export interface IncidentFacts {
  /** The incident, or the first one of a period of abuse. */
  readonly date?: IsoDate | null;
  /** The last incident of a period of abuse; `null` for a single incident. */
  readonly lastDate?: IsoDate | null;
  readonly place?: IncidentPlace | null;
  readonly kind?: IncidentKind | null;
  readonly reportedToPolice?: boolean | null;
  /** The first report to the police. */
  readonly reportedOn?: IsoDate | null;
  readonly cooperatedWithPolice?: boolean | null;
  readonly assailantMayBenefit?: boolean | null;
}

export interface MentalInjuryFacts {
  readonly disabling?: boolean | null;
  readonly diagnosis?: MentalInjuryDiagnosis | null;
  readonly durationWeeks?: number | null;
  readonly ongoing?: boolean | null;
}

/** For the fatal route these are the deceased's injuries. */
export interface InjuryFacts {
  /** Only injuries below the lowest tariff level. */
  readonly minorOnly?: boolean | null;
  readonly sexualAssault?: boolean | null;
  /** `null` means no mental injury. */
  readonly mentalInjury?: MentalInjuryFacts | null;
}

export interface WitnessFacts {
  readonly lovedOne?: boolean | null;
  readonly presentOrImmediateAftermath?: boolean | null;
}

export interface FatalFacts {
  readonly relationship?: FatalRelationship | null;
  readonly paidFuneral?: boolean | null;
}

export interface EligibilityFacts {
  /** The date the application is received; absent means today (UK date). */
  readonly receivedOn?: IsoDate | null;
  readonly route?: EligibilityRoute | null;
  readonly applicant?: ApplicantFacts | null;
  readonly incident?: IncidentFacts | null;
  readonly injuries?: InjuryFacts | null;
  /** Route witness only. */
  readonly witness?: WitnessFacts | null;
  /** Route fatal only. */
  readonly fatal?: FatalFacts | null;
  /** The exceptional circumstances claimed for applying late; `null` or blank means none given. */
  readonly lateApplicationReason?: string | null;
}
