import { calendarDateInUk, isAfter, type IsoDate } from '../shared/calendar-date.js';
import { DomainError, DomainErrorKind } from '../shared/domain-error.js';
import type { WorkingDayCalendar } from './working-days.js';

export const referralStatuses = [
  'proposed',
  'consented',
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'in_progress',
  'closed',
  'withdrawn',
  'expired',
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Why a partner could not take a referral on (coded, like FHIR `Task.statusReason`). */
export const declineReasons = [
  'out-of-area',
  'no-capacity',
  'not-eligible',
  'could-not-contact',
  'declined-by-person',
  'other',
] as const;
export type DeclineReason = (typeof declineReasons)[number];

/** How a referral ended (findhelp's "got help / couldn't get help / couldn't contact / no longer interested"). */
export const referralOutcomes = ['support-given', 'partly-given', 'could-not-contact', 'no-longer-wanted'] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

/** States after which nothing more happens to a referral. */
export const finishedReferralStatuses: readonly ReferralStatus[] = ['declined', 'closed', 'withdrawn', 'expired'];
/** States in which the organisation holds the person's details and may read them (with live consent). */
export const sharedReferralStatuses: readonly ReferralStatus[] = ['sent', 'acknowledged', 'accepted', 'in_progress'];

export interface ReferralClockSettings {
  /** Victims' Code right 4: a consented referral is sent within this many working days (2). */
  readonly sendWithinWorkingDays: number;
  /** A sent referral not acknowledged within this many working days expires. */
  readonly acknowledgeWithinWorkingDays: number;
}

export const defaultReferralClockSettings: ReferralClockSettings = {
  sendWithinWorkingDays: 2,
  acknowledgeWithinWorkingDays: 5,
};

export interface ReferralState {
  readonly id: string;
  readonly status: ReferralStatus;
  readonly consentedAt: Date | null;
  /** The last UK working day on which sending keeps the Victims' Code right 4 promise. */
  readonly sendDueOn: IsoDate | null;
  readonly sentAt: Date | null;
  /** Set when the referral was sent late, or found unsent after its due day. */
  readonly sendBreachedAt: Date | null;
  readonly acknowledgeDueOn: IsoDate | null;
  readonly acknowledgedAt: Date | null;
  readonly decidedAt: Date | null;
  readonly declineReason: DeclineReason | null;
  readonly startedAt: Date | null;
  readonly closedAt: Date | null;
  readonly outcome: ReferralOutcome | null;
  readonly withdrawnAt: Date | null;
  readonly expiredAt: Date | null;
}

export type ReferralEventType =
  | 'referral.consented'
  | 'referral.sent'
  | 'referral.send-breached'
  | 'referral.acknowledged'
  | 'referral.accepted'
  | 'referral.declined'
  | 'referral.started'
  | 'referral.updated'
  | 'referral.closed'
  | 'referral.withdrawn'
  | 'referral.expired';

export interface ReferralEvent {
  readonly type: ReferralEventType;
  readonly referralId: string;
  readonly occurredAt: Date;
  /** Codes only (reason, outcome): events feed the audit log and webhooks. */
  readonly details: Readonly<Record<string, string>>;
}

export class ReferralTransitionError extends DomainError {
  constructor(from: ReferralStatus, action: string) {
    super('referrals.illegal-transition', DomainErrorKind.IllegalTransition, `A ${from} referral cannot be ${action}.`);
  }
}

/**
 * The referral aggregate: a warm referral of one victim to one service, from proposal to outcome.
 * `proposed -> consented -> sent -> acknowledged -> accepted | declined -> in_progress -> closed`, with
 * `withdrawn` (the victim withdrew consent) and `expired` (no answer in time). Each method checks the
 * current state and records an event; the caller persists the state and the events together.
 */
export class Referral {
  private current: ReferralState;
  private readonly recorded: ReferralEvent[] = [];

  private constructor(state: ReferralState) {
    this.current = state;
  }

  static proposed(id: string): Referral {
    return new Referral({
      id,
      status: 'proposed',
      consentedAt: null,
      sendDueOn: null,
      sentAt: null,
      sendBreachedAt: null,
      acknowledgeDueOn: null,
      acknowledgedAt: null,
      decidedAt: null,
      declineReason: null,
      startedAt: null,
      closedAt: null,
      outcome: null,
      withdrawnAt: null,
      expiredAt: null,
    });
  }

  static restore(state: ReferralState): Referral {
    return new Referral(state);
  }

  get state(): ReferralState {
    return this.current;
  }

  get status(): ReferralStatus {
    return this.current.status;
  }

  /** Events recorded since the aggregate was loaded. */
  get events(): readonly ReferralEvent[] {
    return this.recorded;
  }

  get isFinished(): boolean {
    return finishedReferralStatuses.includes(this.current.status);
  }

  private require(allowed: readonly ReferralStatus[], action: string): void {
    if (!allowed.includes(this.current.status)) throw new ReferralTransitionError(this.current.status, action);
  }

  private apply(
    changes: Partial<ReferralState>,
    type: ReferralEventType,
    at: Date,
    details: Record<string, string> = {},
  ) {
    this.current = { ...this.current, ...changes };
    this.recorded.push({ type, referralId: this.current.id, occurredAt: at, details });
  }

  /** Victims' Code right 4: once consent is given, the referral must be sent within 2 working days. */
  consent(at: Date, calendar: WorkingDayCalendar, settings: ReferralClockSettings): void {
    this.require(['proposed'], 'consented to');
    const sendDueOn = calendar.addWorkingDays(calendarDateInUk(at), settings.sendWithinWorkingDays);
    this.apply({ status: 'consented', consentedAt: at, sendDueOn }, 'referral.consented', at, { sendDueOn });
  }

  /** Whether the send clock has run out at this instant without the referral being sent. */
  isSendOverdue(at: Date): boolean {
    return (
      this.current.status === 'consented' &&
      this.current.sendDueOn !== null &&
      isAfter(calendarDateInUk(at), this.current.sendDueOn)
    );
  }

  /** Records a breach of the send clock once (found by the clock sweep before the referral could go). */
  flagSendBreach(at: Date): boolean {
    if (!this.isSendOverdue(at) || this.current.sendBreachedAt) return false;
    this.apply({ sendBreachedAt: at }, 'referral.send-breached', at, { sendDueOn: this.current.sendDueOn ?? '' });
    return true;
  }

  send(at: Date, calendar: WorkingDayCalendar, settings: ReferralClockSettings): void {
    this.require(['consented'], 'sent');
    const late = this.isSendOverdue(at);
    if (late && !this.current.sendBreachedAt) {
      this.apply({ sendBreachedAt: at }, 'referral.send-breached', at, { sendDueOn: this.current.sendDueOn ?? '' });
    }
    const acknowledgeDueOn = calendar.addWorkingDays(calendarDateInUk(at), settings.acknowledgeWithinWorkingDays);
    this.apply({ status: 'sent', sentAt: at, acknowledgeDueOn }, 'referral.sent', at, { acknowledgeDueOn });
  }

  acknowledge(at: Date): void {
    this.require(['sent'], 'acknowledged');
    this.apply({ status: 'acknowledged', acknowledgedAt: at }, 'referral.acknowledged', at);
  }

  /** Accepting a referral that was not acknowledged first acknowledges it too. */
  accept(at: Date): void {
    this.require(['sent', 'acknowledged'], 'accepted');
    this.apply(
      { status: 'accepted', acknowledgedAt: this.current.acknowledgedAt ?? at, decidedAt: at },
      'referral.accepted',
      at,
    );
  }

  decline(at: Date, reason: DeclineReason): void {
    this.require(['sent', 'acknowledged'], 'declined');
    this.apply(
      { status: 'declined', acknowledgedAt: this.current.acknowledgedAt ?? at, decidedAt: at, declineReason: reason },
      'referral.declined',
      at,
      { reason },
    );
  }

  /** A progress update: the first one starts the support. */
  update(at: Date): void {
    this.require(['accepted', 'in_progress'], 'updated');
    if (this.current.status === 'accepted')
      this.apply({ status: 'in_progress', startedAt: at }, 'referral.started', at);
    else this.apply({}, 'referral.updated', at);
  }

  close(at: Date, outcome: ReferralOutcome): void {
    this.require(['accepted', 'in_progress'], 'closed');
    this.apply({ status: 'closed', closedAt: at, outcome }, 'referral.closed', at, { outcome });
  }

  /** The victim withdrew consent: the organisation loses access at once, whatever stage it had reached. */
  withdraw(at: Date): void {
    if (this.isFinished) throw new ReferralTransitionError(this.current.status, 'withdrawn');
    this.apply({ status: 'withdrawn', withdrawnAt: at }, 'referral.withdrawn', at);
  }

  /** Whether the acknowledgement clock has run out at this instant. */
  isAcknowledgementOverdue(at: Date): boolean {
    return (
      this.current.status === 'sent' &&
      this.current.acknowledgeDueOn !== null &&
      isAfter(calendarDateInUk(at), this.current.acknowledgeDueOn)
    );
  }

  expire(at: Date): void {
    if (!this.isAcknowledgementOverdue(at)) throw new ReferralTransitionError(this.current.status, 'expired yet');
    this.apply({ status: 'expired', expiredAt: at }, 'referral.expired', at);
  }

  /** Whether the next best service should be offered now: after a decline the person did not ask for, or expiry. */
  get wantsNextBestMatch(): boolean {
    return (
      this.current.status === 'expired' ||
      (this.current.status === 'declined' && this.current.declineReason !== 'declined-by-person')
    );
  }
}
