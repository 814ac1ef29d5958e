import {
  addDays,
  addYears,
  calendarDateInUk,
  decideRetention,
  defaultRetentionSchedule,
  retentionRuleFor,
  type IsoDate,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import type { DocumentStorage } from '../../ports/storage.js';
import { actionableRecordClasses, type ActionableRecordClass, type RetentionStore } from '../retention-ports.js';
import type { ApplyRetentionCommand } from './apply-retention.command.js';

export interface RetentionRunReport {
  readonly recordClass: ActionableRecordClass;
  readonly erased: number;
  readonly anonymised: number;
  readonly held: number;
  readonly filesDeleted: number;
}

/**
 * Applies the retention schedule (docs/security.md, Retention): for each record class, finds the records whose
 * period has run out, asks `decideRetention` what is due, and erases or anonymises them with a tombstone.
 * A legal hold keeps the record. Files go after the database work commits: a crash in between leaves an
 * orphaned file with no record pointing at it (found by listing the store), never a record without its file.
 */
export class ApplyRetention {
  constructor(
    private readonly store: RetentionStore,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async execute(command: ApplyRetentionCommand = {}): Promise<RetentionRunReport[]> {
    const schedule = command.schedule ?? defaultRetentionSchedule;
    const batchSize = command.batchSize ?? 200;
    const now = this.clock.now();
    const today = calendarDateInUk(now);
    const reports: RetentionRunReport[] = [];
    for (const recordClass of actionableRecordClasses) {
      const rule = retentionRuleFor(recordClass, schedule);
      // The last start date that can be due today; decideRetention has the final word on each record.
      const latestStart: IsoDate = addDays(addYears(addDays(today, -rule.keepDays), -rule.keepYears), -1);
      let erased = 0;
      let anonymised = 0;
      let held = 0;
      let filesDeleted = 0;
      let afterId: string | null = null;
      for (;;) {
        const page = await this.store.candidates(recordClass, latestStart, afterId, batchSize);
        for (const candidate of page) {
          const decision = decideRetention(
            { recordClass, since: candidate.since, legalHold: candidate.legalHold },
            today,
            schedule,
          );
          if (decision.action === 'keep') {
            if (candidate.legalHold) held += 1;
            continue;
          }
          const outcome = await this.store.apply(
            { candidate, recordClass, action: decision.action, rule: decision.rule, dueOn: decision.dueOn, at: now },
            latestStart,
          );
          if (!outcome) {
            held += 1;
            continue;
          }
          for (const key of outcome.storageKeys) await this.storage.delete(key);
          filesDeleted += outcome.storageKeys.length;
          if (decision.action === 'erase') erased += 1;
          else anonymised += 1;
        }
        if (page.length < batchSize) break;
        afterId = page[page.length - 1]!.recordId;
      }
      reports.push({ recordClass, erased, anonymised, held, filesDeleted });
    }
    return reports;
  }
}
