import { ConfigurationError, loadConfig } from '@redress/platform';
import { StaffWebConfig } from './config.js';

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(StaffWebConfig, environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems.filter((problem) => problem.startsWith('OIDC_'));
    throw error;
  }
}

describe('StaffWebConfig', () => {
  it('refuses the development client secret, a plain-http issuer and insecure requests in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).join('\n');
    expect(problems).toMatch(/OIDC_CLIENT_SECRET must not be the development secret in production/);
    expect(problems).toMatch(/OIDC_ISSUER must be https in production/);
    expect(problems).toMatch(/OIDC_ALLOW_HTTP must be false in production/);
  });

  it('accepts real settings in production', () => {
    expect(
      problemsOf({
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
        OIDC_CLIENT_SECRET: 'a-real-secret-from-the-vault-0123456789',
        OIDC_ALLOW_HTTP: 'false',
        OIDC_REDIRECT_URL: 'https://staff.example.gov.uk/sign-in/callback',
      }),
    ).toEqual([]);
  });
});
