import type { IsoDate, TribunalOutcome } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface RecordAppealOutcomeCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly appealId: string;
  readonly expectedVersion: number;
  readonly outcome: TribunalOutcome;
  readonly outcomeOn: IsoDate;
}
