import { Injectable } from '@nestjs/common';
import {
  ClaimContacts,
  NotificationDeliveries,
  parseDeliveryEventKey,
  type ClaimContact,
  type DeliveryClaim,
  type StuckDelivery,
} from '@redress/application';
import type { ContactPreferencesAnswers, PreferredLanguage } from '@redress/domain';
import { OutboxWriter } from '@redress/jobs';
import { FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';

const outbox = new OutboxWriter();

/** Reads the claim's contact section and the account email, decrypting them in memory only. */
@Injectable()
export class PostgresClaimContacts extends ClaimContacts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {
    super();
  }

  async find(claimId: string): Promise<ClaimContact | null> {
    const [row] = await this.dataSource.query<
      Array<{
        reference: string;
        application_id: string;
        owner_citizen_id: string;
        answers_encrypted: string | null;
        email_encrypted: string | null;
        preferred_language: PreferredLanguage;
      }>
    >(
      `SELECT c.reference, c.application_id, c.owner_citizen_id, s.answers_encrypted, a.email_encrypted,
              c.preferred_language
         FROM claim c
         JOIN citizen_account a ON a.id = c.owner_citizen_id
         LEFT JOIN application_section s
           ON s.application_id = c.application_id AND s.section = 'contact-preferences' AND NOT s.set_aside
        WHERE c.id = $1`,
      [claimId],
    );
    if (!row) return null;
    return {
      claimReference: row.reference,
      preferences: row.answers_encrypted
        ? this.cipher.decryptJson<ContactPreferencesAnswers>(
            row.answers_encrypted,
            `application:${row.application_id}:contact-preferences`,
          )
        : null,
      accountEmail: row.email_encrypted
        ? this.cipher.decrypt(row.email_encrypted, `citizen:${row.owner_citizen_id}:email`)
        : null,
      language: row.preferred_language,
    };
  }
}

/** `notification_delivery`: the (claim, event) primary key is what makes a second send impossible. */
@Injectable()
export class PostgresNotificationDeliveries extends NotificationDeliveries {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async claim(claimId: string, event: string, channel: 'email' | 'sms', at: Date): Promise<DeliveryClaim> {
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO notification_delivery (claim_id, event, status, channel, claimed_at)
       VALUES ($1, $2, 'sending', $3, $4) ON CONFLICT (claim_id, event) DO NOTHING RETURNING 1`,
      [claimId, event, channel, at],
    );
    if (inserted.length) return 'claimed';
    // Only a delivery Notify refused for now may be claimed again, and only by one attempt.
    // TypeORM answers an UPDATE with [rows, affected].
    const [, reclaimed] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification_delivery SET status = 'sending', channel = $3, claimed_at = $4, attempts = attempts + 1
        WHERE claim_id = $1 AND event = $2 AND status = 'failed' RETURNING 1`,
      [claimId, event, channel, at],
    );
    if (reclaimed === 1) return 'claimed';
    const [row] = await this.dataSource.query<Array<{ status: string }>>(
      `SELECT status FROM notification_delivery WHERE claim_id = $1 AND event = $2`,
      [claimId, event],
    );
    return row?.status === 'sending' ? 'uncertain' : 'done';
  }

  async markSent(claimId: string, event: string, notificationId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'sent', notification_id = $3, sent_at = $4, last_error = NULL
        WHERE claim_id = $1 AND event = $2`,
      [claimId, event, notificationId, at],
    );
  }

  async markFailed(claimId: string, event: string, reason: string, retry: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_delivery SET status = $3, last_error = $4 WHERE claim_id = $1 AND event = $2`,
      [claimId, event, retry ? 'failed' : 'rejected', reason.slice(0, 300)],
    );
  }

  async markSkipped(claimId: string, event: string, reason: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_delivery (claim_id, event, status, last_error, claimed_at)
       VALUES ($1, $2, 'skipped', $3, $4) ON CONFLICT (claim_id, event) DO NOTHING`,
      [claimId, event, reason, at],
    );
  }

  async findStuck(
    claimedBefore: Date,
    claimedSince: Date,
    after: StuckDelivery | null,
    limit: number,
  ): Promise<StuckDelivery[]> {
    // Keyset order (claimed_at, claim_id, event), as notification_delivery_sending_idx holds the `sending` rows:
    // rows left alone (Notify did not answer the look-up) never hide later ones. claimed_at is compared at the
    // millisecond a JS Date carries, so a row written with microseconds never comes back on the next page.
    const rows = await this.dataSource.query<
      Array<{ claim_id: string; event: string; attempts: number; claimed_at: Date }>
    >(
      `SELECT claim_id, event, attempts, claimed_at FROM notification_delivery
        WHERE status = 'sending' AND claimed_at < $1 AND claimed_at >= $2
          AND ($3::timestamptz IS NULL
               OR (date_trunc('milliseconds', claimed_at), claim_id, event) > ($3::timestamptz, $4::uuid, $5::text))
        ORDER BY date_trunc('milliseconds', claimed_at), claim_id, event
        LIMIT $6`,
      [claimedBefore, claimedSince, after?.claimedAt ?? null, after?.claimId ?? null, after?.event ?? null, limit],
    );
    return rows.map((row) => ({
      claimId: row.claim_id,
      event: row.event,
      attempts: row.attempts,
      claimedAt: row.claimed_at,
    }));
  }

  async resolveSent(delivery: StuckDelivery, notificationId: string, at: Date): Promise<boolean> {
    const [, changed] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification_delivery SET status = 'sent', notification_id = $4, sent_at = $5,
              last_error = 'no answer when sent; found at Notify by its reference'
        WHERE claim_id = $1 AND event = $2 AND status = 'sending' AND attempts = $3 RETURNING 1`,
      [delivery.claimId, delivery.event, delivery.attempts, notificationId, at],
    );
    return changed === 1;
  }

  async releaseForResend(delivery: StuckDelivery, reason: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, changed] = await manager.query<[unknown[], number]>(
        `UPDATE notification_delivery SET status = 'failed', last_error = $4
          WHERE claim_id = $1 AND event = $2 AND status = 'sending' AND attempts = $3 RETURNING 1`,
        [delivery.claimId, delivery.event, delivery.attempts, reason.slice(0, 300)],
      );
      if (changed !== 1) return false;
      const { event, occurrence } = parseDeliveryEventKey(delivery.event);
      await outbox.enqueue(
        manager,
        'notifications.send',
        { claimId: delivery.claimId, event, ...(occurrence ? { occurrence } : {}) },
        `claim:${delivery.claimId}`,
      );
      return true;
    });
  }

  async giveUp(delivery: StuckDelivery, reason: string): Promise<boolean> {
    const [, changed] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification_delivery SET status = 'rejected', last_error = $4
        WHERE claim_id = $1 AND event = $2 AND status = 'sending' AND attempts = $3 RETURNING 1`,
      [delivery.claimId, delivery.event, delivery.attempts, reason.slice(0, 300)],
    );
    return changed === 1;
  }
}
