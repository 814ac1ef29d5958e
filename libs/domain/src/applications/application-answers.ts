import type { IsoDate } from '../shared/calendar-date.js';
import type {
  ConvictionSentence,
  IncidentKind,
  IncidentPlace,
  MentalInjuryDiagnosis,
  ResidenceBasis,
} from '../eligibility/eligibility-facts.js';
// Special expenses and support needs use the award calculator's and the referral matcher's own words.
import type { SpecialExpenseKind } from '../awards/award-types.js';
import type { Circumstance, SupportNeed } from '../referrals/vocabulary.js';

/**
 * The answers of an application, section by section: the whole journey of the UK's own service
 * (shared/domain/cica-service-study.md, section 2) plus what it lacks (unspent convictions, support needs,
 * safe contact). Every answer may be absent while the draft is in progress: a section's completeness is
 * decided by `missingAnswers`, not by the shape. The value lists are exported so the DTOs use the same words.
 */

export const applicationSections = [
  'applying-for',
  'representative',
  'authority',
  'applicant',
  'residence',
  'crime',
  'offender',
  'injuries',
  'impact',
  'treatment',
  'other-compensation',
  'previous-applications',
  'convictions',
  'support-needs',
  'contact-preferences',
  'declaration',
] as const;
export type ApplicationSection = (typeof applicationSections)[number];

export function isApplicationSection(value: unknown): value is ApplicationSection {
  return typeof value === 'string' && (applicationSections as readonly string[]).includes(value);
}

/**
 * Sections holding special-category data (UK GDPR art. 9 and 10: health, sex life, criminal convictions,
 * protected characteristics) or the account of the crime. Every section is stored encrypted all the same;
 * this list says which ones the subject-access export and the caseworker views must treat as sensitive.
 */
export const specialCategorySections: readonly ApplicationSection[] = [
  'applicant',
  'crime',
  'offender',
  'injuries',
  'impact',
  'treatment',
  'convictions',
  'support-needs',
];

// ---- applying-for ----
export const applicantRoles = ['self', 'parent-or-guardian', 'legal-authority', 'representative'] as const;
export type ApplicantRole = (typeof applicantRoles)[number];

export interface ApplyingForAnswers {
  /** Who is filling in the form: the victim, a parent or guardian of a child, someone with legal authority for an adult who lacks capacity, or a representative. */
  readonly role?: ApplicantRole;
}

// ---- representative (role = representative) ----
/** The UK service's `q-rep-type` codes, kept so records map across. */
export const representativeTypes = ['SOLS', 'CMCO', 'SUPP', 'SSER', 'FRFA', 'FC'] as const;
export type RepresentativeType = (typeof representativeTypes)[number];
export const representativeTypeNames: Record<RepresentativeType, string> = {
  SOLS: 'solicitor',
  CMCO: 'claims management company',
  SUPP: 'support organisation',
  SSER: 'social services',
  FRFA: 'friend or relative',
  FC: 'foster carer',
};

export interface PostalAddress {
  readonly line1?: string;
  readonly line2?: string;
  readonly town?: string;
  readonly postcode?: string;
}

export interface RepresentativeAnswers {
  readonly type?: RepresentativeType;
  readonly fullName?: string;
  readonly organisationName?: string;
  /** Required for a claims management company (FCA authorisation number). */
  readonly cmcRegistrationNumber?: string;
  readonly ownReference?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: PostalAddress;
  /** The victim (or whoever can act for them) has agreed to the representative acting. */
  readonly hasAuthorityToAct?: boolean;
}

// ---- authority (role = parent-or-guardian or legal-authority) ----
export const authorityRelationships = [
  'parent',
  'guardian',
  'special-guardian',
  'local-authority',
  'attorney',
  'deputy',
  'other',
] as const;
export type AuthorityRelationship = (typeof authorityRelationships)[number];
export const legalAuthorityKinds = [
  'lasting-power-of-attorney',
  'enduring-power-of-attorney',
  'deputyship-order',
  'other',
] as const;
export type LegalAuthorityKind = (typeof legalAuthorityKinds)[number];

export interface AuthorityAnswers {
  readonly fullName?: string;
  readonly relationshipToVictim?: AuthorityRelationship;
  /** Parent or guardian of a child. */
  readonly hasParentalResponsibility?: boolean;
  readonly careOrder?: boolean;
  /** Legal authority for an adult who lacks capacity. */
  readonly legalAuthorityKind?: LegalAuthorityKind;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: PostalAddress;
}

