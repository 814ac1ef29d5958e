import { randomBytes } from 'node:crypto';
import { DomainError } from '@redress/domain';
import { FixedClock } from '../ports/clock.js';
import { AuthErrorCode } from './auth-errors.js';
import { CryptoAuthSecrets } from './auth-secrets.js';
import { CitizenAuthSettings } from './citizen-auth.settings.js';
import { RefreshSessionCommand } from './refresh-session/refresh-session.command.js';
import { RefreshSessionUseCase } from './refresh-session/refresh-session.use-case.js';
import { RequestSignInCodeCommand } from './request-sign-in-code/request-sign-in-code.command.js';
import { RequestSignInCodeUseCase } from './request-sign-in-code/request-sign-in-code.use-case.js';
import { ResolveExternalCitizenCommand } from './resolve-external-citizen/resolve-external-citizen.command.js';
import { ResolveExternalCitizenUseCase } from './resolve-external-citizen/resolve-external-citizen.use-case.js';
import { SignInWithCodeCommand } from './sign-in-with-code/sign-in-with-code.command.js';
import { SignInWithCodeUseCase } from './sign-in-with-code/sign-in-with-code.use-case.js';
import { SignOutCommand } from './sign-out/sign-out.command.js';
import { SignOutUseCase } from './sign-out/sign-out.use-case.js';
import {
  FakeAccessTokens,
  FakeEmailProtector,
  InMemoryCitizenAuthStore,
  RecordingNotifier,
} from './testing/in-memory-citizen-auth.store.js';

function setUp() {
  const store = new InMemoryCitizenAuthStore();
  const emails = new FakeEmailProtector();
  const secrets = new CryptoAuthSecrets(randomBytes(32));
  const notifier = new RecordingNotifier();
  const clock = new FixedClock(new Date('2026-03-02T09:00:00Z'));
  const settings = new CitizenAuthSettings({
    signInCodeTemplateId: 'template-1',
    signInCodeTemplateIdCy: 'template-1-cy',
  });
  const tokens = new FakeAccessTokens();
  return {
    store,
    notifier,
    clock,
    secrets,
    requestCode: new RequestSignInCodeUseCase(store, emails, secrets, notifier, clock, settings),
    signIn: new SignInWithCodeUseCase(store, emails, secrets, tokens, clock, settings),
    refresh: new RefreshSessionUseCase(store, secrets, tokens, clock, settings),
    signOut: new SignOutUseCase(store, secrets, clock),
    resolveExternal: new ResolveExternalCitizenUseCase(store, clock),
  };
}

async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

const EMAIL = 'Sam@Example.test';

describe('RequestSignInCodeUseCase', () => {
  it('emails six digits valid for 10 minutes, stores only a salted keyed hash and audits ids only', async () => {
    const { store, notifier, requestCode } = setUp();
    await expect(requestCode.execute(new RequestSignInCodeCommand(` ${EMAIL} `))).resolves.toEqual({ expiresIn: 600 });
    const email = notifier.emails[0]!;
    expect(email).toMatchObject({ templateId: 'template-1', emailAddress: 'sam@example.test' });
    expect(notifier.lastCode()).toMatch(/^\d{6}$/);
    const [code] = store.state.codes;
    expect(email.reference).toBe(code!.id);
    expect(code!.expiresAt.toISOString()).toBe('2026-03-02T09:10:00.000Z');
    expect(JSON.stringify(store.state)).not.toContain(`"${notifier.lastCode()}"`);
    expect(store.state.audit).toEqual([
      expect.objectContaining({ actorType: 'anonymous', action: 'citizen.sign-in-code.issued', targetId: code!.id }),
    ]);
  });

  it('emails the Welsh template for a request in Welsh, the English one otherwise', async () => {
    const { notifier, requestCode } = setUp();
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL, 'cy'));
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL, 'en'));
    expect(notifier.emails.map((email) => email.templateId)).toEqual(['template-1-cy', 'template-1']);
  });

  it('gives each code its own salt, and a new code closes the earlier one', async () => {
    const { store, requestCode } = setUp();
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    const [first, second] = store.state.codes;
    expect(first!.codeSalt).not.toBe(second!.codeSalt);
    expect(first).toMatchObject({ closedReason: 'superseded' });
    expect(second).toMatchObject({ closedReason: null });
  });
});

