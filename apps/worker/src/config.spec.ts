import { ConfigurationError, loadConfig } from '@redress/platform';
import { WorkerConfig } from './config.js';

describe('WorkerConfig RETENTION_CRON', () => {
  it('defaults to 02:30 every night, also when the variable is set but empty (empty means "not set")', () => {
    expect(loadConfig(WorkerConfig, {}).RETENTION_CRON).toBe('0 30 2 * * *');
    expect(loadConfig(WorkerConfig, { RETENTION_CRON: '' }).RETENTION_CRON).toBe('0 30 2 * * *');
  });

  it('takes a 6-field cron pattern, or off to stop the nightly run', () => {
    expect(loadConfig(WorkerConfig, { RETENTION_CRON: '0 0 3 * * 1-5' }).RETENTION_CRON).toBe('0 0 3 * * 1-5');
    expect(loadConfig(WorkerConfig, { RETENTION_CRON: 'off' }).RETENTION_CRON).toBe('off');
  });

  it('refuses anything else, naming the variable', () => {
    for (const value of ['nightly', '0 30 2 * *', 'OFF ']) {
      expect(() => loadConfig(WorkerConfig, { RETENTION_CRON: value })).toThrow(ConfigurationError);
      expect(() => loadConfig(WorkerConfig, { RETENTION_CRON: value })).toThrow(/RETENTION_CRON/);
    }
  });
});

describe('WorkerConfig finance API (payments under four eyes)', () => {
  const problems = (env: Record<string, string>): string => {
    try {
      loadConfig(WorkerConfig, { NODE_ENV: 'production', ...env });
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('refuses plain http and an unauthenticated finance API in production', () => {
    const message = problems({ FINANCE_API_BASE_URL: 'http://finance.internal' });
    expect(message).toMatch(/FINANCE_API_BASE_URL must be https in production/);
    expect(message).toMatch(/FINANCE_API_AUTH must be client-credentials in production/);
  });

  it('takes https with client credentials, and refuses them incomplete', () => {
    const complete = problems({
      FINANCE_API_BASE_URL: 'https://finance.example.gov.uk',
      FINANCE_API_AUTH: 'client-credentials',
      FINANCE_API_TOKEN_URL: 'https://login.example.gov.uk/oauth2/token',
      FINANCE_API_CLIENT_ID: 'redress-worker',
      FINANCE_API_CLIENT_SECRET: 'a-long-enough-client-secret',
    });
    expect(complete).not.toMatch(/FINANCE_/);
    const incomplete = problems({
      FINANCE_API_BASE_URL: 'https://finance.example.gov.uk',
      FINANCE_API_AUTH: 'client-credentials',
      FINANCE_API_TOKEN_URL: 'http://login.example.gov.uk/oauth2/token',
    });
    expect(incomplete).toMatch(/FINANCE_API_TOKEN_URL must be an https URL/);
    expect(incomplete).toMatch(/FINANCE_API_CLIENT_ID/);
    expect(incomplete).toMatch(/FINANCE_API_CLIENT_SECRET/);
  });

  it('keeps the local stub without credentials outside production', () => {
    const config = loadConfig(WorkerConfig, {});
    expect([config.FINANCE_API_BASE_URL, config.FINANCE_API_AUTH]).toEqual(['http://127.0.0.1:3098', 'none']);
  });
});

describe('WorkerConfig outbound addresses (no request forgery through webhooks)', () => {
  it('refuses private outbound addresses in production, and allows them only when asked for in development', () => {
    expect(() =>
      loadConfig(WorkerConfig, { NODE_ENV: 'production', OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true' }),
    ).toThrow(/OUTBOUND_ALLOW_PRIVATE_ADDRESSES must be false in production/);
    expect(loadConfig(WorkerConfig, {}).OUTBOUND_ALLOW_PRIVATE_ADDRESSES).toBe('false');
    expect(
      loadConfig(WorkerConfig, { OUTBOUND_ALLOW_PRIVATE_ADDRESSES: 'true' }).OUTBOUND_ALLOW_PRIVATE_ADDRESSES,
    ).toBe('true');
  });
});
