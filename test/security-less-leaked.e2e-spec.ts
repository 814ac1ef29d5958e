import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { PurgeExpired } from '@redress/application';
import { dataSourceOptions, PostgresExpiredRecords } from '@redress/persistence';
import { loggerParams, safeError } from '@redress/platform';
import pino from 'pino';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createIsolatedDatabase } from './support/isolated-database.js';
import {
  buildSecurityFixtures,
  startSecurityApis,
  type SecurityApis,
  type SecurityFixtures,
} from './support/security-fixtures.js';

/**
 * Issue 19, point "less kept, less leaked" (the part built in this round): a database error reaches the logs
 * without the SQL's parameters, the failing row's detail or the value quoted in its message.
 */
describe('less kept, less leaked: database errors in logs', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions({ url: process.env.DATABASE_URL!, poolSize: 1 })).initialize();
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function failure(sql: string, parameters: unknown[]): Promise<unknown> {
    try {
      await db.query(sql, parameters);
    } catch (error) {
      return error;
    }
    throw new Error('the query did not fail');
  }

  it('keeps only the SQLSTATE and the names of what failed, never values', async () => {
    const secret = `victim-${randomUUID()}@example.test`;
    const citizen = randomUUID();
    await db.query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
      citizen,
      secret,
      'f1.x',
    ]);
    const duplicate = await failure(
      'INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)',
      [randomUUID(), secret, 'f1.y'],
    );
    const badUuid = await failure('SELECT * FROM claim WHERE id = $1', [secret]);
    for (const error of [duplicate, badUuid]) {
      // Without the serializer the raw error holds the value (in parameters, detail or message).
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).toContain(secret);
      const logged = JSON.stringify(safeError(error));
      expect(logged).not.toContain(secret);
      expect(logged).not.toMatch(/INSERT|SELECT/);
    }
    expect(safeError(duplicate)).toEqual(
      expect.objectContaining({ code: '23505', table: 'citizen_account', message: 'database error 23505' }),
    );
  });

  it('is the serializer the apps’ logger uses for errors', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const params = loggerParams('info').pinoHttp as { serializers: pino.LoggerOptions['serializers'] };
    const logger = pino({ serializers: params.serializers }, sink);
    const secret = randomUUID();
    const error = await failure('SELECT * FROM claim WHERE reference = $1 AND id = $2', ['x', `not-a-uuid-${secret}`]);
    logger.error({ err: error }, 'request failed');
    expect(lines.join('')).toContain('database error 22P02');
    expect(lines.join('')).not.toContain(secret);
  });
});

describe('less kept: the retention job deletes expired sign-in codes, sessions, refresh tokens and idempotency records', () => {
  let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
  let app: DataSource;
  beforeAll(async () => {
    // A database of its own: other suites' expired codes and sessions are theirs to test.
    database = await createIsolatedDatabase('purge');
    app = await new DataSource(dataSourceOptions({ url: database.url, poolSize: 1 })).initialize();
  });
  afterAll(async () => {
    await app?.destroy();
    await database?.drop();
  });

  it('deletes what expired more than a day ago, as the app role, and keeps the rest', async () => {
    const now = new Date();
    const ago = (hours: number) => new Date(now.getTime() - hours * 3600 * 1000);
    const citizen = randomUUID();
    await app.query('INSERT INTO citizen_account (id, email_blind_index, email_encrypted) VALUES ($1, $2, $3)', [
      citizen,
      randomUUID(),
      'f1.x',
    ]);
    const rows = async (expiresAt: Date) => {
      const session = randomUUID();
      await app.query(
        `INSERT INTO citizen_sign_in_code (id, email_blind_index, code_hash, code_salt, created_at, expires_at)
         VALUES ($1, 'bi', 'h', 's', $2, $2)`,
        [randomUUID(), expiresAt],
      );
      await app.query(`INSERT INTO citizen_session (id, citizen_id, created_at, expires_at) VALUES ($1, $2, $3, $3)`, [
        session,
        citizen,
        expiresAt,
      ]);
      await app.query(
        `INSERT INTO citizen_refresh_token (id, session_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $4)`,
        [randomUUID(), session, randomUUID().replaceAll('-', '').padEnd(64, '0'), expiresAt],
      );
      await app.query(
        `INSERT INTO idempotency_record (citizen_id, key, operation, fingerprint, created_at, expires_at)
         VALUES ($1, $2, 'submit', 'f', $3, $3)`,
        [citizen, randomUUID(), expiresAt],
      );
    };
    await rows(ago(48)); // expired two days ago: goes
    await rows(ago(2)); // expired two hours ago: kept a day
    await rows(new Date(now.getTime() + 3600 * 1000)); // still valid: kept
    const purged = await new PurgeExpired(new PostgresExpiredRecords(app), { now: () => now }).execute();
    expect(purged).toEqual({ signInCodes: 1, sessions: 1, refreshTokens: 1, idempotencyRecords: 1 });
    for (const table of ['citizen_sign_in_code', 'citizen_session', 'citizen_refresh_token', 'idempotency_record']) {
      expect([table, Number((await app.query(`SELECT count(*) AS n FROM ${table}`))[0].n)]).toEqual([table, 2]);
    }
  });
});

describe('less kept: a partner sees a declined or closed referral’s personal details for PARTNER_ENDED_REFERRAL_DAYS only', () => {
  let apis: SecurityApis;
  let f: SecurityFixtures;
  beforeAll(async () => {
    // 0 days: the details go as soon as the referral ends (the default is 30).
    apis = await startSecurityApis('ended_referrals', { PARTNER_ENDED_REFERRAL_DAYS: '0' });
    f = await buildSecurityFixtures(apis);
  }, 120_000);
  afterAll(async () => {
    await apis?.close();
  });

  const asPartnerA = (path: string) =>
    request(apis.caseworkerApi.getHttpServer()).get(path).set('authorization', `Bearer ${f.partnerA.apiKey}`);

  it('withholds the person once the referral is declined, and keeps showing a live one', async () => {
    const live = await asPartnerA(`/v1/partner/referrals/${f.referrals.sentToA}`).expect(200);
    expect(live.body.person).toMatchObject({ contact: expect.any(Object) });
    await request(apis.caseworkerApi.getHttpServer())
      .post(`/v1/partner/referrals/${f.referrals.secondSentToA}/decline`)
      .set('authorization', `Bearer ${f.partnerA.apiKey}`)
      .send({ reason: 'no-capacity', note: 'Full until March.' })
      .expect(200);
    const ended = await asPartnerA(`/v1/partner/referrals/${f.referrals.secondSentToA}`).expect(200);
    expect(ended.body).toMatchObject({ status: 'declined', person: null });
    const list = await asPartnerA('/v1/partner/referrals').expect(200);
    const people = Object.fromEntries(
      (list.body as Array<{ id: string; person: unknown }>).map((referral) => [referral.id, referral.person]),
    );
    expect(people[f.referrals.secondSentToA]).toBeNull();
    expect(people[f.referrals.sentToA]).not.toBeNull();
  });
});