// ---- applicant (the victim) ----
export interface ProtectedCharacteristics {
  readonly ethnicity?: string;
  readonly disability?: boolean;
  readonly religionOrBelief?: string;
  readonly sexualOrientation?: string;
  readonly genderIdentity?: string;
}

export interface ApplicantAnswers {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly otherNames?: readonly string[];
  readonly dateOfBirth?: IsoDate;
  readonly address?: PostalAddress;
  /** Adults applied for by someone with legal authority: whether they can make decisions themselves. */
  readonly hasCapacity?: boolean;
  /** Optional, for fairness monitoring only; never used to decide the claim. */
  readonly protectedCharacteristics?: ProtectedCharacteristics;
}

// ---- residence ----
export interface ResidenceAnswers {
  /** Every basis that applies (paras 10-13); the journey asks them in the UK service's order. */
  readonly bases?: readonly ResidenceBasis[];
  /** None of the bases applies. */
  readonly noneApply?: boolean;
  readonly nationality?: string;
}

// ---- crime ----
export const crimePatterns = ['single-incident', 'period'] as const;
export type CrimePattern = (typeof crimePatterns)[number];

export interface CrimeAnswers {
  readonly pattern?: CrimePattern;
  /** The incident, or the first of a period of abuse. */
  readonly date?: IsoDate;
  /** The last incident of a period. */
  readonly lastDate?: IsoDate;
  readonly place?: IncidentPlace;
  /** Town or area, in the victim's words. */
  readonly location?: string;
  readonly kind?: IncidentKind;
  /** The account of the crime, in the victim's words. */
  readonly account?: string;
  readonly reportedToPolice?: boolean;
  readonly reportedOn?: IsoDate;
  readonly policeForce?: string;
  readonly crimeReference?: string;
  readonly lateReportReason?: string;
  readonly cooperatedWithPolice?: boolean;
  /** Exceptional circumstances for applying more than 2 years after the crime (para 89). */
  readonly lateApplicationReason?: string;
}

// ---- offender ----
export interface OffenderAnswers {
  readonly nameKnown?: boolean;
  readonly name?: string;
  /** Living with the offender as a member of the same family at the time (paras 19, 21). */
  readonly livedWithOffenderAsFamily?: boolean;
  readonly stillLivesWithOffender?: boolean;
  readonly ongoingContact?: boolean;
  /** Whether the offender could benefit from an award (para 20). */
  readonly offenderMayBenefit?: boolean;
}

// ---- injuries ----
export const bodyAreas = [
  'head',
  'face',
  'eyes',
  'ears',
  'nose',
  'mouth-and-teeth',
  'neck',
  'shoulders',
  'arms',
  'hands',
  'chest',
  'back',
  'abdomen',
  'pelvis-and-genitals',
  'legs',
  'feet',
  'skin',
  'whole-body',
] as const;
export type BodyArea = (typeof bodyAreas)[number];

export const physicalInjuryKinds = [
  'minor-cut-bruise-or-graze',
  'cut-needing-stitches',
  'scarring',
  'burn',
  'fracture',
  'dislocation',
  'loss-of-teeth',
  'brain-injury',
  'internal-injury',
  'nerve-damage',
  'loss-of-sight-or-hearing',
  'other',
] as const;
export type PhysicalInjuryKind = (typeof physicalInjuryKinds)[number];

export interface PhysicalInjury {
  readonly bodyArea?: BodyArea;
  readonly kind?: PhysicalInjuryKind;
  readonly description?: string;
}

export interface MentalInjuryAnswers {
  readonly hasMentalInjury?: boolean;
  /** Affects everyday life (Annex E Part A: "disabling"). */
  readonly disabling?: boolean;
  readonly diagnosis?: MentalInjuryDiagnosis;
  readonly durationWeeks?: number;
  readonly ongoing?: boolean;
}

export interface InjuriesAnswers {
  readonly physicalInjuries?: readonly PhysicalInjury[];
  readonly noPhysicalInjury?: boolean;
  readonly mental?: MentalInjuryAnswers;
  readonly sexualAssault?: boolean;
  readonly pregnancy?: { readonly resultedInPregnancy?: boolean; readonly lossOfFoetus?: boolean };
  readonly infection?: { readonly infected?: boolean; readonly details?: string };
}

