import { decodeAccessHistoryCursor, encodeAccessHistoryCursor } from './access-history-cursor.js';
import { AccessHistoryQueries, type AccessReader, type AccessReadGroup } from './access-history-queries.js';

export interface ListMyAccessHistoryCommand {
  readonly citizenId: string;
  readonly cursor?: string;
  /** 1 to 100; 25 when not given. */
  readonly limit?: number;
}

/** One line of "who has seen my claim": reads by one kind of reader, for one purpose, within one hour. */
export interface AccessHistoryEntry {
  /** The newest read of the group. */
  readonly at: Date;
  /** The first read of the group (the same as `at` when there was one). */
  readonly firstAt: Date;
  readonly count: number;
  readonly who:
    | {
        readonly kind: 'staff';
        readonly role: string;
        readonly team: string | null;
        readonly description: string;
      }
    | {
        readonly kind: 'support-organisation';
        readonly organisationId: string;
        readonly organisationName: string | null;
        readonly description: string;
      };
  readonly purpose: string;
  readonly purposeDescription: string;
  readonly viewed:
    | { readonly type: 'claim'; readonly claimReference: string; readonly views: readonly string[] }
    | {
        readonly type: 'referral';
        readonly referralId: string;
        readonly claimReference: string | null;
        readonly views: readonly string[];
      };
}

export interface AccessHistoryPage {
  readonly entries: readonly AccessHistoryEntry[];
  /** Pass back as `cursor` for the next page; `null` on the last page. */
  readonly nextCursor: string | null;
}

const roleWords: Record<string, string> = {
  caseworker: 'a caseworker',
  'senior-caseworker': 'a senior caseworker',
  'team-leader': 'a team leader',
  auditor: 'an auditor',
  administrator: 'an administrator',
};

const purposeWords: Record<string, string> = {
  casework: 'to work on your claim',
  approval: 'to approve a decision on your claim',
  review: 'to review a decision on your claim',
  'quality-check': 'to check the quality of our work on claims',
  audit: 'to audit how claims are handled',
  complaint: 'to look into a complaint',
  'subject-access': 'to answer a request for your data',
  'support-referral': 'to give you the support you were referred for',
};

/** Who read, in words, in role terms only (never a staff id or name). */
export function describeReader(reader: AccessReader): string {
  if (reader.kind === 'support-organisation') {
    return reader.organisationName ? `${reader.organisationName} (a support organisation)` : 'a support organisation';
  }
  const role = roleWords[reader.role] ?? 'a member of staff';
  return reader.team ? `${role} in team ${reader.team}` : role;
}

export function describePurpose(purpose: string): string {
  return purposeWords[purpose] ?? 'for a reason not recorded in words';
}

function toEntry(group: AccessReadGroup): AccessHistoryEntry {
  const { reader, target } = group;
  return {
    at: group.lastAt,
    firstAt: group.firstAt,
    count: group.count,
    who:
      reader.kind === 'staff'
        ? { kind: 'staff', role: reader.role, team: reader.team, description: describeReader(reader) }
        : {
            kind: 'support-organisation',
            organisationId: reader.organisationId,
            organisationName: reader.organisationName,
            description: describeReader(reader),
          },
    purpose: group.purpose,
    purposeDescription: describePurpose(group.purpose),
    viewed:
      target.type === 'claim'
        ? { type: 'claim', claimReference: target.claimReference, views: group.views }
        : {
            type: 'referral',
            referralId: target.referralId,
            claimReference: target.claimReference,
            views: group.views,
          },
  };
}

export const ACCESS_HISTORY_DEFAULT_LIMIT = 25;
export const ACCESS_HISTORY_MAX_LIMIT = 100;

/**
 * "Who has seen my claim" (UK GDPR art. 15(1)(c), the recipients of your data): reads of the citizen's own claims
 * and referrals by staff and support organisations, newest first, by keyset (an opaque cursor). Reads by one kind
 * of reader for one purpose of one claim or referral within one clock hour are one entry with a count. Staff are
 * named by role and team only.
 */
export class ListMyAccessHistory {
  constructor(private readonly queries: AccessHistoryQueries) {}

  async execute(command: ListMyAccessHistoryCommand): Promise<AccessHistoryPage> {
    const limit = Math.min(Math.max(command.limit ?? ACCESS_HISTORY_DEFAULT_LIMIT, 1), ACCESS_HISTORY_MAX_LIMIT);
    const after = command.cursor ? decodeAccessHistoryCursor(command.cursor) : null;
    const groups = await this.queries.page(command.citizenId, { after, limit: limit + 1 });
    const page = groups.slice(0, limit);
    const last = page.at(-1);
    return {
      entries: page.map(toEntry),
      nextCursor: groups.length > limit && last ? encodeAccessHistoryCursor(last.position) : null,
    };
  }
}
