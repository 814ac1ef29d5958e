import { Clock } from '../../ports/clock.js';
import { NotificationDeliveryError, Notifier } from '../../ports/notifier.js';
import { chooseChannel } from '../choose-channel.js';
import {
  ClaimContacts,
  claimNotificationReference,
  deliveryEventKey,
  NotificationDeliveries,
  NotificationTemplates,
} from '../notification-ports.js';
import type { SendClaimNotificationCommand } from './send-claim-notification.command.js';

export type SendClaimNotificationResult =
  'sent' | 'already-done' | 'uncertain' | 'skipped' | 'rejected' | 'claim-not-found' | 'no-template';

/**
 * Sends one claim update, at most once per (claim, event): the delivery is claimed in the database before the
 * message goes to Notify and marked sent after, so a retried or replayed job finds it and sends nothing. A
 * refusal Notify may take back (429, 5xx) releases the claim and throws, for the job's retry; a timeout does not
 * (Notify may have accepted it), so that message is never sent twice from here: `RecoverStuckNotifications`
 * later asks Notify by our reference whether it has it.
 */
export class SendClaimNotification {
  constructor(
    private readonly contacts: ClaimContacts,
    private readonly deliveries: NotificationDeliveries,
    private readonly templates: NotificationTemplates,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async execute(command: SendClaimNotificationCommand): Promise<SendClaimNotificationResult> {
    const deliveryEvent = deliveryEventKey(command.event, command.occurrence);
    const contact = await this.contacts.find(command.claimId);
    if (!contact) return 'claim-not-found';
    const chosen = chooseChannel(contact);
    if (chosen.channel === null) {
      await this.deliveries.markSkipped(command.claimId, deliveryEvent, chosen.reason, this.clock.now());
      return 'skipped';
    }
    const templateId = this.templates.templateFor(command.event, chosen.channel, contact.language);
    if (!templateId) return 'no-template';

    const claim = await this.deliveries.claim(command.claimId, deliveryEvent, chosen.channel, this.clock.now());
    if (claim === 'done') return 'already-done';
    if (claim === 'uncertain') return 'uncertain';

    // Personalisation carries the claim reference only: Notify keeps message content for days.
    const personalisation = { reference: contact.claimReference };
    // The handle Notify can be asked about when its answer never comes (RecoverStuckNotifications).
    const reference = claimNotificationReference(command.claimId, deliveryEvent);
    try {
      const receipt =
        chosen.channel === 'sms'
          ? await this.notifier.sendSms({ templateId, phoneNumber: chosen.phoneNumber, personalisation, reference })
          : await this.notifier.sendEmail({
              templateId,
              emailAddress: chosen.emailAddress,
              personalisation,
              reference,
            });
      await this.deliveries.markSent(command.claimId, deliveryEvent, receipt.notificationId, this.clock.now());
      return 'sent';
    } catch (error) {
      const status = error instanceof NotificationDeliveryError ? error.status : undefined;
      if (status === undefined) throw error; // no answer: left claimed ('sending'), never re-sent
      const retry = status === 429 || status >= 500;
      await this.deliveries.markFailed(command.claimId, deliveryEvent, (error as Error).message, retry);
      if (retry) throw error;
      return 'rejected';
    }
  }
}
