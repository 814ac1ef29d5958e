import { spawnSync } from 'node:child_process';
import {
  CommonConfig,
  ConfigurationError,
  DEVELOPMENT_BLIND_INDEX_KEY,
  DEVELOPMENT_FIELD_KEYS,
  HttpConfig,
  loadConfig,
} from '@redress/platform';

describe('loadConfig', () => {
  it('uses the local defaults when nothing is set', () => {
    const config = loadConfig(HttpConfig, {});
    expect(config.DATABASE_URL).toBe('postgres://redress_app@127.0.0.1:5432/redress');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
  });

  it('converts numbers given as text', () => {
    expect(loadConfig(HttpConfig, { PORT: '4100', DATABASE_POOL_SIZE: '4' })).toMatchObject({
      PORT: 4100,
      DATABASE_POOL_SIZE: 4,
    });
  });

  it('names every invalid variable in one line, without its value', () => {
    let error: unknown;
    try {
      loadConfig(HttpConfig, { DATABASE_URL: 'mysql://secret-host/db', PORT: 'eighty', REDIS_URL: 'nope' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/REDIS_URL/);
    expect(message).not.toContain('secret-host');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('refuses the development keys in production', () => {
    expect(() => loadConfig(CommonConfig, { NODE_ENV: 'production' })).toThrow(
      /FIELD_ENCRYPTION_KEYS.*BLIND_INDEX_KEY|BLIND_INDEX_KEY.*FIELD_ENCRYPTION_KEYS/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      loadConfig(CommonConfig, { NODE_ENV: 'production', FIELD_ENCRYPTION_KEYS: `prod-1:${key}`, BLIND_INDEX_KEY: key })
        .NODE_ENV,
    ).toBe('production');
  });

  it('production refuses the unsafe: the development key material by value, under any key id', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const developmentFieldKey = DEVELOPMENT_FIELD_KEYS.split(':')[1]!;
    for (const keys of [
      `prod-1:${developmentFieldKey}`,
      `prod-2:${key},old:${developmentFieldKey}`,
      `p:${DEVELOPMENT_BLIND_INDEX_KEY}`,
    ]) {
      expect(() =>
        loadConfig(CommonConfig, { NODE_ENV: 'production', FIELD_ENCRYPTION_KEYS: keys, BLIND_INDEX_KEY: key }),
      ).toThrow(/FIELD_ENCRYPTION_KEYS must not use the development key in production/);
    }
    expect(() =>
      loadConfig(CommonConfig, {
        NODE_ENV: 'production',
        FIELD_ENCRYPTION_KEYS: `prod-1:${key}`,
        BLIND_INDEX_KEY: developmentFieldKey,
      }),
    ).toThrow(/BLIND_INDEX_KEY must not be the development key in production/);
  });

  it('stops a booting app with one clear line naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
      env: { PATH: process.env.PATH, REDIS_URL: 'ftp://wrong' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Invalid configuration: REDIS_URL must be a redis/),
    ]);
  });
});
