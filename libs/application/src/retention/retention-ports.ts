import type { IsoDate, RecordClass, RetentionAction, RetentionRule } from '@redress/domain';

/** The kinds of record the retention job acts on (and that a legal hold can cover). */
export type RetainedRecordType = 'application' | 'claim' | 'referral';

/** A record that may be due under its class's rule: when its period started and whether a hold covers it. */
export interface RetentionCandidate {
  readonly recordType: RetainedRecordType;
  readonly recordId: string;
  readonly since: IsoDate;
  readonly legalHold: boolean;
}

/** What the job does to one record, and the tombstone it leaves. */
export interface RetentionWork {
  readonly candidate: RetentionCandidate;
  readonly recordClass: RecordClass;
  readonly action: RetentionAction;
  readonly rule: RetentionRule;
  readonly dueOn: IsoDate;
  readonly at: Date;
}

export interface RetentionOutcome {
  /** Field names erased (never values), as written to the tombstone. */
  readonly erasedFields: readonly string[];
  /** Storage keys of files to delete once the erasure has committed. */
  readonly storageKeys: readonly string[];
}

/** The record classes this store can act on; the others are documented in docs/security.md. */
export const actionableRecordClasses = [
  'draft-application',
  'refused-claim',
  'withdrawn-claim',
  'paid-and-closed-claim',
  'referral',
] as const satisfies readonly RecordClass[];
export type ActionableRecordClass = (typeof actionableRecordClasses)[number];

export abstract class RetentionStore {
  /**
   * Records of the class whose period started on or before `startedOnOrBefore`, not yet erased or anonymised,
   * after `afterId` in id order (keyset paging), at most `limit`.
   */
  abstract candidates(
    recordClass: ActionableRecordClass,
    startedOnOrBefore: IsoDate,
    afterId: string | null,
    limit: number,
  ): Promise<RetentionCandidate[]>;

  /**
   * In one transaction: locks the record, re-checks that it is still of the class, still due and under no
   * legal hold (a hold placed since the scan wins), erases or anonymises it and appends the tombstone.
   * Answers null when it skipped the record.
   */
  abstract apply(work: RetentionWork, startedOnOrBefore: IsoDate): Promise<RetentionOutcome | null>;
}
