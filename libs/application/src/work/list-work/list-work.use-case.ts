import { DomainError, DomainErrorKind } from '@redress/domain';
import { forbidden, hasRole } from '../../staff/staff-actor.js';
import { decodeWorkCursor, encodeWorkCursor } from '../work-cursor.js';
import { WorkStore, type WorkItem } from '../work-store.js';
import type { ListWorkCommand } from './list-work.command.js';

export interface WorkPage {
  readonly items: readonly WorkItem[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

/** A page of a team's work queue, most urgent first, by keyset (an opaque cursor). */
export class ListWork {
  constructor(private readonly store: WorkStore) {}

  async execute(command: ListWorkCommand): Promise<WorkPage> {
    const team = command.team ?? command.actor.team;
    if (!team) {
      throw new DomainError('work.no-team', DomainErrorKind.InvalidInput, 'Your token names no team: give one.', [
        { field: 'team', message: 'team is required when your token names none' },
      ]);
    }
    if (team !== command.actor.team && !hasRole(command.actor, 'team-leader', 'auditor')) {
      throw forbidden('work.other-team', 'Only team leaders and auditors may see another team’s queue.');
    }
    const after = command.cursor ? decodeWorkCursor(command.cursor) : null;
    const items = await this.store.page(
      {
        team,
        ...(command.status ? { status: command.status } : {}),
        ...(command.priority ? { priority: command.priority } : {}),
        ...(command.dueBefore ? { dueBefore: command.dueBefore } : {}),
        ...(command.assigned === 'me'
          ? { assigned: { kind: 'me', staffId: command.actor.staffId } }
          : command.assigned === 'unassigned'
            ? { assigned: { kind: 'unassigned' } }
            : {}),
        viewerStaffId: command.actor.staffId,
      },
      after,
      command.limit + 1,
    );
    const page = items.slice(0, command.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor:
        items.length > command.limit && last
          ? encodeWorkCursor({ priority: last.priority, dueAt: last.serviceLevelDueAt, id: last.claimId })
          : null,
    };
  }
}
