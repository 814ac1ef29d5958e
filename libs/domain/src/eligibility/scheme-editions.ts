import { toDayNumber, type IsoDate } from '../shared/calendar-date.js';

/**
 * Scheme editions as dated data. Every date and period the eligibility rules use lives here, so a new
 * edition is a new entry (see docs/eligibility.md), not a change to the rules.
 */
export interface SchemeEdition {
  /** The name an assessment records, e.g. `"CICS-2012 as amended 2019-06-13"`. */
  readonly name: string;
  readonly scheme: 'CICS-2012';
  /** Applications received on or after this date are decided under this edition (para 2). */
  readonly inForceFrom: IsoDate;
  /** No award for an injury sustained before this date (para 17). */
  readonly earliestIncidentDate: IsoDate;
  /** The "same roof" bar (para 19): incidents before this date while living with the assailant as family. */
  readonly sameRoofBar: { readonly incidentBefore: IsoDate } | null;
  /**
   * The same-roof transitional window (para 88A), and whether para 18 lets through an earlier application
   * refused (or never made) because of old para 19.
   */
  readonly sameRoofTransitional: {
    readonly incidentBefore: IsoDate;
    readonly applyBy: IsoDate;
    readonly previousApplicationExcepted: boolean;
  } | null;
  readonly timeLimits: {
    /** Adults apply within this many years of the (last) incident (para 87). */
    readonly adultYears: number;
    /** Age of majority for the time limits and para 21. */
    readonly adultAge: number;
    /** Under 18 and reported before 18: apply before this birthday (para 88(a)). */
    readonly childReportedApplyBeforeAge: number;
    /** Under 18 and reported at 18 or later: apply within this many years of the first report (para 88(b)). */
    readonly childLateReportYears: number;
  };
  /** Engine policy, not scheme text: a report this many days after the (last) incident is prompt (para 22). */
  readonly promptPoliceReportDays: number;
  /** A disabling mental injury lasting more than this many weeks is within the tariff (Annex E Part A). */
  readonly mentalInjuryMinimumWeeks: number;
}

const cics2012AsMade: SchemeEdition = {
  name: 'CICS-2012 as made 2012-11-27',
  scheme: 'CICS-2012',
  inForceFrom: '2012-11-27',
  earliestIncidentDate: '1964-08-01',
  sameRoofBar: { incidentBefore: '1979-10-01' },
  sameRoofTransitional: null,
  timeLimits: { adultYears: 2, adultAge: 18, childReportedApplyBeforeAge: 20, childLateReportYears: 2 },
  promptPoliceReportDays: 2,
  mentalInjuryMinimumWeeks: 6,
};

// CICS 2012 (Amendment) Instrument 2019, after JT v FtT [2018] EWCA Civ 1735: para 19 omitted, para 88A
// added with a 2-year window from the amendment, and para 18 no bar to those refused under old para 19.
const cics2012Amended2019: SchemeEdition = {
  ...cics2012AsMade,
  name: 'CICS-2012 as amended 2019-06-13',
  inForceFrom: '2019-06-13',
  sameRoofBar: null,
  sameRoofTransitional: { incidentBefore: '1979-10-01', applyBy: '2021-06-13', previousApplicationExcepted: true },
};

/** Every edition, oldest first. */
export const schemeEditions: readonly SchemeEdition[] = Object.freeze([cics2012AsMade, cics2012Amended2019]);

const editionStartDays = schemeEditions.map((edition) => toDayNumber(edition.inForceFrom));

/** The edition in force for an application received on a day number (days since 1970-01-01), if any. */
export function editionInForceOnDayNumber(dayNumber: number): SchemeEdition | undefined {
  for (let index = schemeEditions.length - 1; index >= 0; index -= 1) {
    if (dayNumber >= (editionStartDays[index] ?? Infinity)) return schemeEditions[index];
  }
  return undefined;
}

/**
 * The edition that decides an application received on `date`; `undefined` before CICS 2012 took effect
 * (an earlier scheme governs those). Throws InvalidCalendarDateError for a date that is not `YYYY-MM-DD`.
 */
export function editionInForce(date: IsoDate): SchemeEdition | undefined {
  return editionInForceOnDayNumber(toDayNumber(date));
}

export function schemeEditionNamed(name: string): SchemeEdition | undefined {
  return schemeEditions.find((edition) => edition.name === name);
}

/** An edition's dates as day numbers, computed once per edition for the engine's hot path. */
export interface SchemeEditionDays {
  readonly earliestIncidentDate: number;
  readonly sameRoofIncidentBefore: number | undefined;
  readonly sameRoofApplyBy: number | undefined;
}

const dayNumbersByEdition = new WeakMap<SchemeEdition, SchemeEditionDays>();

export function schemeEditionDays(edition: SchemeEdition): SchemeEditionDays {
  let days = dayNumbersByEdition.get(edition);
  if (days === undefined) {
    const sameRoofIncidentBefore = edition.sameRoofBar?.incidentBefore ?? edition.sameRoofTransitional?.incidentBefore;
    days = {
      earliestIncidentDate: toDayNumber(edition.earliestIncidentDate),
      sameRoofIncidentBefore: sameRoofIncidentBefore === undefined ? undefined : toDayNumber(sameRoofIncidentBefore),
      sameRoofApplyBy:
        edition.sameRoofTransitional === null ? undefined : toDayNumber(edition.sameRoofTransitional.applyBy),
    };
    dayNumbersByEdition.set(edition, days);
  }
  return days;
}
