import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { awardEdition, searchTariff } from '@redress/domain';
import { IsCalendarDate } from '@redress/platform';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Roles, StaffController } from '../auth/index.js';

export class TariffQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'Words of the injury, or its code.', example: 'broken arm' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N} '()-]*$/u, { message: 'q must be words or a code' })
  q?: string;

  @ApiPropertyOptional({
    description: 'The scheme edition; by default the one in force on `on`.',
    example: 'cics-2012',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/)
  edition?: string;

  @ApiPropertyOptional({ description: 'The date whose edition applies (default today).', example: '2026-11-27' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class TariffEntryResponse {
  @ApiProperty({ example: 'A-HEAD-BRAIN-MINOR' }) code: string;
  @ApiProperty() description: string;
  @ApiProperty() part: string;
  @ApiProperty() bodyArea: string;
  @ApiProperty() amountPence: number;
  @ApiProperty() verified: boolean;
}

export class TariffResponse {
  @ApiProperty() edition: string;
  @ApiProperty({ type: [TariffEntryResponse] }) entries: TariffEntryResponse[];
}

@ApiTags('awards')
@StaffController()
@Controller('v1/tariff')
export class TariffController {
  @Get()
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({ summary: 'The tariff of injuries, searched by words or code (at most 50 entries).' })
  @ApiOkResponse({ type: TariffResponse })
  search(@Query() query: TariffQuery): TariffResponse {
    const on = query.on ?? new Date().toISOString().slice(0, 10);
    const edition = awardEdition(query.edition, on);
    return {
      edition: edition.name,
      entries: searchTariff(edition.tariff, query.q ?? '').map((entry) => ({
        code: entry.code,
        description: entry.description,
        part: entry.part,
        bodyArea: entry.bodyArea,
        amountPence: entry.amountPence,
        verified: entry.verified,
      })),
    };
  }
}
