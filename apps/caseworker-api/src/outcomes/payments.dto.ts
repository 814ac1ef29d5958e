import { ApiProperty } from '@nestjs/swagger';
import { payeeKinds, paymentKinds, type PayeeKind, type PaymentKind } from '@redress/domain';
import { IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { VersionBody } from '../casework/work.dto.js';

/** An account reference: sort code and number, a building society roll number, or a trust's reference. */
export const ACCOUNT_PATTERN = /^[A-Za-z0-9 /-]{4,64}$/;

export class PayeeBody extends VersionBody {
  @ApiProperty({ enum: payeeKinds })
  @IsIn(payeeKinds)
  payeeKind: PayeeKind;

  @ApiProperty({ example: '40-47-84 70872490', description: 'The payee’s account (stored encrypted).' })
  @Matches(ACCOUNT_PATTERN)
  account: string;
}

export class PayeeResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'A payee a caseworker recorded can be paid only once a second person approves it.' })
  approved: boolean;
  @ApiProperty() version: number;
}

export class PaymentBody extends VersionBody {
  @ApiProperty({ enum: paymentKinds })
  @IsIn(paymentKinds)
  kind: PaymentKind;

  @ApiProperty({ minimum: 1, maximum: 100_000_000, description: 'Integer pence.' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountPence: number;

  @ApiProperty({ format: 'uuid', description: 'One of the claim’s payees (given by the victim, or approved).' })
  @IsUUID('4')
  payeeId: string;
}

export class PaymentResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['proposed', 'instructing'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'A child’s payment is held until their 18th birthday.' })
  holdUntil: string | null;
  @ApiProperty() version: number;
}

export class PaymentApprovalResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['instructing'] }) status: string;
  @ApiProperty() version: number;
}
