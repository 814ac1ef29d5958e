import { ConfigurationError, loadConfig } from '@redress/platform';
import { CitizenApiConfig } from '../config.js';

const NOTIFY_KEY = 'redress-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
const production = {
  NODE_ENV: 'production',
  CITIZEN_TOKEN_SECRET: 'a-production-secret-of-at-least-32-characters',
  FIELD_ENCRYPTION_KEYS: 'prod-1:cHJvZHVjdGlvbi1maWVsZC1rZXktMzItYnl0ZXMhISE=',
  BLIND_INDEX_KEY: 'cHJvZHVjdGlvbi1ibGluZC1pbmRleC1rZXktMzJieXQ=',
  NOTIFY_MODE: 'notify',
  NOTIFY_API_KEY: NOTIFY_KEY,
  NOTIFY_TEMPLATE_SIGN_IN_CODE: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  NOTIFY_TEMPLATE_SIGN_IN_CODE_CY: 'a0c1e2d3-4b5a-4c6d-8e7f-901a2b3c4d5e',
  // Uploads are scanned by clamd in production (docs/security.md).
  MALWARE_SCANNER: 'clamd',
};

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(CitizenApiConfig, environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
}

describe('CitizenApiConfig sign-in settings', () => {
  it('has safe local defaults: the local sink, a day per refresh token, a week per session', () => {
    const config = loadConfig(CitizenApiConfig, {});
    expect(config).toMatchObject({
      NOTIFY_MODE: 'local-sink',
      CITIZEN_REFRESH_TOKEN_TTL_SECONDS: 86400,
      CITIZEN_SESSION_MAX_SECONDS: 604800,
      NOTIFY_TEMPLATE_SIGN_IN_CODE: 'local-sign-in-code',
    });
  });

  it('accepts a production config that sends through Notify', () => {
    expect(problemsOf(production)).toEqual([]);
  });

  it('refuses uploads without a malware scanner in production', () => {
    expect(problemsOf({ ...production, MALWARE_SCANNER: 'none' })).toEqual([
      'MALWARE_SCANNER must be clamd in production',
    ]);
  });

  it('refuses the local sink in production, and a Notify mode without a key or a template id', () => {
    expect(problemsOf({ ...production, NOTIFY_MODE: 'local-sink' })).toEqual([
      'NOTIFY_MODE must be notify or local-sink, and notify in production',
    ]);
    expect(problemsOf({ ...production, NOTIFY_API_KEY: '' }).join()).toMatch(/NOTIFY_API_KEY/);
    expect(problemsOf({ ...production, NOTIFY_TEMPLATE_SIGN_IN_CODE: 'sign-in' }).join()).toMatch(
      /NOTIFY_TEMPLATE_SIGN_IN_CODE/,
    );
  });

  const oidc = {
    ...production,
    CITIZEN_AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://oidc.example.test/',
    OIDC_AUDIENCE: 'redress',
    OIDC_JWKS_URL: 'https://oidc.example.test/.well-known/jwks.json',
    OIDC_CLIENT_ID: 'redress-citizen-web',
    NOTIFY_TEMPLATE_SIGN_IN_CODE: '',
  };

  it('needs no sign-in template in OIDC mode, where no codes are sent', () => {
    expect(problemsOf(oidc)).toEqual([]);
  });

  it('refuses a plain-http issuer or JWKS in production, and allows them elsewhere (a local provider)', () => {
    expect(problemsOf({ ...oidc, OIDC_ISSUER: 'http://oidc.example.test/' })).toEqual([
      'OIDC_ISSUER must be https in production',
    ]);
    expect(problemsOf({ ...oidc, OIDC_JWKS_URL: 'http://oidc.example.test/jwks' })).toEqual([
      'OIDC_JWKS_URL must be https in production',
    ]);
    const local = { ...oidc, NODE_ENV: 'development', OIDC_ISSUER: 'http://127.0.0.1:9090' };
    expect(problemsOf({ ...local, OIDC_JWKS_URL: 'http://127.0.0.1:9090/jwks' })).toEqual([]);
  });

  it('needs the client id or a scope to check, and a minimum confidence among the levels', () => {
    expect(problemsOf({ ...oidc, OIDC_CLIENT_ID: '' })).toEqual([
      'OIDC_AUDIENCE needs OIDC_CLIENT_ID or OIDC_REQUIRED_SCOPE beside it in oidc mode',
    ]);
    expect(problemsOf({ ...oidc, OIDC_CLIENT_ID: '', OIDC_REQUIRED_SCOPE: 'redress' })).toEqual([]);
    expect(problemsOf({ ...oidc, OIDC_MIN_CONFIDENCE: 'P2' })).toEqual([
      'OIDC_MIN_CONFIDENCE must be one of OIDC_CONFIDENCE_LEVELS, or none',
    ]);
    expect(problemsOf({ ...oidc, OIDC_MIN_CONFIDENCE: 'none' })).toEqual([]);
  });

  it('bounds the refresh token and session lifetimes', () => {
    expect(problemsOf({ CITIZEN_REFRESH_TOKEN_TTL_SECONDS: '10' }).join()).toMatch(/CITIZEN_REFRESH_TOKEN_TTL_SECONDS/);
    expect(problemsOf({ CITIZEN_SESSION_MAX_SECONDS: String(365 * 86400) }).join()).toMatch(
      /CITIZEN_SESSION_MAX_SECONDS/,
    );
  });
});
