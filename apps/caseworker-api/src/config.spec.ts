import { generateKeyPairSync } from 'node:crypto';
import { ConfigurationError, loadConfig } from '@redress/platform';
import { DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY } from './auth/development-only-staff-keys.js';
import { CaseworkerApiConfig } from './config.js';

const productionBase = {
  NODE_ENV: 'production',
  FIELD_ENCRYPTION_KEYS: `prod-1:${Buffer.alloc(32, 7).toString('base64')}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  STAFF_TOKEN_ISSUER: 'https://login.example.gov.uk',
};
const realKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

/** Problems with the staff token settings only (other features add production checks of their own). */
function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(CaseworkerApiConfig, environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems.filter((problem) => problem.startsWith('STAFF_'));
    throw error;
  }
}

describe('CaseworkerApiConfig staff token settings', () => {
  it('uses the development key, issuer and RS256 by default outside production', () => {
    const config = loadConfig(CaseworkerApiConfig, {});
    expect(config.STAFF_TOKEN_PUBLIC_KEY).toBe(DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY);
    expect(config.STAFF_TOKEN_ALGORITHM).toBe('RS256');
    expect(config.STAFF_TOKEN_KEY_SOURCE).toBe('public-key');
  });

  it('refuses the development public key in production, however it is formatted', () => {
    expect(problemsOf(productionBase).join()).toMatch(/STAFF_TOKEN_PUBLIC_KEY must not be the development key/);
    const reformatted = DEVELOPMENT_ONLY_STAFF_PUBLIC_KEY.replace(/\n/g, '\\n');
    expect(problemsOf({ ...productionBase, STAFF_TOKEN_PUBLIC_KEY: reformatted }).join()).toMatch(
      /STAFF_TOKEN_PUBLIC_KEY must not be the development key/,
    );
  });

  it('refuses the development issuer in production', () => {
    const { STAFF_TOKEN_ISSUER: _issuer, ...withoutIssuer } = productionBase;
    expect(problemsOf({ ...withoutIssuer, STAFF_TOKEN_PUBLIC_KEY: realKey }).join()).toMatch(
      /STAFF_TOKEN_ISSUER must not be the development issuer/,
    );
  });

  it('refuses to accept development tokens beside the provider’s in production', () => {
    const jwks = { STAFF_TOKEN_KEY_SOURCE: 'jwks', STAFF_TOKEN_JWKS_URL: 'https://login.example.gov.uk/jwks' };
    expect(problemsOf({ ...productionBase, ...jwks, STAFF_TOKEN_ALSO_DEVELOPMENT_KEY: 'true' }).join()).toMatch(
      /STAFF_TOKEN_ALSO_DEVELOPMENT_KEY must be false in production/,
    );
    expect(problemsOf({ ...productionBase, ...jwks })).toEqual([]);
  });

  it('accepts a real public key, or an https JWKS, in production', () => {
    expect(problemsOf({ ...productionBase, STAFF_TOKEN_PUBLIC_KEY: realKey })).toEqual([]);
    expect(
      problemsOf({
        ...productionBase,
        STAFF_TOKEN_KEY_SOURCE: 'jwks',
        STAFF_TOKEN_JWKS_URL: 'https://login.example.gov.uk/jwks',
      }),
    ).toEqual([]);
  });

  it('refuses a plain-http JWKS in production, a missing JWKS URL, an HMAC or none algorithm', () => {
    expect(
      problemsOf({
        ...productionBase,
        STAFF_TOKEN_KEY_SOURCE: 'jwks',
        STAFF_TOKEN_JWKS_URL: 'http://login.example/jwks',
      }).join(),
    ).toMatch(/STAFF_TOKEN_JWKS_URL must be https in production/);
    expect(problemsOf({ STAFF_TOKEN_KEY_SOURCE: 'jwks' }).join()).toMatch(/STAFF_TOKEN_JWKS_URL/);
    expect(problemsOf({ STAFF_TOKEN_ALGORITHM: 'HS256' }).join()).toMatch(/STAFF_TOKEN_ALGORITHM/);
    expect(problemsOf({ STAFF_TOKEN_ALGORITHM: 'none' }).join()).toMatch(/STAFF_TOKEN_ALGORITHM/);
  });

  it('keeps today’s claims by default: sub, roles and team as they are, one minute of clock tolerance', () => {
    expect(loadConfig(CaseworkerApiConfig, {})).toMatchObject({
      STAFF_ID_CLAIM: 'sub',
      STAFF_ROLES_CLAIM: 'roles',
      STAFF_ROLE_MAPPING: '',
      STAFF_TEAM_CLAIM: 'team',
      STAFF_TEAM_MAPPING: '',
      STAFF_TOKEN_CLOCK_TOLERANCE_SECONDS: 60,
      STAFF_TOKEN_JWKS_CACHE_SECONDS: 60,
    });
  });

  it('refuses a plain-http issuer among the accepted ones in production', () => {
    const jwks = {
      ...productionBase,
      STAFF_TOKEN_KEY_SOURCE: 'jwks',
      STAFF_TOKEN_JWKS_URL: 'https://login.example.gov.uk/keys',
    };
    expect(problemsOf(jwks)).toEqual([]);
    expect(
      problemsOf({ ...jwks, STAFF_TOKEN_ISSUER: 'https://login.example.gov.uk,http://sts.example.gov.uk/' }),
    ).toEqual(['STAFF_TOKEN_ISSUER must be https in production']);
  });

  it('takes role and team mappings only to our five roles and to team names', () => {
    expect(problemsOf({ STAFF_ROLE_MAPPING: 'Redress.Caseworker=caseworker, Redress.Audit=auditor' })).toEqual([]);
    expect(problemsOf({ STAFF_ROLE_MAPPING: 'Redress.Boss=superuser' })).toEqual([
      'STAFF_ROLE_MAPPING must be value=role pairs, each role one of the five staff roles',
    ]);
    expect(problemsOf({ STAFF_ROLE_MAPPING: 'no-pair' })).toHaveLength(1);
    expect(problemsOf({ STAFF_TEAM_MAPPING: '2f6c0b8e-group=general' })).toEqual([]);
    expect(problemsOf({ STAFF_TEAM_MAPPING: 'group=Not A Team' })).toHaveLength(1);
  });
});
