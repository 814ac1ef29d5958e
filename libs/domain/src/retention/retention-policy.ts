import { addDays, addYears, compareIsoDates, type IsoDate } from '../shared/calendar-date.js';

/** The classes of record that Redress keeps, each with its own retention rule. */
export const recordClasses = [
  'draft-application',
  'refused-claim',
  'withdrawn-claim',
  'paid-and-closed-claim',
  'referral',
  'access-log',
  'audit-log',
] as const;
export type RecordClass = (typeof recordClasses)[number];

export type RetentionAction = 'erase' | 'anonymise';

/**
 * One rule: how long after which event a record of the class is kept, and what then happens to it.
 * `anonymise` keeps the parts needed for statistics and fairness monitoring, with nothing that identifies a
 * person; `erase` deletes the record and its files, leaving a tombstone.
 */
export interface RetentionRule {
  readonly recordClass: RecordClass;
  /** The event the period runs from, in words, for the tombstone and the docs. */
  readonly from: string;
  readonly keepYears: number;
  readonly keepDays: number;
  readonly action: RetentionAction;
  /** Why this period: the law or the business need behind it. */
  readonly basis: string;
}

/**
 * The default schedule (documented in docs/security.md). A data protection officer may change it; each
 * deployment's schedule is data, not code.
 */
export const defaultRetentionSchedule: readonly RetentionRule[] = [
  {
    recordClass: 'draft-application',
    from: 'the last change to the draft',
    keepYears: 0,
    keepDays: 30,
    action: 'erase',
    basis: 'Drafts are kept only while the person is applying; they are told the expiry date on every save.',
  },
  {
    recordClass: 'refused-claim',
    from: 'the final decision (after any review and appeal)',
    keepYears: 2,
    keepDays: 0,
    action: 'anonymise',
    basis: 'Time for a late review or appeal and for re-applications to be checked against (para 18).',
  },
  {
    recordClass: 'withdrawn-claim',
    from: 'the withdrawal',
    keepYears: 2,
    keepDays: 0,
    action: 'anonymise',
    basis: 'A withdrawn claim may be re-opened or re-made; para 18 checks previous applications.',
  },
  {
    recordClass: 'paid-and-closed-claim',
    from: 'closure (for a child held award: the final payment)',
    keepYears: 6,
    keepDays: 0,
    action: 'anonymise',
    basis: 'Limitation Act 1980 six-year period for claims about the payment; reopening under para 114 onward.',
  },
  {
    recordClass: 'referral',
    from: 'the referral closing, expiring or being withdrawn',
    keepYears: 2,
    keepDays: 0,
    action: 'erase',
    basis: 'Enough to follow up and report on the service; partners keep their own records under their own notices.',
  },
  {
    recordClass: 'access-log',
    from: 'the access',
    keepYears: 2,
    keepDays: 0,
    action: 'erase',
    basis: 'Long enough to answer a complaint or a subject access request about who looked at a claim.',
  },
  {
    recordClass: 'audit-log',
    from: 'the entry',
    keepYears: 7,
    keepDays: 0,
    action: 'erase',
    basis: 'Entries hold ids and codes only; kept for audit of public funds (six years plus the current year).',
  },
];

export interface RetainedRecord {
  readonly recordClass: RecordClass;
  /** The date of the event the rule runs from. */
  readonly since: IsoDate;
  /** A legal hold (litigation, a complaint, a police request) stops every erasure until it is lifted. */
  readonly legalHold: boolean;
}

export type RetentionDecision =
  | { readonly action: 'keep'; readonly dueOn: IsoDate | null; readonly reason: string }
  | {
      readonly action: RetentionAction;
      readonly dueOn: IsoDate;
      readonly rule: RetentionRule;
      readonly reason: string;
    };

export function retentionRuleFor(
  recordClass: RecordClass,
  schedule: readonly RetentionRule[] = defaultRetentionSchedule,
): RetentionRule {
  const rule = schedule.find((candidate) => candidate.recordClass === recordClass);
  if (!rule) throw new Error(`no retention rule for ${recordClass}`);
  return rule;
}

/** The last day a record is kept; it is due for its action the day after. */
export function retainedUntil(
  record: Pick<RetainedRecord, 'recordClass' | 'since'>,
  schedule?: readonly RetentionRule[],
): IsoDate {
  const rule = retentionRuleFor(record.recordClass, schedule);
  return addDays(addYears(record.since, rule.keepYears), rule.keepDays);
}

/** What retention asks for a record today: keep it, or erase or anonymise it under which rule. */
export function decideRetention(
  record: RetainedRecord,
  today: IsoDate,
  schedule?: readonly RetentionRule[],
): RetentionDecision {
  const rule = retentionRuleFor(record.recordClass, schedule);
  const until = retainedUntil(record, schedule);
  const dueOn = addDays(until, 1);
  if (record.legalHold) return { action: 'keep', dueOn: null, reason: 'under a legal hold' };
  if (compareIsoDates(today, dueOn) < 0) return { action: 'keep', dueOn, reason: `kept until ${until}` };
  return {
    action: rule.action,
    dueOn,
    rule,
    reason: `${rule.keepYears ? `${rule.keepYears} year(s)` : ''}${rule.keepYears && rule.keepDays ? ' and ' : ''}${
      rule.keepDays ? `${rule.keepDays} day(s)` : ''
    } after ${rule.from}`,
  };
}
