import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
// People copy codes with spaces ("123 456"); only digits count.
const withoutSpaces = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.length <= 64 ? value.replace(/\s+/g, '') : value;

export class RequestSignInCodeDto {
  @ApiProperty({ example: 'sam@example.com', maxLength: 254 })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail(
    { allow_display_name: false, allow_ip_domain: false, require_tld: true },
    { message: 'email must be an email address' },
  )
  email: string;
}

export class SignInWithCodeDto extends RequestSignInCodeDto {
  @ApiProperty({ example: '123456', description: 'The six digits from the email.' })
  @Transform(withoutSpaces)
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the email' })
  code: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from the last sign-in or refresh.', example: 'q2Lk3...' })
  @IsString()
  // 32 random bytes in base64url.
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'refreshToken must be a refresh token' })
  refreshToken: string;
}

export class SignInCodeSentResponse {
  @ApiProperty({ example: 'If the address can receive email, a code is on its way.' })
  message: string;

  @ApiProperty({ example: 600, description: 'Seconds the code works for.' })
  codeExpiresIn: number;
}

export class SessionTokensResponse {
  @ApiProperty({ description: 'A JWT for the Authorization header (Bearer).' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds the access token works for.' })
  expiresIn: number;

  @ApiProperty({ description: 'Works once: exchange it at /v1/auth/refresh for new tokens.' })
  refreshToken: string;

  @ApiProperty({ example: 86400, description: 'Seconds the refresh token works for if unused.' })
  refreshTokenExpiresIn: number;
}
