import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { dataSourceOptions } from '@redress/persistence';
import { loggerParams, safeError } from '@redress/platform';
import pino from 'pino';
import { DataSource } from 'typeorm';

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
