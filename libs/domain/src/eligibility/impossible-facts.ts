import { DomainError, DomainErrorKind, type DomainErrorDetail } from '../shared/domain-error.js';
import {
  calendarDateInUk,
  dayNumberOfParts,
  parseIsoDate,
  type CalendarDateParts,
  type IsoDate,
} from '../shared/calendar-date.js';
import {
  convictionSentences,
  eligibilityRoutes,
  fatalRelationships,
  incidentKinds,
  incidentPlaces,
  mentalInjuryDiagnoses,
  residenceBases,
  type EligibilityFacts,
} from './eligibility-facts.js';

/**
 * Facts that cannot all be true (an incident after the application was received, a report before the incident,
 * a date that is not on the calendar). Every problem is listed in `details`, so the caller can fix them in one go.
 */
export class ImpossibleFactsError extends DomainError {
  constructor(details: readonly DomainErrorDetail[]) {
    super(
      'eligibility.impossible-facts',
      DomainErrorKind.InvalidInput,
      `These eligibility facts cannot all be true: ${details
        .map((detail) => `${detail.field ?? 'facts'} ${detail.message}`)
        .join('; ')}.`,
      details,
    );
  }
}

/** A date fact read once: its text, its parts and its day number. */
export interface DateFact {
  readonly iso: IsoDate;
  readonly parts: CalendarDateParts;
  readonly day: number;
}

/** The facts with their dates read, for the rules. */
export interface ReadFacts {
  readonly received: DateFact;
  readonly dateOfBirth: DateFact | undefined;
  readonly incidentDate: DateFact | undefined;
  /** The last incident of a period of abuse, else the incident itself. */
  readonly lastIncidentDate: DateFact | undefined;
  readonly reportedOn: DateFact | undefined;
}

export interface Clock {
  /** The current instant; its UK calendar date is "today". */
  (): Date;
}

export const systemClock: Clock = () => new Date();

function readDate(value: unknown, field: string, problems: DomainErrorDetail[]): DateFact | undefined {
  if (value === undefined || value === null) return undefined;
  const parts = parseIsoDate(value);
  if (parts === null) {
    problems.push({ field, message: `is not a real calendar date in the form YYYY-MM-DD: ${JSON.stringify(value)}` });
    return undefined;
  }
  return { iso: value as IsoDate, parts, day: dayNumberOfParts(parts) };
}

function checkOneOf(value: unknown, allowed: ReadonlySet<string>, field: string, problems: DomainErrorDetail[]): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !allowed.has(value)) {
    problems.push({ field, message: `must be one of: ${[...allowed].join(', ')}` });
  }
}

const routeSet: ReadonlySet<string> = new Set(eligibilityRoutes);
const residenceSet: ReadonlySet<string> = new Set(residenceBases);
const sentenceSet: ReadonlySet<string> = new Set(convictionSentences);
const placeSet: ReadonlySet<string> = new Set(incidentPlaces);
const kindSet: ReadonlySet<string> = new Set(incidentKinds);
const diagnosisSet: ReadonlySet<string> = new Set(mentalInjuryDiagnoses);
const relationshipSet: ReadonlySet<string> = new Set(fatalRelationships);

/**
 * Reads the facts' dates and checks that the facts could all be true. Returns the read facts and every
 * problem found (none for possible facts). `receivedOn` absent means today, by the clock, in the UK.
 */
export function readEligibilityFacts(
  facts: EligibilityFacts,
  clock: Clock = systemClock,
): { readonly read: ReadFacts | undefined; readonly problems: readonly DomainErrorDetail[] } {
  const problems: DomainErrorDetail[] = [];
  const applicant = facts.applicant ?? undefined;
  const incident = facts.incident ?? undefined;

  const receivedOnGiven = facts.receivedOn !== undefined && facts.receivedOn !== null;
  const received = readDate(receivedOnGiven ? facts.receivedOn : calendarDateInUk(clock()), 'receivedOn', problems);
  const dateOfBirth = readDate(applicant?.dateOfBirth, 'applicant.dateOfBirth', problems);
  const incidentDate = readDate(incident?.date, 'incident.date', problems);
  const lastDate = readDate(incident?.lastDate, 'incident.lastDate', problems);
  const reportedOn = readDate(incident?.reportedOn, 'incident.reportedOn', problems);

  if (received !== undefined) {
    if (incidentDate !== undefined && incidentDate.day > received.day) {
      problems.push({
        field: 'incident.date',
        message: `is after the date the application was received (${received.iso})`,
      });
    }
    if (lastDate !== undefined && lastDate.day > received.day) {
      problems.push({
        field: 'incident.lastDate',
        message: `is after the date the application was received (${received.iso})`,
      });
    }
  }
  if (lastDate !== undefined && incidentDate !== undefined && lastDate.day < incidentDate.day) {
    problems.push({ field: 'incident.lastDate', message: `is before the first incident (${incidentDate.iso})` });
  }
  if (reportedOn !== undefined && incidentDate !== undefined && reportedOn.day < incidentDate.day) {
    problems.push({ field: 'incident.reportedOn', message: `is before the incident (${incidentDate.iso})` });
  }
  if (dateOfBirth !== undefined) {
    if (incidentDate !== undefined && dateOfBirth.day > incidentDate.day) {
      problems.push({ field: 'applicant.dateOfBirth', message: `is after the incident (${incidentDate.iso})` });
    } else if (received !== undefined && dateOfBirth.day > received.day) {
      problems.push({
        field: 'applicant.dateOfBirth',
        message: `is after the date the application was received (${received.iso})`,
      });
    }
  }

  checkOneOf(facts.route, routeSet, 'route', problems);
  checkOneOf(incident?.place, placeSet, 'incident.place', problems);
  checkOneOf(incident?.kind, kindSet, 'incident.kind', problems);
  applicant?.residence?.forEach((basis, index) =>
    checkOneOf(basis, residenceSet, `applicant.residence.${index}`, problems),
  );
  applicant?.unspentConvictions?.forEach((conviction, index) =>
    checkOneOf(conviction?.sentence, sentenceSet, `applicant.unspentConvictions.${index}.sentence`, problems),
  );
  const mentalInjury = facts.injuries?.mentalInjury ?? undefined;
  checkOneOf(mentalInjury?.diagnosis, diagnosisSet, 'injuries.mentalInjury.diagnosis', problems);
  const weeks = mentalInjury?.durationWeeks;
  if (weeks !== undefined && weeks !== null && !(typeof weeks === 'number' && weeks >= 0 && Number.isFinite(weeks))) {
    problems.push({ field: 'injuries.mentalInjury.durationWeeks', message: 'must be a number of weeks, 0 or more' });
  }
  checkOneOf(facts.fatal?.relationship, relationshipSet, 'fatal.relationship', problems);

  if (received === undefined || problems.length > 0) return { read: undefined, problems };
  return {
    read: {
      received,
      dateOfBirth,
      incidentDate,
      lastIncidentDate: lastDate ?? incidentDate,
      reportedOn,
    },
    problems,
  };
}

/** Every reason the facts cannot all be true; `[]` when they can. For boundary validation without throwing. */
export function findImpossibleFacts(facts: EligibilityFacts, clock: Clock = systemClock): readonly DomainErrorDetail[] {
  return readEligibilityFacts(facts, clock).problems;
}
