import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { WebConfig } from '@redress/web';

/** The support organisation portal's settings, validated once at boot. */
export class PartnerWebConfig extends WebConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  override PORT = 3004;

  /** Where the caseworker API answers: the portal is built on its partner routes. */
  @Matches(/^https?:\/\/\S+$/, { message: 'CASEWORKER_API_URL must be a URL' })
  CASEWORKER_API_URL = 'http://127.0.0.1:3002';

  /** The longest a portal session lasts, however active, in seconds (12 hours); then the person signs in again. */
  @Type(() => Number)
  @IsInt()
  @Min(300)
  @Max(24 * 3600)
  SESSION_MAX_SECONDS = 12 * 3600;
}