describe('SignInWithCodeUseCase', () => {
  it('makes the account on the first good code and reuses it after', async () => {
    const { store, notifier, requestCode, signIn } = setUp();
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    const first = await signIn.execute(new SignInWithCodeCommand('sam@example.TEST', notifier.lastCode()));
    expect(store.state.accounts).toHaveLength(1);
    expect(store.state.accounts[0]!.emailEncrypted).toContain(first.citizenId);
    expect(first).toMatchObject({ tokenType: 'Bearer', accessToken: `access-for-${first.citizenId}` });
    expect(first.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.state.refreshTokens[0]!.tokenHash).not.toContain(first.refreshToken);
    expect(store.state.audit.map((event) => event.action)).toEqual([
      'citizen.sign-in-code.issued',
      'citizen.account.created',
      'citizen.signed-in',
    ]);
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    const second = await signIn.execute(new SignInWithCodeCommand(EMAIL, notifier.lastCode()));
    expect(second.citizenId).toBe(first.citizenId);
    expect(store.state.accounts).toHaveLength(1);
    expect(store.state.sessions).toHaveLength(2);
  });

  it('counts wrong codes, keeps the count, and ends the code on the fifth', async () => {
    const { store, notifier, requestCode, signIn } = setUp();
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    const code = notifier.lastCode();
    const wrong = code === '000000' ? '000001' : '000000';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await rejectionCode(signIn.execute(new SignInWithCodeCommand(EMAIL, wrong)))).toBe(
        AuthErrorCode.SignInCodeInvalid,
      );
      expect(store.state.codes[0]!.failedAttempts).toBe(attempt);
    }
    expect(await rejectionCode(signIn.execute(new SignInWithCodeCommand(EMAIL, wrong)))).toBe(
      AuthErrorCode.SignInCodeAttemptsExceeded,
    );
    expect(await rejectionCode(signIn.execute(new SignInWithCodeCommand(EMAIL, code)))).toBe(
      AuthErrorCode.SignInCodeAttemptsExceeded,
    );
    expect(store.state.codes[0]).toMatchObject({ failedAttempts: 5, closedReason: 'too-many-attempts' });
    expect(store.state.accounts).toHaveLength(0);
    expect(store.state.audit.map((event) => event.action)).toContain('citizen.sign-in-code.locked');
  });

  it('refuses a code at 10 minutes, accepts it just before', async () => {
    const { notifier, clock, requestCode, signIn } = setUp();
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    clock.advance(10 * 60_000);
    expect(await rejectionCode(signIn.execute(new SignInWithCodeCommand(EMAIL, notifier.lastCode())))).toBe(
      AuthErrorCode.SignInCodeInvalid,
    );
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    clock.advance(10 * 60_000 - 1);
    await expect(signIn.execute(new SignInWithCodeCommand(EMAIL, notifier.lastCode()))).resolves.toBeDefined();
  });

  it('refuses a code for another address, a used code and an address that never asked', async () => {
    const { notifier, requestCode, signIn } = setUp();
    await requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    const code = notifier.lastCode();
    expect(await rejectionCode(signIn.execute(new SignInWithCodeCommand('other@example.test', code)))).toBe(
      AuthErrorCode.SignInCodeInvalid,
    );
    await signIn.execute(new SignInWithCodeCommand(EMAIL, code));
    expect(await rejectionCode(signIn.execute(new SignInWithCodeCommand(EMAIL, code)))).toBe(
      AuthErrorCode.SignInCodeInvalid,
    );
  });
});

describe('RefreshSessionUseCase', () => {
  async function signedIn() {
    const context = setUp();
    await context.requestCode.execute(new RequestSignInCodeCommand(EMAIL));
    const session = await context.signIn.execute(new SignInWithCodeCommand(EMAIL, context.notifier.lastCode()));
    return { ...context, session };
  }

  it('rotates the refresh token within the session', async () => {
    const { store, refresh, session } = await signedIn();
    const next = await refresh.execute(new RefreshSessionCommand(session.refreshToken));
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.citizenId).toBe(session.citizenId);
    expect(store.state.refreshTokens).toHaveLength(2);
    expect(new Set(store.state.refreshTokens.map((token) => token.sessionId)).size).toBe(1);
    expect(store.state.refreshTokens[0]!.usedAt).not.toBeNull();
  });

  it('revokes the family on reuse, and the revocation is kept although the call fails', async () => {
    const { store, refresh, session } = await signedIn();
    const next = await refresh.execute(new RefreshSessionCommand(session.refreshToken));
    expect(await rejectionCode(refresh.execute(new RefreshSessionCommand(session.refreshToken)))).toBe(
      AuthErrorCode.RefreshTokenInvalid,
    );
    expect(store.state.sessions[0]).toMatchObject({ revokedReason: 'refresh-token-reuse' });
    expect(store.state.audit.map((event) => event.action)).toContain('citizen.refresh-token.reused');
    expect(await rejectionCode(refresh.execute(new RefreshSessionCommand(next.refreshToken)))).toBe(
      AuthErrorCode.RefreshTokenInvalid,
    );
  });

  it('refuses an expired refresh token and never outlives the session', async () => {
    const { clock, refresh, session } = await signedIn();
    clock.advance(24 * 3600_000 - 1000);
    let current = await refresh.execute(new RefreshSessionCommand(session.refreshToken));
    for (let day = 1; day < 6; day += 1) {
      clock.advance(24 * 3600_000 - 1000);
      current = await refresh.execute(new RefreshSessionCommand(current.refreshToken));
    }
    // Day 7 is the session's end: the last token expires with it.
    expect(current.refreshTokenExpiresIn).toBeLessThanOrEqual(24 * 3600);
    clock.advance(24 * 3600_000);
    expect(await rejectionCode(refresh.execute(new RefreshSessionCommand(current.refreshToken)))).toBe(
      AuthErrorCode.RefreshTokenInvalid,
    );
  });
});

