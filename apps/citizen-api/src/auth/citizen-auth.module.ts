import { hkdfSync } from 'node:crypto';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import {
  AuthSecrets,
  CitizenAccessTokenIssuer,
  CitizenAuthSettings,
  CitizenAuthStore,
  CitizenEmailProtector,
  Clock,
  CryptoAuthSecrets,
  Notifier,
  RefreshSessionUseCase,
  RequestSignInCodeUseCase,
  ResolveExternalCitizenUseCase,
  SignInWithCodeUseCase,
  SignOutUseCase,
  SystemClock,
} from '@redress/application';
import { NotifyModule } from '@redress/platform';
import { CitizenApiConfig } from '../config.js';
import { AuthRateLimits } from './auth-rate-limits.js';
import { CitizenAccessTokens } from './citizen-access-tokens.js';
import { CitizenAuthController } from './citizen-auth.controller.js';
import { CitizenIdentityController } from './citizen-identity.controller.js';
import { CitizenJwtStrategy } from './citizen-jwt.strategy.js';
import { FieldCipherEmailProtector } from './field-cipher-email-protector.js';
import { PostgresCitizenAuthStore } from './postgres-citizen-auth.store.js';

/** The code-hashing key, derived from the token secret so that one secret serves both (RFC 5869 HKDF). */
function signInCodeKey(config: CitizenApiConfig): Buffer {
  return Buffer.from(hkdfSync('sha256', config.CITIZEN_TOKEN_SECRET, '', 'redress citizen sign-in code v1', 32));
}

/**
 * Citizen sign-in. Local mode: emailed one-time codes, short-lived access tokens and rotating refresh
 * tokens, under /v1/auth. OIDC mode: no sign-in routes; the external provider's tokens are verified and
 * their subjects mapped to accounts. In both modes CitizenAuthGuard protects every other route.
 */
@Module({})
export class CitizenAuthModule {
  static forRoot(config: CitizenApiConfig): DynamicModule {
    const local = config.CITIZEN_AUTH_MODE === 'local';
    const providers: Provider[] = [
      { provide: Clock, useClass: SystemClock },
      {
        provide: CitizenAuthSettings,
        useValue: new CitizenAuthSettings({
          refreshTokenTtlSeconds: config.CITIZEN_REFRESH_TOKEN_TTL_SECONDS,
          sessionMaxSeconds: config.CITIZEN_SESSION_MAX_SECONDS,
          signInCodeTemplateId: config.NOTIFY_TEMPLATE_SIGN_IN_CODE,
          signInCodeTemplateIdCy: config.NOTIFY_TEMPLATE_SIGN_IN_CODE_CY,
        }),
      },
      { provide: AuthSecrets, useFactory: () => new CryptoAuthSecrets(signInCodeKey(config)) },
      { provide: CitizenAuthStore, useClass: PostgresCitizenAuthStore },
      { provide: CitizenEmailProtector, useClass: FieldCipherEmailProtector },
      CitizenAccessTokens,
      { provide: CitizenAccessTokenIssuer, useExisting: CitizenAccessTokens },
      {
        provide: ResolveExternalCitizenUseCase,
        inject: [CitizenAuthStore, Clock],
        useFactory: (store: CitizenAuthStore, clock: Clock) => new ResolveExternalCitizenUseCase(store, clock),
      },
      CitizenJwtStrategy,
    ];
    const signInProviders: Provider[] = [
      AuthRateLimits,
      {
        provide: RequestSignInCodeUseCase,
        inject: [CitizenAuthStore, CitizenEmailProtector, AuthSecrets, Notifier, Clock, CitizenAuthSettings],
        useFactory: (
          store: CitizenAuthStore,
          emails: CitizenEmailProtector,
          secrets: AuthSecrets,
          notifier: Notifier,
          clock: Clock,
          settings: CitizenAuthSettings,
        ) => new RequestSignInCodeUseCase(store, emails, secrets, notifier, clock, settings),
      },
      {
        provide: SignInWithCodeUseCase,
        inject: [
          CitizenAuthStore,
          CitizenEmailProtector,
          AuthSecrets,
          CitizenAccessTokenIssuer,
          Clock,
          CitizenAuthSettings,
        ],
        useFactory: (
          store: CitizenAuthStore,
          emails: CitizenEmailProtector,
          secrets: AuthSecrets,
          accessTokens: CitizenAccessTokenIssuer,
          clock: Clock,
          settings: CitizenAuthSettings,
        ) => new SignInWithCodeUseCase(store, emails, secrets, accessTokens, clock, settings),
      },
      {
        provide: RefreshSessionUseCase,
        inject: [CitizenAuthStore, AuthSecrets, CitizenAccessTokenIssuer, Clock, CitizenAuthSettings],
        useFactory: (
          store: CitizenAuthStore,
          secrets: AuthSecrets,
          accessTokens: CitizenAccessTokenIssuer,
          clock: Clock,
          settings: CitizenAuthSettings,
        ) => new RefreshSessionUseCase(store, secrets, accessTokens, clock, settings),
      },
      {
        provide: SignOutUseCase,
        inject: [CitizenAuthStore, AuthSecrets, Clock],
        useFactory: (store: CitizenAuthStore, secrets: AuthSecrets, clock: Clock) =>
          new SignOutUseCase(store, secrets, clock),
      },
    ];
    return {
      module: CitizenAuthModule,
      imports: [NotifyModule.forRoot(config)],
      controllers: local ? [CitizenAuthController, CitizenIdentityController] : [CitizenIdentityController],
      providers: local ? [...providers, ...signInProviders] : providers,
      exports: [CitizenAccessTokens, CitizenAccessTokenIssuer],
    };
  }
}
