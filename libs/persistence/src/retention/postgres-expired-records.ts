import { ExpiredRecords, type PurgedCounts } from '@redress/application';
import type { DataSource } from 'typeorm';

/** The PostgreSQL side of PurgeExpired: four deletes in one transaction, each by its expiry index-able column. */
export class PostgresExpiredRecords extends ExpiredRecords {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async purge(before: Date): Promise<PurgedCounts> {
    return this.dataSource.transaction(async (manager) => {
      const count = async (sql: string): Promise<number> => {
        const [, affected] = await manager.query<[unknown, number]>(sql, [before]);
        return affected;
      };
      const signInCodes = await count(`DELETE FROM citizen_sign_in_code WHERE expires_at < $1`);
      const refreshTokens = await count(`DELETE FROM citizen_refresh_token WHERE expires_at < $1`);
      // A session's refresh tokens go with it (ON DELETE CASCADE); they have expired by then too.
      const sessions = await count(`DELETE FROM citizen_session WHERE expires_at < $1`);
      const idempotencyRecords = await count(`DELETE FROM idempotency_record WHERE expires_at < $1`);
      return { signInCodes, sessions, refreshTokens, idempotencyRecords };
    });
  }
}