describe('SignOutUseCase', () => {
  it("revokes the caller's session and ignores another citizen's token", async () => {
    const context = setUp();
    const sessions = [];
    for (const email of ['a@example.test', 'b@example.test']) {
      await context.requestCode.execute(new RequestSignInCodeCommand(email));
      sessions.push(await context.signIn.execute(new SignInWithCodeCommand(email, context.notifier.lastCode())));
    }
    const [alice, bob] = sessions as [(typeof sessions)[0], (typeof sessions)[0]];
    await context.signOut.execute(new SignOutCommand(alice.citizenId, bob.refreshToken));
    expect(context.store.state.sessions.every((session) => session.revokedAt === null)).toBe(true);
    await context.signOut.execute(new SignOutCommand(alice.citizenId, alice.refreshToken));
    expect(context.store.state.sessions.find((session) => session.citizenId === alice.citizenId)).toMatchObject({
      revokedReason: 'signed-out',
    });
    expect(await rejectionCode(context.refresh.execute(new RefreshSessionCommand(alice.refreshToken)))).toBe(
      AuthErrorCode.RefreshTokenInvalid,
    );
    await expect(context.refresh.execute(new RefreshSessionCommand(bob.refreshToken))).resolves.toBeDefined();
  });
});

describe('ResolveExternalCitizenUseCase', () => {
  const ISSUER = 'https://oidc.example.test/';
  const at = (time: string) => new Date(`2026-03-02T${time}Z`);
  const resolve = (issuer: string, subject: string, signedInAt: Date, adopt = false) =>
    new ResolveExternalCitizenCommand(issuer, subject, signedInAt, adopt);

  it('makes an account on first sight and finds it after, keyed by issuer and subject together', async () => {
    const { store, resolveExternal } = setUp();
    const first = await resolveExternal.execute(resolve(ISSUER, 'subject-1', at('08:00:00')));
    const again = await resolveExternal.execute(resolve(ISSUER, 'subject-1', at('08:00:00')));
    const other = await resolveExternal.execute(resolve(ISSUER, 'subject-2', at('08:00:00')));
    const elsewhere = await resolveExternal.execute(
      resolve('https://other.example.test/', 'subject-1', at('08:00:00')),
    );
    expect(again).toEqual(first);
    expect(new Set([first.citizenId, other.citizenId, elsewhere.citizenId]).size).toBe(3);
    expect(store.state.audit.filter((event) => event.action === 'citizen.account.created')).toHaveLength(3);
  });

  it('records each new sign-in once, with its time, and none for a repeated token', async () => {
    const { store, resolveExternal } = setUp();
    const { citizenId } = await resolveExternal.execute(resolve(ISSUER, 'subject-1', at('08:00:00')));
    await resolveExternal.execute(resolve(ISSUER, 'subject-1', at('08:00:00')));
    await resolveExternal.execute(resolve(ISSUER, 'subject-1', at('08:30:00')));
    const signIns = store.state.audit.filter((event) => event.action === 'citizen.signed-in');
    expect(signIns.map((event) => event.actorId)).toEqual([citizenId, citizenId]);
    expect(store.state.accounts.find((account) => account.id === citizenId)!.lastSignedInAt).toEqual(at('08:30:00'));
  });

  it('lets only the adopting issuer claim an account made before issuers were kept', async () => {
    const { store, resolveExternal } = setUp();
    store.state.accounts.push({
      id: 'legacy-account',
      emailIndex: null,
      emailEncrypted: null,
      externalIssuer: null,
      externalSubject: 'subject-1',
      lastSignedInAt: null,
    });
    const foreign = await resolveExternal.execute(resolve('https://other.example.test/', 'subject-1', at('08:00:00')));
    expect(foreign.citizenId).not.toBe('legacy-account');
    const adopted = await resolveExternal.execute(resolve(ISSUER, 'subject-1', at('08:00:00'), true));
    expect(adopted.citizenId).toBe('legacy-account');
  });
});

describe('CryptoAuthSecrets', () => {
  it('makes uniform six-digit codes and checks them under its key only', () => {
    const secrets = new CryptoAuthSecrets(randomBytes(32));
    const codes = Array.from({ length: 2000 }, () => secrets.newSignInCode());
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    const salt = secrets.newSalt();
    const hash = secrets.hashSignInCode('123456', salt);
    expect(secrets.signInCodeMatches('123456', salt, hash)).toBe(true);
    expect(secrets.signInCodeMatches('123457', salt, hash)).toBe(false);
    expect(secrets.signInCodeMatches('123456', secrets.newSalt(), hash)).toBe(false);
    expect(new CryptoAuthSecrets(randomBytes(32)).signInCodeMatches('123456', salt, hash)).toBe(false);
    expect(() => new CryptoAuthSecrets(randomBytes(16))).toThrow(/32 bytes/);
  });
});
