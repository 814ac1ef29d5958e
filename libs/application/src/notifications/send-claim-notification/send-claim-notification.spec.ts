import 'reflect-metadata';
import {
  chooseChannel,
  FixedClock,
  NotificationDeliveryError,
  NotificationTemplates,
  Notifier,
  SendClaimNotification,
  type ClaimContact,
  type ClaimContacts,
  type EmailNotification,
  type SmsNotification,
} from '@redress/application';
import { InMemoryNotificationDeliveries as FakeDeliveries } from '../testing/in-memory-notification-deliveries.js';

class FakeNotifier extends Notifier {
  sent: Array<{ kind: 'email' | 'sms'; to: string; templateId: string; personalisation: object }> = [];
  failWith: Error | undefined;
  async sendEmail(notification: EmailNotification) {
    if (this.failWith) throw this.failWith;
    this.sent.push({ kind: 'email', to: notification.emailAddress, ...notification });
    return { notificationId: `n-${this.sent.length}` };
  }
  async sendSms(notification: SmsNotification) {
    if (this.failWith) throw this.failWith;
    this.sent.push({ kind: 'sms', to: notification.phoneNumber, ...notification });
    return { notificationId: `n-${this.sent.length}` };
  }
}

const contactOf = (preferences: ClaimContact['preferences'], accountEmail: string | null = 'account@example.test') => ({
  claimReference: '26-000001-7',
  preferences,
  accountEmail,
});

describe('chooseChannel (safe contact)', () => {
  const cases: Array<[ClaimContact['preferences'] | Record<string, unknown>, object, string]> = [
    [null, { channel: 'email', emailAddress: 'account@example.test' }, 'no preferences: the account email'],
    [{ method: 'email', email: 'me@example.test' }, { channel: 'email', emailAddress: 'me@example.test' }, 'email'],
    [
      { method: 'email', email: 'shared@example.test', safeContact: { safeEmail: 'safe@example.test' } },
      { channel: 'email', emailAddress: 'safe@example.test' },
      'only the safe email when one is given',
    ],
    [{ method: 'text', phone: '07700900001' }, { channel: 'sms', phoneNumber: '07700900001' }, 'texts'],
    [
      { method: 'text', phone: '07700900001', safeContact: { safePhone: '07700900002' } },
      { channel: 'sms', phoneNumber: '07700900002' },
      'only the safe phone when one is given',
    ],
    [
      { method: 'email', email: 'me@example.test', phone: '07700900001' },
      { channel: 'email', emailAddress: 'me@example.test' },
      'no text when they did not choose texts',
    ],
    [{ method: 'phone', phone: '07700900001', email: 'me@example.test' }, { channel: null }, 'phone only: nothing'],
    [{ method: 'post', email: 'me@example.test' }, { channel: null }, 'post only: nothing'],
    [
      { method: 'post', safeContact: { safeEmail: 'safe@example.test' } },
      { channel: 'email', emailAddress: 'safe@example.test' },
      'post, but a safe email given',
    ],
  ];
  it.each(cases)('%j gives %j (%s)', (preferences, expected) => {
    expect(chooseChannel(contactOf(preferences as ClaimContact['preferences']))).toMatchObject(expected);
  });
});

