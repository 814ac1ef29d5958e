import { DomainError, DomainErrorKind } from '@redress/domain';
import { forbidden, hasRole, type StaffActor } from '../staff/staff-actor.js';
import { ApprovalQueries, type ApprovalPosition, type AwaitingApproval } from './approval-queries.js';

export interface ListApprovalsCommand {
  readonly actor: StaffActor;
  readonly cursor?: string;
  readonly limit: number;
}

export interface ApprovalPage {
  readonly items: readonly AwaitingApproval[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

const invalidCursor = () =>
  new DomainError('approvals.invalid-cursor', DomainErrorKind.InvalidInput, 'The cursor is not one this API gave.', [
    { field: 'cursor', message: 'cursor is not one this API gave' },
  ]);

/** An opaque cursor: the last position of a page, base64url JSON. The caller must not build or read it. */
export function encodeApprovalCursor(position: ApprovalPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id])).toString('base64url');
}

export function decodeApprovalCursor(cursor: string): ApprovalPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidCursor();
  const when = new Date(at);
  if (Number.isNaN(when.getTime())) throw invalidCursor();
  return { at: when, id };
}

/**
 * The senior caseworker's four-eyes queue: the decisions and payments waiting for a second approval that they may
 * give (not their own proposals, nor payments of awards they calculated), oldest first, by keyset.
 */
export class ListApprovals {
  constructor(private readonly queries: ApprovalQueries) {}

  async execute(command: ListApprovalsCommand): Promise<ApprovalPage> {
    if (!hasRole(command.actor, 'senior-caseworker')) {
      throw forbidden('approvals.not-senior', 'Only senior caseworkers approve decisions and payments.');
    }
    const after = command.cursor ? decodeApprovalCursor(command.cursor) : null;
    const items = await this.queries.page(command.actor.staffId, after, command.limit + 1);
    const page = items.slice(0, command.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor:
        items.length > command.limit && last ? encodeApprovalCursor({ at: last.proposedAt, id: last.id }) : null,
    };
  }
}
