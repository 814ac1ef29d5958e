import type { ClaimStatus } from '@redress/domain';
import type { StaffActor } from '../../staff/staff-actor.js';

export interface ListWorkCommand {
  readonly actor: StaffActor;
  /** Defaults to the caller's team; another team only for team leaders and auditors. */
  readonly team?: string;
  readonly status?: ClaimStatus;
  readonly priority?: number;
  readonly dueBefore?: Date;
  readonly assigned?: 'me' | 'unassigned';
  readonly cursor?: string;
  readonly limit: number;
}
