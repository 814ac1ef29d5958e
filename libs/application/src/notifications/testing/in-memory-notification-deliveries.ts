import { NotificationDeliveryError, type NotificationLookup, type NotificationRecord } from '../../ports/notifier.js';
import {
  NotificationDeliveries,
  parseDeliveryEventKey,
  type DeliveryClaim,
  type StuckDelivery,
} from '../notification-ports.js';

interface Row {
  status: string;
  channel?: string;
  notificationId?: string;
  reason?: string;
}

/** `notification_delivery` in memory, for unit tests: rows keyed `<claim id>/<event key>`, as the table's key. */
export class InMemoryNotificationDeliveries extends NotificationDeliveries {
  readonly rows = new Map<string, Row>();
  /** When and how often each row was claimed (the table's `claimed_at` and `attempts`). */
  readonly claims = new Map<string, { claimedAt: Date; attempts: number }>();
  /** `notifications.send` jobs queued by `releaseForResend`. */
  readonly queued: Array<{ claimId: string; event: string; occurrence?: string }> = [];

  async claim(claimId: string, event: string, channel: 'email' | 'sms', at: Date): Promise<DeliveryClaim> {
    const key = `${claimId}/${event}`;
    const row = this.rows.get(key);
    if (!row || row.status === 'failed') {
      this.rows.set(key, { status: 'sending', channel });
      this.claims.set(key, { claimedAt: at, attempts: (this.claims.get(key)?.attempts ?? 0) + 1 });
      return 'claimed';
    }
    return row.status === 'sending' ? 'uncertain' : 'done';
  }
  async markSent(claimId: string, event: string, notificationId: string): Promise<void> {
    this.rows.set(`${claimId}/${event}`, { status: 'sent', notificationId });
  }
  async markFailed(claimId: string, event: string, reason: string, retry: boolean): Promise<void> {
    this.rows.set(`${claimId}/${event}`, { status: retry ? 'failed' : 'rejected', reason });
  }
  async markSkipped(claimId: string, event: string, reason: string): Promise<void> {
    this.rows.set(`${claimId}/${event}`, { status: 'skipped', reason });
  }

  async findStuck(
    claimedBefore: Date,
    claimedSince: Date,
    after: StuckDelivery | null,
    limit: number,
  ): Promise<StuckDelivery[]> {
    const order = (delivery: StuckDelivery) =>
      `${delivery.claimedAt.toISOString()}/${delivery.claimId}/${delivery.event}`;
    return [...this.rows.entries()]
      .flatMap(([key, row]): StuckDelivery[] => {
        const claim = this.claims.get(key);
        const [claimId, event] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
        return row.status === 'sending' && claim ? [{ claimId, event, ...claim }] : [];
      })
      .filter((delivery) => delivery.claimedAt < claimedBefore && delivery.claimedAt >= claimedSince)
      .filter((delivery) => !after || order(delivery) > order(after))
      .sort((a, b) => order(a).localeCompare(order(b)))
      .slice(0, limit);
  }

  async resolveSent(delivery: StuckDelivery, notificationId: string, _at: Date): Promise<boolean> {
    if (!this.stillClaimed(delivery)) return false;
    this.rows.set(`${delivery.claimId}/${delivery.event}`, { status: 'sent', notificationId });
    return true;
  }

  async releaseForResend(delivery: StuckDelivery, reason: string): Promise<boolean> {
    if (!this.stillClaimed(delivery)) return false;
    this.rows.set(`${delivery.claimId}/${delivery.event}`, { status: 'failed', reason });
    this.queued.push({ claimId: delivery.claimId, ...parseDeliveryEventKey(delivery.event) });
    return true;
  }

  async giveUp(delivery: StuckDelivery, reason: string): Promise<boolean> {
    if (!this.stillClaimed(delivery)) return false;
    this.rows.set(`${delivery.claimId}/${delivery.event}`, { status: 'rejected', reason });
    return true;
  }

  private stillClaimed(delivery: StuckDelivery): boolean {
    const key = `${delivery.claimId}/${delivery.event}`;
    return this.rows.get(key)?.status === 'sending' && this.claims.get(key)?.attempts === delivery.attempts;
  }
}

/** Notify's status API in memory: what it holds per reference, or no answer at all. */
export class FakeNotificationLookup implements NotificationLookup {
  readonly held = new Map<string, NotificationRecord[]>();
  readonly asked: string[] = [];
  down = false;

  hold(reference: string, notificationId: string): void {
    const record = { notificationId, reference, status: 'delivered', createdAt: null };
    this.held.set(reference, [...(this.held.get(reference) ?? []), record]);
  }

  async findByReference(reference: string): Promise<NotificationRecord[]> {
    this.asked.push(reference);
    if (this.down) throw new NotificationDeliveryError('Notify did not answer in time');
    return this.held.get(reference) ?? [];
  }
}
