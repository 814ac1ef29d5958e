import 'reflect-metadata';
import {
  FixedClock,
  NotificationDeliveryError,
  NotificationTemplates,
  Notifier,
  RecoverStuckNotifications,
  SendClaimNotification,
  type ClaimContacts,
  type EmailNotification,
  type NotificationReceipt,
  type SmsNotification,
} from '@redress/application';
import {
  FakeNotificationLookup,
  InMemoryNotificationDeliveries,
} from '../testing/in-memory-notification-deliveries.js';

const MINUTE = 60_000;

/** Notify as the sender sees it: it may take the message and never answer. */
class SilentNotifier extends Notifier {
  constructor(private readonly lookup: FakeNotificationLookup) {
    super();
  }
  /** Whether Notify keeps the message before the answer is lost (else the request never reached it). */
  takesIt = true;
  sent = 0;
  async sendEmail(notification: EmailNotification): Promise<NotificationReceipt> {
    if (this.takesIt) {
      this.sent += 1;
      this.lookup.hold(notification.reference, `notify-${this.sent}`);
    }
    throw new NotificationDeliveryError('Notify did not answer in time');
  }
  async sendSms(_notification: SmsNotification): Promise<NotificationReceipt> {
    throw new Error('not used');
  }
}

describe('RecoverStuckNotifications', () => {
  const start = new Date('2026-11-27T10:00:00Z');
  const setUp = () => {
    const clock = new FixedClock(start);
    const deliveries = new InMemoryNotificationDeliveries();
    const lookup = new FakeNotificationLookup();
    const notifier = new SilentNotifier(lookup);
    const contacts: ClaimContacts = {
      find: async () => ({
        claimReference: '26-000001-7',
        preferences: { method: 'email', email: 'me@example.test' },
        accountEmail: null,
      }),
    };
    const templates = new NotificationTemplates({
      'claim.submitted': { email: 'tpl' },
      'claim.information-reminder': { email: 'tpl-reminder' },
    });
    const send = new SendClaimNotification(contacts, deliveries, templates, notifier, clock);
    const recover = new RecoverStuckNotifications(deliveries, lookup, clock);
    const run = () => recover.execute({ stuckAfterMs: 15 * MINUTE, lookBackMs: 6 * 24 * 60 * MINUTE });
    const later = (minutes: number) => clock.set(new Date(start.getTime() + minutes * MINUTE));
    return { clock, deliveries, lookup, notifier, send, run, later };
  };

  it('marks a delivery Notify took (its answer lost) as sent, by our reference, and sends nothing again', async () => {
    const { deliveries, lookup, notifier, send, run, later } = setUp();
    await expect(send.execute({ claimId: 'c1', event: 'claim.submitted' })).rejects.toThrow(/did not answer/);
    expect(deliveries.rows.get('c1/claim.submitted')?.status).toBe('sending');

    later(10); // not stuck yet: a send may still be in flight
    expect(await run()).toMatchObject({ checked: 0 });
    expect(lookup.asked).toEqual([]);

    later(16);
    expect(await run()).toEqual({
      checked: 1,
      foundAtNotify: 1,
      requeued: 0,
      unknown: 0,
      gaveUp: 0,
      changedMeanwhile: 0,
    });
    expect(lookup.asked).toEqual(['c1:claim.submitted']);
    expect(deliveries.rows.get('c1/claim.submitted')).toEqual({ status: 'sent', notificationId: 'notify-1' });
    expect(deliveries.queued).toEqual([]);
    expect(await send.execute({ claimId: 'c1', event: 'claim.submitted' })).toBe('already-done');
    expect(notifier.sent).toBe(1);
    expect(await run()).toMatchObject({ checked: 0 });
  });

  it('queues a delivery Notify never got to be sent again, once, keeping its occurrence', async () => {
    const { deliveries, notifier, send, run, later } = setUp();
    notifier.takesIt = false;
    const command = { claimId: 'c2', event: 'claim.information-reminder', occurrence: 'req-1' };
    await expect(send.execute(command)).rejects.toThrow(/did not answer/);
    later(20);
    expect(await run()).toMatchObject({ checked: 1, requeued: 1 });
    expect(deliveries.rows.get('c2/claim.information-reminder:req-1')?.status).toBe('failed');
    expect(deliveries.queued).toEqual([command]);
    // A second run finds nothing stuck: the row is released, not sending.
    expect(await run()).toMatchObject({ checked: 0 });

    // The queued job claims it again (attempt 2); this time Notify answers.
    notifier.takesIt = true;
    await expect(send.execute(command)).rejects.toThrow(); // the silent notifier never answers...
    later(40);
    expect(await run()).toMatchObject({ foundAtNotify: 1 }); // ...but it holds it now
    expect(deliveries.claims.get('c2/claim.information-reminder:req-1')?.attempts).toBe(2);
    expect(notifier.sent).toBe(1);
  });

  it('leaves a delivery as it is while Notify does not answer the look-up', async () => {
    const { deliveries, lookup, send, run, later } = setUp();
    await expect(send.execute({ claimId: 'c3', event: 'claim.submitted' })).rejects.toThrow();
    lookup.down = true;
    later(30);
    expect(await run()).toMatchObject({ checked: 1, unknown: 1, foundAtNotify: 0, requeued: 0 });
    expect(deliveries.rows.get('c3/claim.submitted')?.status).toBe('sending');
    lookup.down = false;
    expect(await run()).toMatchObject({ foundAtNotify: 1 });
  });

  it('gives up (rejected, for a person) once a delivery was claimed the most times allowed', async () => {
    const { deliveries, notifier, send, later, clock, lookup } = setUp();
    notifier.takesIt = false;
    const recover = new RecoverStuckNotifications(deliveries, lookup, clock);
    const run = () => recover.execute({ stuckAfterMs: 15 * MINUTE, lookBackMs: 24 * 60 * MINUTE, maxAttempts: 2 });
    await expect(send.execute({ claimId: 'c4', event: 'claim.submitted' })).rejects.toThrow();
    later(20);
    expect(await run()).toMatchObject({ requeued: 1 });
    await expect(send.execute({ claimId: 'c4', event: 'claim.submitted' })).rejects.toThrow();
    later(40);
    expect(await run()).toMatchObject({ requeued: 0, gaveUp: 1 });
    expect(deliveries.rows.get('c4/claim.submitted')).toEqual({
      status: 'rejected',
      reason: expect.stringMatching(/never answered in 2 attempts/),
    });
    expect(deliveries.queued).toHaveLength(1);
  });

  it('does not look further back than the look-back window (Notify may have deleted what it held)', async () => {
    const { deliveries, lookup, send, later, clock } = setUp();
    await expect(send.execute({ claimId: 'c5', event: 'claim.submitted' })).rejects.toThrow();
    later(8 * 24 * 60);
    const recover = new RecoverStuckNotifications(deliveries, lookup, clock);
    expect(await recover.execute({ stuckAfterMs: 15 * MINUTE, lookBackMs: 6 * 24 * 60 * MINUTE })).toMatchObject({
      checked: 0,
    });
    expect(deliveries.rows.get('c5/claim.submitted')?.status).toBe('sending');
  });

  it('pages through many stuck deliveries, and leaves a row that changed meanwhile alone', async () => {
    const { deliveries, lookup, send, later, clock } = setUp();
    for (let index = 0; index < 7; index++) {
      await expect(send.execute({ claimId: `p${index}`, event: 'claim.submitted' })).rejects.toThrow();
    }
    later(20);
    // Between the page being read and the row being changed, a retry claimed it again (attempts 2).
    const original = deliveries.resolveSent.bind(deliveries);
    deliveries.resolveSent = async (delivery, notificationId, at) => {
      if (delivery.claimId === 'p3') deliveries.claims.set('p3/claim.submitted', { claimedAt: at, attempts: 2 });
      return original(delivery, notificationId, at);
    };
    const recover = new RecoverStuckNotifications(deliveries, lookup, clock);
    const report = await recover.execute({ stuckAfterMs: 15 * MINUTE, lookBackMs: MINUTE * 60, batchSize: 3 });
    expect(report).toMatchObject({ checked: 7, foundAtNotify: 6, changedMeanwhile: 1 });
    expect(new Set(lookup.asked).size).toBe(7);
  });
});
