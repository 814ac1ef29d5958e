import type { StaffActor } from '../../staff/staff-actor.js';
import type { DecisionRequest } from '../decision-draft.js';

export interface MakeDecisionCommand extends DecisionRequest {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
}
