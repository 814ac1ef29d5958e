import type { StaffActor } from '../../staff/staff-actor.js';
import type { InformationRequestDueDate } from '../information-request-changes.js';

export interface MoveInformationRequestDueDateCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly informationRequestId: string;
  /** So many working days from today, or a working day after today. */
  readonly dueDate: InformationRequestDueDate;
  /** Why (kept encrypted with the change). */
  readonly reason: string;
}
