import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { WebConfig } from '@redress/web';

const oneLogin = (config: CitizenWebConfig) => config.CITIZEN_SIGN_IN === 'one-login';

/** A check of a One Login setting that holds in production only (https, say). */
function InProductionOneLogin(test: (value: unknown) => boolean, message: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'inProductionOneLogin',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const config = args.object as CitizenWebConfig;
          return config.NODE_ENV !== 'production' || !oneLogin(config) || test(value);
        },
      },
    });
}

const https = (value: unknown) => typeof value === 'string' && value.startsWith('https://');

/** The citizen web service's settings, validated once at boot. */
export class CitizenWebConfig extends WebConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  override PORT = 3000;

  /** Where the citizen API answers: every page is built from its answers. */
  @Matches(/^https?:\/\/\S+$/, { message: 'CITIZEN_API_URL must be a URL' })
  CITIZEN_API_URL = 'http://127.0.0.1:3001';

  /** How long before the session ends the timeout warning opens (never more than the session's idle time). */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(3600)
  SESSION_WARNING_SECONDS = 120;

  /** How citizens sign in: a code emailed by the citizen API (default), or GOV.UK One Login (API in oidc mode). */
  @IsIn(['email-code', 'one-login'])
  CITIZEN_SIGN_IN: 'email-code' | 'one-login' = 'email-code';

  /** One Login's issuer, where its discovery document is (`https://oidc.account.gov.uk/`). */
  @ValidateIf(oneLogin)
  @Matches(/^https?:\/\/\S+$/, { message: 'ONE_LOGIN_ISSUER must be a URL when CITIZEN_SIGN_IN is one-login' })
  @InProductionOneLogin(https, 'ONE_LOGIN_ISSUER must be https in production')
  ONE_LOGIN_ISSUER?: string;

  /** This service's client id at One Login. */
  @ValidateIf(oneLogin)
  @Matches(/^\S{1,200}$/, { message: 'ONE_LOGIN_CLIENT_ID is required when CITIZEN_SIGN_IN is one-login' })
  ONE_LOGIN_CLIENT_ID?: string;

  /** The private key (PKCS#8 PEM, `\n` may be written literally) of `private_key_jwt` client authentication. */
  @ValidateIf(oneLogin)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\\n/g, '\n') : value))
  @Matches(/-----BEGIN PRIVATE KEY-----/, { message: 'ONE_LOGIN_PRIVATE_KEY must be a PKCS#8 PEM private key' })
  ONE_LOGIN_PRIVATE_KEY?: string;

  /** The key id One Login knows the public key by (optional). */
  @IsOptional()
  @IsString()
  ONE_LOGIN_PRIVATE_KEY_ID?: string;

  /** The signature algorithm of the client assertion (the key's). */
  @IsIn(['ES256', 'RS256', 'PS256'])
  ONE_LOGIN_PRIVATE_KEY_ALGORITHM: 'ES256' | 'RS256' | 'PS256' = 'ES256';

  /** This service's address as the browser sees it: redirect URIs are made from it (`/sign-in/callback`...). */
  @ValidateIf(oneLogin)
  @Matches(/^https?:\/\/[^\s/]+$/, {
    message: 'PUBLIC_URL must be an origin (no path) when CITIZEN_SIGN_IN is one-login',
  })
  @InProductionOneLogin(https, 'PUBLIC_URL must be https in production')
  PUBLIC_URL?: string;

  /** The vector of trust asked for, a JSON array (`["Cl.Cm"]`: two factors; `["Cl"]`: low). */
  @Matches(/^\["[A-Za-z0-9.]+"(,"[A-Za-z0-9.]+")*\]$/, { message: 'ONE_LOGIN_VTR must be a JSON array like ["Cl.Cm"]' })
  ONE_LOGIN_VTR = '["Cl.Cm"]';

  /** Credential trust levels, lowest first: the ID token's `vot` must be at least the lowest level asked for. */
  @Matches(/^[A-Za-z0-9.]+(,[A-Za-z0-9.]+)*$/)
  ONE_LOGIN_TRUST_LEVELS = 'Cl,Cl.Cm';

  /** The signature algorithm of One Login's ID tokens. */
  @IsIn(['ES256', 'RS256'])
  ONE_LOGIN_ID_TOKEN_ALGORITHM: 'ES256' | 'RS256' = 'ES256';

  /** The scopes asked for. */
  @Matches(/^openid( [A-Za-z0-9_:.-]+)*$/)
  ONE_LOGIN_SCOPE = 'openid email';
}
