import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { HttpConfig } from '@redress/platform';

/** The citizen-api's settings, validated once at boot. */
export class CitizenApiConfig extends HttpConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  override PORT = 3001;
}
