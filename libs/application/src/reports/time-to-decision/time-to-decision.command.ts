import type { IsoDate } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface TimeToDecisionReportCommand {
  readonly actor: StaffActor;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}
