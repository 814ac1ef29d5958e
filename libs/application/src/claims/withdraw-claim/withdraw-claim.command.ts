import type { WithdrawalReason } from '@redress/domain';

export interface WithdrawClaimCommand {
  readonly citizenId: string;
  readonly reference: string;
  readonly reason: WithdrawalReason;
}
