import { ApiProperty } from '@nestjs/swagger';
import { payeeKinds, withdrawalReasons, type PayeeKind, type WithdrawalReason } from '@redress/domain';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class WithdrawClaimDto {
  @ApiProperty({ enum: withdrawalReasons })
  @IsIn(withdrawalReasons)
  reason: WithdrawalReason;
}

export class RequestReviewDto {
  @ApiProperty({
    description: 'Why you think the decision is wrong, in your own words',
    minLength: 10,
    maxLength: 5000,
  })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'reasons must not be blank' })
  reasons: string;
}

export class AnswerInformationRequestDto {
  @ApiProperty({ maxLength: 5000 })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @Matches(/\S/, { message: 'answer must not be blank' })
  answer: string;
}

export class PaymentDetailsDto {
  @ApiProperty({ enum: payeeKinds, description: 'Whose account it is: yours (victim), or the person paid for you' })
  @IsIn(payeeKinds)
  payeeKind: PayeeKind;

  @ApiProperty({ example: '40-47-84 70872490', description: 'Sort code and account number, or a roll number' })
  @Matches(/^[A-Za-z0-9 /-]{4,64}$/)
  account: string;
}
