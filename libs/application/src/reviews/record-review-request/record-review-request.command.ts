import type { IsoDate } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface RecordReviewRequestCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  /** The day the request was received (by post, phone or email). */
  readonly requestedOn: IsoDate;
  /** The exceptional circumstances that kept the victim from asking in time (para 118); needed only when late. */
  readonly extensionReason: string | null;
}
