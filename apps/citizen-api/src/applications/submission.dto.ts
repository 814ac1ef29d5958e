import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class SubmitApplicationDto {
  @ApiPropertyOptional({ description: 'The version the applicant checked their answers at: a newer change gives 412' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  applicationVersion?: number;
}