// ---- impact ----
export interface ImpactAnswers {
  readonly inWorkAtTime?: boolean;
  readonly unableToWork?: boolean;
  /** Loss of earnings is paid only after 28 full weeks off work (para 44). */
  readonly unableToWorkOver28Weeks?: boolean;
  readonly effectOnDailyLife?: string;
  readonly hasSpecialExpenses?: boolean;
  readonly specialExpenses?: readonly {
    readonly kind?: SpecialExpenseKind;
    readonly description?: string;
    readonly amountPence?: number;
  }[];
}

// ---- treatment ----
export interface CarePlace {
  readonly name?: string;
  readonly address?: PostalAddress;
}

export interface TreatmentAnswers {
  readonly registeredWithGp?: boolean;
  readonly gp?: CarePlace;
  readonly treatedInHospital?: boolean;
  readonly hospital?: CarePlace;
  readonly treatedByDentist?: boolean;
  readonly dentist?: CarePlace;
  readonly treatmentOngoing?: boolean;
}

// ---- other compensation ----
export const compensationSources = ['court-order', 'civil-claim', 'insurance', 'employer', 'other'] as const;
export type CompensationSource = (typeof compensationSources)[number];

export interface OtherCompensationAnswers {
  readonly hasOtherCompensation?: boolean;
  readonly sources?: readonly {
    readonly source?: CompensationSource;
    readonly decided?: boolean;
    readonly amountPence?: number;
  }[];
}

// ---- previous applications ----
export interface PreviousApplicationsAnswers {
  /** Applied to the scheme before for this crime or this injury (para 18). */
  readonly appliedBefore?: boolean;
  readonly previousReference?: string;
  readonly someoneElseApplied?: 'yes' | 'no' | 'not-sure';
}

// ---- unspent convictions (Annex D) ----
export interface ConvictionAnswers {
  readonly hasUnspentConvictions?: boolean;
  readonly convictions?: readonly {
    readonly sentence?: ConvictionSentence;
    readonly convictedOn?: IsoDate;
    readonly details?: string;
  }[];
}

// ---- support needs ----
export interface SupportNeedsAnswers {
  readonly needs?: readonly SupportNeed[];
  readonly circumstances?: readonly Circumstance[];
  readonly inOwnWords?: string;
  /** Whether they would like to be put in touch with support services (consent is asked per organisation later). */
  readonly wantsSupport?: boolean;
}

// ---- contact preferences ----
export const contactMethods = ['email', 'text', 'phone', 'post'] as const;
export type ContactMethod = (typeof contactMethods)[number];

export interface SafeContact {
  /** When it is safe to call, in the victim's words ("weekdays 10 to 2"). */
  readonly safeTimes?: string;
  readonly noVoicemail?: boolean;
  readonly noPost?: boolean;
  readonly safeEmail?: string;
  readonly safePhone?: string;
}

export interface ContactPreferencesAnswers {
  readonly method?: ContactMethod;
  readonly email?: string;
  readonly phone?: string;
  readonly safeContact?: SafeContact;
}

// ---- declaration ----
/** The declaration wording in force; a new wording gets a new version so the record says what was agreed to. */
export const CURRENT_DECLARATION_VERSION = '2026-11';

export interface DeclarationAnswers {
  readonly agreed?: boolean;
  readonly fullName?: string;
  readonly wordingVersion?: string;
}

export interface SectionAnswersMap {
  'applying-for': ApplyingForAnswers;
  representative: RepresentativeAnswers;
  authority: AuthorityAnswers;
  applicant: ApplicantAnswers;
  residence: ResidenceAnswers;
  crime: CrimeAnswers;
  offender: OffenderAnswers;
  injuries: InjuriesAnswers;
  impact: ImpactAnswers;
  treatment: TreatmentAnswers;
  'other-compensation': OtherCompensationAnswers;
  'previous-applications': PreviousApplicationsAnswers;
  convictions: ConvictionAnswers;
  'support-needs': SupportNeedsAnswers;
  'contact-preferences': ContactPreferencesAnswers;
  declaration: DeclarationAnswers;
}

/** The current answers of an application: sections not answered yet (or set aside) are absent. */
export type ApplicationAnswers = { readonly [S in ApplicationSection]?: SectionAnswersMap[S] };
