import type { PayeeKind, PaymentKind } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface RequestPaymentCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  readonly kind: PaymentKind;
  readonly amountPence: number;
  readonly payeeKind: PayeeKind;
  readonly payeeReference: string;
}
