import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { OwnDirectoryEntry, type OwnService, type PartnerPrincipal } from '@redress/application';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CurrentPartner, PartnerAuthGuard } from './partner-auth.guard.js';

const areaTypes = ['local-authority', 'postcode-district', 'country'] as const;

export class ServiceAreaDto {
  @ApiProperty({ enum: areaTypes }) @IsIn(areaTypes) areaType: (typeof areaTypes)[number];
  @ApiProperty({ example: 'E09000007', description: 'GSS code, or a postcode district like NW1' })
  @Matches(/^([EWK]\d{8}|[A-Z]{1,2}\d[A-Z\d]?)$/, { message: 'code must be a GSS code or a postcode district' })
  code: string;
  @ApiProperty({ example: 'Camden' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
}

export class ServiceChangeDto {
  @ApiProperty() at: string;
  @ApiProperty({ enum: ['partner', 'staff', 'import'] }) byType: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The partner user or credential' })
  byId: string | null;
  @ApiProperty({ type: [String] }) fields: string[];
}

export class OwnServiceDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ type: String, nullable: true }) email: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) url: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) minimumAge: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) maximumAge: number | null;
  @ApiProperty({ description: 'The capacity flag the matcher ranks by' }) acceptingReferrals: boolean;
  @ApiProperty({ type: [ServiceAreaDto] }) areas: ServiceAreaDto[];
  @ApiPropertyOptional({ type: ServiceChangeDto, nullable: true }) lastChange: ServiceChangeDto | null;
  @ApiPropertyOptional({ type: [ServiceChangeDto] }) history?: ServiceChangeDto[];

  static from(
    service: OwnService & { history?: Array<{ at: Date; byType: string; byId: string | null; fields: string[] }> },
  ) {
    return Object.assign(new OwnServiceDto(), {
      id: service.id,
      name: service.name,
      description: service.description,
      email: service.email,
      url: service.url,
      minimumAge: service.minimumAge,
      maximumAge: service.maximumAge,
      acceptingReferrals: service.acceptingReferrals,
      areas: service.areas,
      lastChange: service.lastChange
        ? { ...service.lastChange, at: service.lastChange.at.toISOString(), fields: [] }
        : null,
      ...(service.history
        ? { history: service.history.map((change) => ({ ...change, at: change.at.toISOString() })) }
        : {}),
    });
  }
}

/** The editable part of a service's directory entry; every field optional, `null` clears an optional one. */
export class UpdateOwnServiceDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() acceptingReferrals?: boolean;
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsEmail()
  email?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  url?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(130)
  minimumAge?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(0)
  @Max(130)
  maximumAge?: number | null;
  @ApiPropertyOptional({ type: [ServiceAreaDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ServiceAreaDto)
  areas?: ServiceAreaDto[];
}

/** The organisation's own entry in the support directory: its services, kept current by the organisation. */
@ApiTags('partner-organisation')
@ApiBearerAuth()
@UseGuards(PartnerAuthGuard)
@Controller('v1/partner/organisation/services')
export class PartnerDirectoryController {
  constructor(private readonly entry: OwnDirectoryEntry) {}

  @Get()
  @ApiOperation({ summary: 'Your organisation’s services as the directory holds them' })
  @ApiOkResponse({ type: [OwnServiceDto] })
  async list(@CurrentPartner() partner: PartnerPrincipal) {
    return (await this.entry.list(partner)).map((service) => OwnServiceDto.from(service));
  }

  @Get(':serviceId')
  @ApiOperation({ summary: 'One of your services, with its dated, attributed changes' })
  @ApiOkResponse({ type: OwnServiceDto })
  @ApiNotFoundResponse({ description: 'Not one of your services (the attempt is audited)' })
  async get(@CurrentPartner() partner: PartnerPrincipal, @Param('serviceId', ParseUUIDPipe) serviceId: string) {
    return OwnServiceDto.from(await this.entry.get(partner, serviceId));
  }

  @Patch(':serviceId')
  @ApiOperation({
    summary: 'Change one of your services: taking referrals or not, description, contact, areas, ages',
    description: 'Dated and attributed; a later directory import of an older record leaves it as you set it.',
  })
  @ApiOkResponse({ type: OwnServiceDto })
  @ApiBadRequestResponse({ description: 'Invalid fields, or the youngest age above the oldest' })
  @ApiNotFoundResponse({ description: 'Not one of your services (the attempt is audited)' })
  async update(
    @CurrentPartner() partner: PartnerPrincipal,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @Body() body: UpdateOwnServiceDto,
  ) {
    return OwnServiceDto.from(await this.entry.update(partner, serviceId, body));
  }
}
