import type { AwardInput } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface CalculateAwardForClaimCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly input: AwardInput;
}
