import { addDays, addYears, ageOn, isAfter, isIsoDate, type IsoDate } from '../shared/calendar-date.js';
import {
  applicationSections,
  CURRENT_DECLARATION_VERSION,
  type ApplicationAnswers,
  type ApplicationSection,
  type PostalAddress,
  type SectionAnswersMap,
} from './application-answers.js';

/** A draft is kept for 30 days after its last change, then erased (the UK service tells users the same). */
export const DRAFT_LIFETIME_DAYS = 30;

export function draftExpiresAt(lastChangedAt: Date): Date {
  return new Date(lastChangedAt.getTime() + DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
}

export const taskStatuses = ['not-started', 'in-progress', 'complete', 'not-applicable'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Whether a section is asked at all, given the other answers. Only who is applying changes that today. */
export function sectionApplies(section: ApplicationSection, answers: ApplicationAnswers): boolean {
  const role = answers['applying-for']?.role;
  switch (section) {
    case 'representative':
      return role === 'representative';
    case 'authority':
      return role === 'parent-or-guardian' || role === 'legal-authority';
    default:
      return true;
  }
}

export interface CompletenessContext {
  /** Today's UK date: whether an application is late depends on it. */
  readonly today: IsoDate;
}

const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function need(missing: string[], field: string, value: unknown): void {
  if (blank(value)) missing.push(field);
}

function needAddress(missing: string[], field: string, address: PostalAddress | undefined): void {
  need(missing, `${field}.line1`, address?.line1);
  need(missing, `${field}.town`, address?.town);
  need(missing, `${field}.postcode`, address?.postcode);
}

function needList(missing: string[], field: string, list: readonly unknown[] | undefined): void {
  if (!list || list.length === 0) missing.push(field);
}

/** Reported more than 2 days after the (last) incident: para 22 asks whether that was as soon as practicable. */
export function reportedLate(crime: SectionAnswersMap['crime'] | undefined): boolean {
  const last = crime?.pattern === 'period' ? crime.lastDate : crime?.date;
  return (
    crime?.reportedToPolice === true &&
    isIsoDate(last) &&
    isIsoDate(crime.reportedOn) &&
    isAfter(crime.reportedOn, addDays(last, 2))
  );
}

/**
 * Applying more than 2 years after the (last) incident, aged 20 or over: para 87 (or 88 for a child) is likely
 * missed, so para 89's exceptional circumstances are asked for now rather than by letter later. The UK
 * service asks on the same condition; the eligibility engine makes the exact judgement.
 */
export function applyingLate(answers: ApplicationAnswers, today: IsoDate): boolean {
  const crime = answers.crime;
  const last = crime?.pattern === 'period' ? crime.lastDate : crime?.date;
  if (!isIsoDate(last) || !isAfter(today, addYears(last, 2))) return false;
  const dateOfBirth = answers.applicant?.dateOfBirth;
  return !isIsoDate(dateOfBirth) || isAfter(dateOfBirth, today) || ageOn(dateOfBirth, today) >= 20;
}

/** The answers a section still needs, as dotted field names; `[]` when the section is complete. */
export function missingAnswers(
  section: ApplicationSection,
  answers: ApplicationAnswers,
  context: CompletenessContext,
): string[] {
  const missing: string[] = [];
  switch (section) {
    case 'applying-for':
      need(missing, 'role', answers['applying-for']?.role);
      break;
    case 'representative': {
      const rep = answers.representative;
      need(missing, 'type', rep?.type);
      need(missing, 'fullName', rep?.fullName);
      if (rep?.type && ['SOLS', 'CMCO', 'SUPP', 'SSER'].includes(rep.type))
        need(missing, 'organisationName', rep.organisationName);
      if (rep?.type === 'CMCO') need(missing, 'cmcRegistrationNumber', rep.cmcRegistrationNumber);
      if (blank(rep?.email) && blank(rep?.phone) && blank(rep?.address?.line1)) missing.push('email');
      if (rep?.hasAuthorityToAct !== true) missing.push('hasAuthorityToAct');
      break;
    }
    case 'authority': {
      const authority = answers.authority;
      const role = answers['applying-for']?.role;
      need(missing, 'fullName', authority?.fullName);
      need(missing, 'relationshipToVictim', authority?.relationshipToVictim);
      if (role === 'parent-or-guardian')
        need(missing, 'hasParentalResponsibility', authority?.hasParentalResponsibility);
      if (role === 'legal-authority') need(missing, 'legalAuthorityKind', authority?.legalAuthorityKind);
      if (blank(authority?.email) && blank(authority?.phone) && blank(authority?.address?.line1)) missing.push('email');
      break;
    }
    case 'applicant': {
      const applicant = answers.applicant;
      need(missing, 'firstName', applicant?.firstName);
      need(missing, 'lastName', applicant?.lastName);
      need(missing, 'dateOfBirth', applicant?.dateOfBirth);
      needAddress(missing, 'address', applicant?.address);
      if (answers['applying-for']?.role === 'legal-authority') need(missing, 'hasCapacity', applicant?.hasCapacity);
      break;
    }
    case 'residence': {
      const residence = answers.residence;
      if (!(residence?.bases && residence.bases.length > 0) && residence?.noneApply !== true) missing.push('bases');
      break;
    }
    case 'crime': {
      const crime = answers.crime;
      need(missing, 'pattern', crime?.pattern);
      need(missing, 'date', crime?.date);
      if (crime?.pattern === 'period') need(missing, 'lastDate', crime.lastDate);
      need(missing, 'place', crime?.place);
      need(missing, 'kind', crime?.kind);
      need(missing, 'reportedToPolice', crime?.reportedToPolice);
      if (crime?.reportedToPolice === true) {
        need(missing, 'reportedOn', crime.reportedOn);
        need(missing, 'policeForce', crime.policeForce);
        need(missing, 'cooperatedWithPolice', crime.cooperatedWithPolice);
      }
      if (reportedLate(crime)) need(missing, 'lateReportReason', crime?.lateReportReason);
      if (applyingLate(answers, context.today)) need(missing, 'lateApplicationReason', crime?.lateApplicationReason);
      break;
    }
    case 'offender': {
      const offender = answers.offender;
      need(missing, 'nameKnown', offender?.nameKnown);
      if (offender?.nameKnown === true) need(missing, 'name', offender.name);
      need(missing, 'livedWithOffenderAsFamily', offender?.livedWithOffenderAsFamily);
      if (offender?.livedWithOffenderAsFamily === true)
        need(missing, 'stillLivesWithOffender', offender.stillLivesWithOffender);
      need(missing, 'offenderMayBenefit', offender?.offenderMayBenefit);
      break;
    }
    case 'injuries': {
      const injuries = answers.injuries;
      if (injuries?.noPhysicalInjury !== true) {
        needList(missing, 'physicalInjuries', injuries?.physicalInjuries);
        injuries?.physicalInjuries?.forEach((injury, index) => {
          need(missing, `physicalInjuries.${index}.bodyArea`, injury.bodyArea);
          need(missing, `physicalInjuries.${index}.kind`, injury.kind);
        });
      }
      need(missing, 'mental.hasMentalInjury', injuries?.mental?.hasMentalInjury);
      if (injuries?.mental?.hasMentalInjury === true) {
        need(missing, 'mental.disabling', injuries.mental.disabling);
        need(missing, 'mental.diagnosis', injuries.mental.diagnosis);
        if (injuries.mental.ongoing !== true) need(missing, 'mental.durationWeeks', injuries.mental.durationWeeks);
      }
      need(missing, 'sexualAssault', injuries?.sexualAssault);
      break;
    }
    case 'impact': {
      const impact = answers.impact;
      need(missing, 'inWorkAtTime', impact?.inWorkAtTime);
      if (impact?.inWorkAtTime === true) need(missing, 'unableToWork', impact.unableToWork);
      if (impact?.unableToWork === true) need(missing, 'unableToWorkOver28Weeks', impact.unableToWorkOver28Weeks);
      need(missing, 'hasSpecialExpenses', impact?.hasSpecialExpenses);
      if (impact?.hasSpecialExpenses === true) {
        needList(missing, 'specialExpenses', impact.specialExpenses);
        impact.specialExpenses?.forEach((expense, index) =>
          need(missing, `specialExpenses.${index}.kind`, expense.kind),
        );
      }
      break;
    }
    case 'treatment': {
      const treatment = answers.treatment;
      need(missing, 'registeredWithGp', treatment?.registeredWithGp);
      if (treatment?.registeredWithGp === true) need(missing, 'gp.name', treatment.gp?.name);
      need(missing, 'treatedInHospital', treatment?.treatedInHospital);
      if (treatment?.treatedInHospital === true) need(missing, 'hospital.name', treatment.hospital?.name);
      need(missing, 'treatedByDentist', treatment?.treatedByDentist);
      if (treatment?.treatedByDentist === true) need(missing, 'dentist.name', treatment.dentist?.name);
      break;
    }
    case 'other-compensation': {
      const other = answers['other-compensation'];
      need(missing, 'hasOtherCompensation', other?.hasOtherCompensation);
      if (other?.hasOtherCompensation === true) {
        needList(missing, 'sources', other.sources);
        other.sources?.forEach((source, index) => {
          need(missing, `sources.${index}.source`, source.source);
          need(missing, `sources.${index}.decided`, source.decided);
        });
      }
      break;
    }
    case 'previous-applications': {
      const previous = answers['previous-applications'];
      need(missing, 'appliedBefore', previous?.appliedBefore);
      need(missing, 'someoneElseApplied', previous?.someoneElseApplied);
      break;
    }
    case 'convictions': {
      const convictions = answers.convictions;
      need(missing, 'hasUnspentConvictions', convictions?.hasUnspentConvictions);
      if (convictions?.hasUnspentConvictions === true) {
        needList(missing, 'convictions', convictions.convictions);
        convictions.convictions?.forEach((conviction, index) =>
          need(missing, `convictions.${index}.sentence`, conviction.sentence),
        );
      }
      break;
    }
    case 'support-needs':
      need(missing, 'wantsSupport', answers['support-needs']?.wantsSupport);
      break;
    case 'contact-preferences': {
      const contact = answers['contact-preferences'];
      need(missing, 'method', contact?.method);
      if (contact?.method === 'email') need(missing, 'email', contact.email);
      if (contact?.method === 'text' || contact?.method === 'phone') need(missing, 'phone', contact.phone);
      // Post to someone who said post is not safe would put them at risk: the choice must change.
      if (contact?.method === 'post' && contact.safeContact?.noPost === true) missing.push('method');
      break;
    }
    case 'declaration': {
      const declaration = answers.declaration;
      if (declaration?.agreed !== true) missing.push('agreed');
      need(missing, 'fullName', declaration?.fullName);
      if (declaration?.wordingVersion !== CURRENT_DECLARATION_VERSION) missing.push('wordingVersion');
      break;
    }
  }
  return missing;
}

/** A saved section as the task list needs it. */
export interface SectionProgress {
  readonly answers: unknown;
  /** The application's version when the section was last saved. */
  readonly savedAtVersion: number;
  /** Made irrelevant by a later change: kept, but not part of the application. */
  readonly setAside: boolean;
}

export interface Task {
  readonly section: ApplicationSection;
  readonly status: TaskStatus;
  /** For a section in progress: what it still needs. */
  readonly missing: readonly string[];
}

/** The current answers: saved sections that are not set aside. */
export function currentAnswers(sections: Partial<Record<ApplicationSection, SectionProgress>>): ApplicationAnswers {
  const answers: Record<string, unknown> = {};
  for (const section of applicationSections) {
    const saved = sections[section];
    if (saved && !saved.setAside) answers[section] = saved.answers;
  }
  return answers;
}

/**
 * Each section's status. The declaration counts as complete only if it was made after the last change to any
 * other answer: a declaration covers the answers as they stood when it was made.
 */
export function taskList(
  sections: Partial<Record<ApplicationSection, SectionProgress>>,
  context: CompletenessContext,
): Task[] {
  const answers = currentAnswers(sections);
  const lastOtherChange = Math.max(
    0,
    ...applicationSections
      .filter((section) => section !== 'declaration')
      .map((section) => sections[section]?.savedAtVersion ?? 0),
  );
  return applicationSections.map((section): Task => {
    if (!sectionApplies(section, answers)) return { section, status: 'not-applicable', missing: [] };
    const saved = sections[section];
    if (!saved || saved.setAside) return { section, status: 'not-started', missing: [] };
    const missing = missingAnswers(section, answers, context);
    if (section === 'declaration' && missing.length === 0 && saved.savedAtVersion < lastOtherChange) {
      missing.push('agreed');
    }
    return { section, status: missing.length ? 'in-progress' : 'complete', missing };
  });
}

/** Sections that must be completed before submitting, with what each still needs. */
export function incompleteSections(tasks: readonly Task[]): Task[] {
  return tasks.filter((task) => task.status === 'in-progress' || task.status === 'not-started');
}

/**
 * After a change, which saved sections stop applying (set them aside: kept, not lost) and which set-aside
 * sections apply again (restore them as they were).
 */
export function cascadeAfterChange(sections: Partial<Record<ApplicationSection, SectionProgress>>): {
  setAside: ApplicationSection[];
  restore: ApplicationSection[];
} {
  const answers = currentAnswers(sections);
  const setAside: ApplicationSection[] = [];
  const restore: ApplicationSection[] = [];
  for (const section of applicationSections) {
    const saved = sections[section];
    if (!saved) continue;
    const applies = sectionApplies(section, answers);
    if (!applies && !saved.setAside) setAside.push(section);
    if (applies && saved.setAside) restore.push(section);
  }
  return { setAside, restore };
}
