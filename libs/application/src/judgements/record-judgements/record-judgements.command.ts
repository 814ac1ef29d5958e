import type { ConductEffect, JudgementKind } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface RecordJudgementsCommand {
  readonly actor: StaffActor;
  readonly reference: string;
  readonly expectedVersion: number;
  /** The new findings; earlier ones on the claim still stand unless a new one on the same question replaces them. */
  readonly judgements: readonly {
    readonly kind: JudgementKind;
    readonly reason: string;
    readonly conductEffect?: ConductEffect;
    readonly reductionPercent?: number;
  }[];
}
