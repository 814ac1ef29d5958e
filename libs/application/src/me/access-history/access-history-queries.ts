import type { StaffRoleName } from '../../staff/staff-actor.js';

/** Where a page of access history starts: after this group (groups are ordered newest hour first). */
export interface AccessHistoryPosition {
  /** The start of the clock hour (UTC) of the group. */
  readonly hour: Date;
  /** The audit log sequence of the group's first read. */
  readonly firstSequence: number;
  /** The claim or referral id the group is about. */
  readonly targetId: string;
}

/** Who read, in role terms only: never a staff id or name (staff are protected too). */
export type AccessReader =
  | {
      readonly kind: 'staff';
      /** The role the read was made in (the most senior of the reader's roles, or auditor for an audit). */
      readonly role: StaffRoleName | 'staff';
      /** The team, for caseworkers, senior caseworkers and team leaders; null for roles that work across teams. */
      readonly team: string | null;
    }
  | {
      readonly kind: 'support-organisation';
      readonly organisationId: string;
      /** The organisation's public name in the support directory; null if it has left the directory. */
      readonly organisationName: string | null;
    };

export type AccessTarget =
  | { readonly type: 'claim'; readonly claimId: string; readonly claimReference: string }
  | {
      readonly type: 'referral';
      readonly referralId: string;
      /** The claim the referral was made from, when it was. */
      readonly claimReference: string | null;
    };

/** Reads of one claim or referral by one kind of reader for one purpose within one clock hour. */
export interface AccessReadGroup {
  readonly position: AccessHistoryPosition;
  readonly target: AccessTarget;
  readonly reader: AccessReader;
  readonly purpose: string;
  /** What was looked at (the claim, its decision, its referrals...), each once. */
  readonly views: readonly string[];
  readonly count: number;
  readonly firstAt: Date;
  readonly lastAt: Date;
}

/**
 * Reads of a citizen's own claims and referrals by staff and support organisations, from the audit log, grouped
 * per clock hour, target, reader and purpose; newest hour first. The citizen's own reads are never included.
 */
export abstract class AccessHistoryQueries {
  abstract page(
    citizenId: string,
    options: { readonly after: AccessHistoryPosition | null; readonly limit: number },
  ): Promise<AccessReadGroup[]>;
}
