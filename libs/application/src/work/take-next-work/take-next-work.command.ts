import type { StaffActor } from '../../staff/staff-actor.js';

export interface TakeNextWorkCommand {
  readonly actor: StaffActor;
}
