import type { StaffActor } from '../../staff/staff-actor.js';

export interface AddNoteCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly body: string;
}
