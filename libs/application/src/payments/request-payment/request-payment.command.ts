import type { PaymentKind } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface RequestPaymentCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly kind: PaymentKind;
  readonly amountPence: number;
  /** A payee of the claim: given by the victim, or recorded by a caseworker and approved by a second. */
  readonly payeeId: string;
}
