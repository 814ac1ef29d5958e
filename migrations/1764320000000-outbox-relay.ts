import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the outbox relay needs: a wake-up call on every insert (LISTEN/NOTIFY, so jobs reach the queue in
 * milliseconds instead of at the next poll), a time before which a row's job must not run (delayed clocks),
 * and an index that finds the oldest pending row of an ordering key quickly.
 */
export class OutboxRelay1764320000000 implements MigrationInterface {
  name = 'OutboxRelay1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_message ADD COLUMN not_before timestamptz`);
    await queryRunner.query(
      `CREATE INDEX outbox_message_pending_key_idx ON outbox_message (ordering_key, position)
       WHERE dispatched_at IS NULL AND ordering_key IS NOT NULL`,
    );
    // One notification per statement (not per row): the relay reads the rows itself, the signal only wakes it.
    // NOTIFY is delivered at commit, so the relay never wakes for a row it cannot see yet.
    await queryRunner.query(`
      CREATE FUNCTION outbox_message_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_message', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_message_notify AFTER INSERT ON outbox_message
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_message_notify()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER outbox_message_notify ON outbox_message`);
    await queryRunner.query(`DROP FUNCTION outbox_message_notify()`);
    await queryRunner.query(`DROP INDEX outbox_message_pending_key_idx`);
    await queryRunner.query(`ALTER TABLE outbox_message DROP COLUMN not_before`);
  }
}
