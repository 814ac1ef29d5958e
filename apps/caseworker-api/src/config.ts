import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { HttpConfig } from '@redress/platform';

/** The caseworker-api's settings, validated once at boot. */
export class CaseworkerApiConfig extends HttpConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  override PORT = 3002;
}
