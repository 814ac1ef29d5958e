import type { IsoDate } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface ClaimsPerWeekReportCommand {
  readonly actor: StaffActor;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}