describe('SendClaimNotification', () => {
  const templates = new NotificationTemplates({ 'claim.submitted': { email: 'tpl-email', sms: 'tpl-sms' } });
  const setUp = (contact: ClaimContact | null = contactOf({ method: 'email', email: 'me@example.test' })) => {
    const deliveries = new FakeDeliveries();
    const notifier = new FakeNotifier();
    const contacts: ClaimContacts = { find: async () => contact };
    const useCase = new SendClaimNotification(
      contacts,
      deliveries,
      templates,
      notifier,
      new FixedClock(new Date('2026-11-27T10:00:00Z')),
    );
    return { deliveries, notifier, useCase };
  };
  const command = { claimId: 'c1', event: 'claim.submitted' };

  it('sends once with the template from config and the claim reference only, however often it runs', async () => {
    const { notifier, useCase, deliveries } = setUp();
    expect(await useCase.execute(command)).toBe('sent');
    expect(await useCase.execute(command)).toBe('already-done');
    expect(notifier.sent).toEqual([
      expect.objectContaining({
        kind: 'email',
        to: 'me@example.test',
        templateId: 'tpl-email',
        personalisation: { reference: '26-000001-7' },
      }),
    ]);
    expect(deliveries.rows.get('c1/claim.submitted')).toEqual({ status: 'sent', notificationId: 'n-1' });
  });

  it('sends a Welsh claim its Welsh template, and an English one when config has no Welsh template', async () => {
    const bilingual = new NotificationTemplates({
      'claim.submitted': { email: 'tpl-email', sms: 'tpl-sms', cy: { email: 'tpl-email-cy', sms: 'tpl-sms-cy' } },
      'claim.decided': { email: 'tpl-decided' },
    });
    expect(bilingual.templateFor('claim.submitted', 'email', 'cy')).toBe('tpl-email-cy');
    expect(bilingual.templateFor('claim.submitted', 'sms', 'cy')).toBe('tpl-sms-cy');
    expect(bilingual.templateFor('claim.submitted', 'sms', 'en')).toBe('tpl-sms');
    expect(bilingual.templateFor('claim.submitted', 'email')).toBe('tpl-email');
    expect(bilingual.templateFor('claim.decided', 'email', 'cy')).toBe('tpl-decided');
    expect(bilingual.missingWelsh()).toEqual(['claim.decided.email']);

    const deliveries = new FakeDeliveries();
    const notifier = new FakeNotifier();
    const welsh = { ...contactOf({ method: 'email', email: 'me@example.test' }), language: 'cy' as const };
    const useCase = new SendClaimNotification(
      { find: async () => welsh },
      deliveries,
      bilingual,
      notifier,
      new FixedClock(new Date('2026-11-27T10:00:00Z')),
    );
    expect(await useCase.execute(command)).toBe('sent');
    expect(notifier.sent).toEqual([expect.objectContaining({ templateId: 'tpl-email-cy' })]);
  });

  it('releases the delivery and throws when Notify refuses for now (5xx), so that a retry sends it', async () => {
    const { notifier, useCase } = setUp();
    notifier.failWith = new NotificationDeliveryError('Notify answered 503', 503);
    await expect(useCase.execute(command)).rejects.toThrow(/503/);
    notifier.failWith = undefined;
    expect(await useCase.execute(command)).toBe('sent');
    expect(notifier.sent).toHaveLength(1);
  });

  it('never sends again after an attempt that got no answer (Notify may have the message)', async () => {
    const { notifier, useCase } = setUp();
    notifier.failWith = new NotificationDeliveryError('Notify did not answer');
    await expect(useCase.execute(command)).rejects.toThrow();
    notifier.failWith = undefined;
    expect(await useCase.execute(command)).toBe('uncertain');
    expect(notifier.sent).toHaveLength(0);
  });

  it('records a rejection (400) without retrying', async () => {
    const { notifier, useCase, deliveries } = setUp();
    notifier.failWith = new NotificationDeliveryError('Notify answered 400 (BadRequestError)', 400);
    expect(await useCase.execute(command)).toBe('rejected');
    expect(deliveries.rows.get('c1/claim.submitted')?.status).toBe('rejected');
  });

  it('sends nothing, and records why, when the victim asked for phone calls only', async () => {
    const { notifier, useCase, deliveries } = setUp(contactOf({ method: 'phone', phone: '07700900001' }));
    expect(await useCase.execute(command)).toBe('skipped');
    expect(notifier.sent).toHaveLength(0);
    expect(deliveries.rows.get('c1/claim.submitted')).toEqual({ status: 'skipped', reason: 'contact by phone only' });
  });

  it('texts the safe number when the victim chose texts', async () => {
    const { notifier, useCase } = setUp(
      contactOf({ method: 'text', phone: '07700900001', safeContact: { safePhone: '07700900002' } }),
    );
    expect(await useCase.execute(command)).toBe('sent');
    expect(notifier.sent[0]).toMatchObject({ kind: 'sms', to: '07700900002', templateId: 'tpl-sms' });
  });

  it('does nothing for a claim that no longer exists, or an event without a template', async () => {
    expect(await setUp(null).useCase.execute(command)).toBe('claim-not-found');
    expect(await setUp().useCase.execute({ claimId: 'c1', event: 'claim.unknown' })).toBe('no-template');
  });
});
