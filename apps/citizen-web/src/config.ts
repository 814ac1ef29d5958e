import { Matches } from 'class-validator';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { WebConfig } from '@redress/web';

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
}
