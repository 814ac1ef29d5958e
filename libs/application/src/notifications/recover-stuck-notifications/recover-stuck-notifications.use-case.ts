import type { Clock } from '../../ports/clock.js';
import { NotificationDeliveryError, type NotificationLookup, type NotificationRecord } from '../../ports/notifier.js';
import { claimNotificationReference, type NotificationDeliveries, type StuckDelivery } from '../notification-ports.js';
import type { RecoverStuckNotificationsCommand } from './recover-stuck-notifications.command.js';

export interface RecoverStuckNotificationsReport {
  /** Stuck rows looked at. */
  readonly checked: number;
  /** Notify had the message: recorded as sent, nothing sent again. */
  readonly foundAtNotify: number;
  /** Notify had no message with our reference: released and queued to be sent (once). */
  readonly requeued: number;
  /** Notify did not answer the look-up: left `sending`, asked again on the next run. */
  readonly unknown: number;
  /** Not found, but claimed `maxAttempts` times already: `rejected`, for a person. */
  readonly gaveUp: number;
  /** Rows that changed while being looked at (another run, or a retry, got there first): left alone. */
  readonly changedMeanwhile: number;
}

/**
 * Deliveries left `sending` (Notify never answered, or the worker died between claiming a row and recording the
 * answer) were never rechecked. This finds those claimed more than `stuckAfterMs` ago and asks Notify, by the
 * reference every message is sent with (`<claim id>:<event key>`), whether it took the message:
 *
 * - it did: the row is marked `sent` with Notify's id; nothing is sent again;
 * - it did not: the row is released (`failed`) and a `notifications.send` job queued in the same transaction; the
 *   job claims it again and sends once (the row's unique key still makes a second send impossible);
 * - Notify does not answer the look-up: nothing changes until the next run.
 *
 * Every change is conditional on the row still being the claim that was read (`sending`, same attempts), so two
 * runs at once, or a job retry, never act on it twice.
 */
export class RecoverStuckNotifications {
  constructor(
    private readonly deliveries: NotificationDeliveries,
    private readonly lookup: NotificationLookup,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecoverStuckNotificationsCommand): Promise<RecoverStuckNotificationsReport> {
    const maxAttempts = command.maxAttempts ?? 5;
    const batchSize = command.batchSize ?? 100;
    const now = this.clock.now();
    const claimedBefore = new Date(now.getTime() - command.stuckAfterMs);
    const claimedSince = new Date(now.getTime() - command.lookBackMs);
    const report = { checked: 0, foundAtNotify: 0, requeued: 0, unknown: 0, gaveUp: 0, changedMeanwhile: 0 };
    let after: StuckDelivery | null = null;
    for (;;) {
      const page = await this.deliveries.findStuck(claimedBefore, claimedSince, after, batchSize);
      for (const delivery of page) {
        report.checked += 1;
        const outcome = await this.recover(delivery, maxAttempts);
        report[outcome] += 1;
      }
      if (page.length < batchSize) return report;
      after = page[page.length - 1]!;
    }
  }

  private async recover(
    delivery: StuckDelivery,
    maxAttempts: number,
  ): Promise<'foundAtNotify' | 'requeued' | 'unknown' | 'gaveUp' | 'changedMeanwhile'> {
    let held: NotificationRecord[];
    try {
      held = await this.lookup.findByReference(claimNotificationReference(delivery.claimId, delivery.event));
    } catch (error) {
      if (error instanceof NotificationDeliveryError) return 'unknown';
      throw error;
    }
    const [first] = held;
    if (first) {
      // More than one would mean it was sent twice before this existed; the first is the one recorded.
      const changed = await this.deliveries.resolveSent(delivery, first.notificationId, this.clock.now());
      return changed ? 'foundAtNotify' : 'changedMeanwhile';
    }
    if (delivery.attempts >= maxAttempts) {
      const changed = await this.deliveries.giveUp(
        delivery,
        `Notify never answered in ${delivery.attempts} attempts and holds no message with its reference: not sent`,
      );
      return changed ? 'gaveUp' : 'changedMeanwhile';
    }
    const changed = await this.deliveries.releaseForResend(
      delivery,
      'Notify never answered and holds no message with its reference: queued again',
    );
    return changed ? 'requeued' : 'changedMeanwhile';
  }
}
