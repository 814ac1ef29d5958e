import { Injectable } from '@nestjs/common';
import { ClaimContacts, NotificationDeliveries, type ClaimContact, type DeliveryClaim } from '@redress/application';
import type { ContactPreferencesAnswers } from '@redress/domain';
import { FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';

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
      }>
    >(
      `SELECT c.reference, c.application_id, c.owner_citizen_id, s.answers_encrypted, a.email_encrypted
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
}
