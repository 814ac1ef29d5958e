import type { StaffActor } from '../../staff/staff-actor.js';

/** Why an approver sends a proposed decision back to the caseworker. */
export const decisionReturnReasons = [
  'more-evidence-needed',
  'amount-wrong',
  'grounds-wrong',
  'reasons-unclear',
  'other',
] as const;
export type DecisionReturnReason = (typeof decisionReturnReasons)[number];

export interface ReturnDecisionCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly decisionId: string;
  readonly expectedVersion: number;
  readonly reasonCode: DecisionReturnReason;
}
