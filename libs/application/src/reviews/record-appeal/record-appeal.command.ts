import type { IsoDate } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface RecordAppealCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  /** The day the appeal was lodged with the First-tier Tribunal (Criminal Injuries Compensation). */
  readonly lodgedOn: IsoDate;
  readonly tribunalReference: string | null;
}
