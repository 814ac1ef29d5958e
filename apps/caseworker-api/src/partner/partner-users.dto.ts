import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PartnerSessionIssued, PartnerUserView } from '@redress/application';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const partnerUserRoles = ['administrator', 'caseworker'] as const;

export class PartnerSignInRequestDto {
  @ApiProperty({ example: 'sam@harbourlight.example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class PartnerChallengeDto {
  @ApiProperty({ description: 'The challenge from POST /v1/partner/auth/sign-in' })
  @IsString()
  @Matches(/^rpc_[A-Za-z0-9_-]{43}$/, { message: 'challenge is not one this API gave' })
  challenge: string;
}

export class PartnerCodeDto extends PartnerChallengeDto {
  @ApiProperty({ example: '123456', description: 'The emailed code, or a code from the authenticator app' })
  @Transform(trim)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class PartnerSecondFactorDto extends PartnerChallengeDto {
  @ApiProperty({ enum: ['totp', 'recovery-code'] })
  @IsIn(['totp', 'recovery-code'])
  method: 'totp' | 'recovery-code';

  @ApiProperty({ example: '123456', description: 'Six digits (totp) or xxxx-xxxx-xxxx (recovery-code)' })
  @Transform(trim)
  @Matches(/^(\d{6}|[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4})$/, {
    message: 'code must be 6 digits or a recovery code',
  })
  code: string;
}

export class PartnerSignInStartedDto {
  @ApiProperty({ description: 'Send it with the code; it works only if a code was emailed' }) challenge: string;
  @ApiProperty({ description: 'Seconds the code works for' }) expiresIn: number;
}

export class PartnerCodeCheckedDto {
  @ApiProperty({ enum: ['totp-setup', 'totp'], description: 'Set up the second factor, or enter it' })
  next: 'totp-setup' | 'totp';
}

export class PartnerTotpSetupDto {
  @ApiProperty({ description: 'Base32, for typing into an authenticator app' }) secret: string;
  @ApiProperty({ description: 'otpauth:// URI' }) uri: string;
  @ApiProperty({ description: 'The URI as a QR code, SVG' }) qrSvg: string;
}

export class PartnerSessionUserDto {
  @ApiProperty() id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty({ enum: partnerUserRoles }) role: 'administrator' | 'caseworker';
}

export class PartnerSessionDto {
  @ApiProperty({ description: 'rpu_...: send as Authorization: Bearer' }) accessToken: string;
  @ApiProperty({ description: 'Seconds the token works for unused; each use extends it, up to 12 hours' })
  expiresIn: number;
  @ApiProperty({ type: PartnerSessionUserDto }) user: PartnerSessionUserDto;
  @ApiPropertyOptional({ type: [String], description: 'Only at second-factor set-up: shown once, stored hashed' })
  recoveryCodes?: string[];
  @ApiPropertyOptional({ description: 'After a second factor: recovery codes left' })
  recoveryCodesLeft?: number;

  static from(issued: PartnerSessionIssued & { recoveryCodes?: string[]; recoveryCodesLeft?: number }) {
    return Object.assign(new PartnerSessionDto(), issued);
  }
}

export class PartnerMeDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: partnerUserRoles }) role: 'administrator' | 'caseworker';
  @ApiProperty() organisationId: string;
  @ApiProperty() organisationName: string;
}

export class InvitePartnerUserDto {
  @ApiProperty({ example: 'alex@harbourlight.example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: partnerUserRoles })
  @IsIn(partnerUserRoles)
  role: 'administrator' | 'caseworker';
}

export class PartnerUserInvitedDto {
  @ApiProperty() userId: string;
}

export class PartnerUserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: partnerUserRoles }) role: 'administrator' | 'caseworker';
  @ApiProperty({ enum: ['invited', 'active', 'removed'] }) status: 'invited' | 'active' | 'removed';
  @ApiProperty() secondFactorSetUp: boolean;
  @ApiProperty() createdAt: string;

  static from(user: PartnerUserView): PartnerUserDto {
    return Object.assign(new PartnerUserDto(), { ...user, createdAt: user.createdAt.toISOString() });
  }
}
