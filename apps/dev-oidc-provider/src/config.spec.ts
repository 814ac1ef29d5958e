import { ConfigurationError, loadConfig } from '@redress/platform';
import { DevOidcProviderConfig } from './config.js';

describe('DevOidcProviderConfig', () => {
  it('refuses to load with NODE_ENV=production', () => {
    expect(() => loadConfig(DevOidcProviderConfig, { NODE_ENV: 'production' })).toThrow(ConfigurationError);
  });

  it('loads for development and tests', () => {
    expect(loadConfig(DevOidcProviderConfig, { NODE_ENV: 'test' }).STAFF_TOKEN_AUDIENCE).toBe('redress-caseworker-api');
  });
});
