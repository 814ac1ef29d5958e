import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  Max,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { serviceAreaTypes, type ServiceAreaType } from '@redress/domain';

/**
 * An Open Referral UK / HSDS 3 document: taxonomy terms, and organisations with their services nested as
 * HSDS 3's JSON schemas nest them. Fields we do not use (phones, schedules, locations...) are allowed and
 * ignored. Two local extensions, in a `redress` object, carry what HSDS lacks: a service area's type and
 * code, and a service's intake details and capacity flag (see docs/referrals.md).
 */
export class HsdsTaxonomyTerm {
  @IsUUID()
  id: string;

  @Matches(/^[a-z0-9-]{1,60}$/)
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Matches(/^[a-z0-9-]{1,60}$/)
  taxonomy: string;

  @IsOptional()
  @IsUUID()
  parent_id?: string | null;
}

export class RedressAreaExtension {
  @IsIn(serviceAreaTypes)
  area_type: ServiceAreaType;

  /** A GSS code (E09000007, W92000004) or a postcode district (SW1A), upper case. */
  @Matches(/^([EWK][0-9]{8}|[A-Z]{1,2}[0-9][A-Z0-9]?)$/)
  code: string;
}

export class HsdsServiceArea {
  @IsUUID()
  id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ValidateNested()
  @Type(() => RedressAreaExtension)
  redress: RedressAreaExtension;
}

export class HsdsAttribute {
  @IsUUID()
  id: string;

  @IsUUID()
  taxonomy_term_id: string;
}

export class RedressServiceExtension {
  @IsIn(['api', 'email', 'phone'])
  intake_method: 'api' | 'email' | 'phone';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  intake_description?: string | null;

  /** The capacity flag: false while the service cannot take new referrals. */
  @IsBoolean()
  accepting_referrals: boolean;
}

export class HsdsService {
  @IsUUID()
  id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  alternate_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  url?: string | null;

  @IsOptional()
  @IsEmail()
  email?: string | null;

  @IsIn(['active', 'inactive', 'defunct', 'temporarily closed'])
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  eligibility_description?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  minimum_age?: number | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(130)
  maximum_age?: number | null;

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => HsdsServiceArea)
  service_areas: HsdsServiceArea[];

  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => HsdsAttribute)
  attributes: HsdsAttribute[];

  @ValidateNested()
  @Type(() => RedressServiceExtension)
  redress: RedressServiceExtension;

  /** HSDS 3: when the record was last modified (with a zone). A later portal edit wins over an older record. */
  @IsOptional()
  @IsISO8601({ strict: true })
  last_modified?: string | null;
}

export class HsdsOrganization {
  @IsUUID()
  id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  alternate_name?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @IsOptional()
  @IsEmail()
  email?: string | null;

  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  website?: string | null;

  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => HsdsService)
  services: HsdsService[];
}

export class HsdsDocument {
  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => HsdsTaxonomyTerm)
  taxonomy_terms: HsdsTaxonomyTerm[];

  @IsArray()
  @ArrayMaxSize(50_000)
  @ValidateNested({ each: true })
  @Type(() => HsdsOrganization)
  organizations: HsdsOrganization[];
}
