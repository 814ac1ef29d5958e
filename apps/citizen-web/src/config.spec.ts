import { ConfigurationError, loadConfig } from '@redress/platform';
import { CitizenWebConfig } from './config.js';

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(CitizenWebConfig, environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) {
      return error.problems.filter((problem) => /ONE_LOGIN|PUBLIC_URL/.test(problem));
    }
    throw error;
  }
}

const oneLogin = {
  CITIZEN_SIGN_IN: 'one-login',
  ONE_LOGIN_ISSUER: 'https://oidc.account.gov.uk/',
  ONE_LOGIN_CLIENT_ID: 'redress-citizen-web',
  ONE_LOGIN_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nMIGH\\n-----END PRIVATE KEY-----',
  PUBLIC_URL: 'https://claim.redress.example.gov.uk',
};

describe('CitizenWebConfig sign-in settings', () => {
  it('signs in with the emailed code by default, asking One Login for Cl.Cm when it is used', () => {
    expect(loadConfig(CitizenWebConfig, {})).toMatchObject({
      CITIZEN_SIGN_IN: 'email-code',
      ONE_LOGIN_VTR: '["Cl.Cm"]',
    });
  });

  it('needs the issuer, client id, private key and public address for One Login', () => {
    expect(problemsOf(oneLogin)).toEqual([]);
    expect(problemsOf({ CITIZEN_SIGN_IN: 'one-login' })).toHaveLength(4);
  });

  it('refuses plain http for One Login and this service in production, and a vtr that is not a JSON list', () => {
    const production = { ...oneLogin, NODE_ENV: 'production' };
    expect(problemsOf({ ...production, ONE_LOGIN_ISSUER: 'http://oidc.account.gov.uk/' })).toEqual([
      'ONE_LOGIN_ISSUER must be https in production',
    ]);
    expect(problemsOf({ ...production, PUBLIC_URL: 'http://claim.redress.example.gov.uk' })).toEqual([
      'PUBLIC_URL must be https in production',
    ]);
    expect(problemsOf({ ...oneLogin, ONE_LOGIN_VTR: 'Cl.Cm' })).toEqual([
      'ONE_LOGIN_VTR must be a JSON array like ["Cl.Cm"]',
    ]);
  });
});
