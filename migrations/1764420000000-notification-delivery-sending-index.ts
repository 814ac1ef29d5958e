import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stuck-notification recovery (docs/worker.md, `notifications.recover-stuck`) reads the deliveries still
 * `sending`, oldest claim first, every few minutes: a partial index holds only those rows (a handful), in the
 * keyset order it pages in, so the read never scans the whole delivery history.
 */
export class NotificationDeliverySendingIndex1764420000000 implements MigrationInterface {
  name = 'NotificationDeliverySendingIndex1764420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX notification_delivery_sending_idx ON notification_delivery (claimed_at, claim_id, event)
       WHERE status = 'sending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_delivery_sending_idx`);
  }
}
