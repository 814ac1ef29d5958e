import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  RefreshSessionCommand,
  RefreshSessionUseCase,
  RequestSignInCodeCommand,
  RequestSignInCodeUseCase,
  SignInWithCodeCommand,
  SignInWithCodeUseCase,
  SignOutCommand,
  SignOutUseCase,
  type SessionTokens,
} from '@redress/application';
import { RateLimit, type Language } from '@redress/platform';
import { AnswerLanguage } from '../language/citizen-words.js';
import { CODE_TRIES_PER_EMAIL, CODES_PER_EMAIL, emailRateLimitKey, REFRESHES_PER_CLIENT } from './auth-rate-limits.js';
import {
  RefreshTokenDto,
  RequestSignInCodeDto,
  SessionTokensResponse,
  SignInCodeSentResponse,
  SignInWithCodeDto,
} from './auth.dto.js';
import { CitizenAuthGuard } from './citizen-auth.guard.js';
import { CurrentCitizen, type CitizenPrincipal } from './citizen-principal.js';

function tokensResponse(tokens: SessionTokens): SessionTokensResponse {
  return {
    accessToken: tokens.accessToken,
    tokenType: tokens.tokenType,
    expiresIn: tokens.expiresIn,
    refreshToken: tokens.refreshToken,
    refreshTokenExpiresIn: tokens.refreshTokenExpiresIn,
  };
}

/** Sign in with an emailed code (local mode only; in OIDC mode the external provider signs people in). */
@ApiTags('sign in')
@Controller('v1/auth')
export class CitizenAuthController {
  constructor(
    private readonly requestSignInCode: RequestSignInCodeUseCase,
    private readonly signInWithCode: SignInWithCodeUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly signOut: SignOutUseCase,
  ) {}

  @Post('codes')
  @HttpCode(HttpStatus.ACCEPTED)
  @RateLimit({ ...CODES_PER_EMAIL, keyGenerator: emailRateLimitKey, hook: 'preHandler' })
  @ApiOperation({
    summary: 'Email a sign-in code',
    description:
      'Sends a 6-digit code that works for 10 minutes and replaces any earlier code. The answer is the same ' +
      'whether or not the address has an account: the account is made when the code is first used.',
  })
  @ApiResponse({ status: 202, type: SignInCodeSentResponse })
  @ApiResponse({ status: 400, description: 'The email address is not valid (problem+json).' })
  @ApiResponse({ status: 429, description: 'Too many codes for this address or from this client.' })
  async requestCode(
    @Body() body: RequestSignInCodeDto,
    @AnswerLanguage() language: Language,
  ): Promise<SignInCodeSentResponse> {
    const sent = await this.requestSignInCode.execute(new RequestSignInCodeCommand(body.email, language));
    return { message: 'If the address can receive email, a code is on its way.', codeExpiresIn: sent.expiresIn };
  }

  @Post('tokens')
  @HttpCode(HttpStatus.OK)
  @RateLimit({ ...CODE_TRIES_PER_EMAIL, keyGenerator: emailRateLimitKey, hook: 'preHandler' })
  @ApiOperation({
    summary: 'Sign in with the emailed code',
    description: 'Gives a short-lived access token and a single-use refresh token. Five wrong tries end the code.',
  })
  @ApiResponse({ status: 200, type: SessionTokensResponse })
  @ApiResponse({ status: 400, description: 'Invalid input, or the code is wrong or expired (problem+json).' })
  @ApiResponse({ status: 429, description: 'Too many wrong codes: ask for a new one.' })
  async signIn(@Body() body: SignInWithCodeDto): Promise<SessionTokensResponse> {
    return tokensResponse(await this.signInWithCode.execute(new SignInWithCodeCommand(body.email, body.code)));
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @RateLimit(REFRESHES_PER_CLIENT)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Each refresh token works once. Presenting a used one again ends the whole session (it has been copied).',
  })
  @ApiResponse({ status: 200, type: SessionTokensResponse })
  @ApiResponse({ status: 400, description: 'The refresh token is malformed, unknown, expired, used or revoked.' })
  async refresh(@Body() body: RefreshTokenDto): Promise<SessionTokensResponse> {
    return tokensResponse(await this.refreshSession.execute(new RefreshSessionCommand(body.refreshToken)));
  }

  @Post('sign-out')
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(CitizenAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends the session of the refresh token: it and every token of its family stop working. The access token ' +
      'expires on its own within minutes. A token that is not yours changes nothing.',
  })
  @ApiResponse({ status: 204, description: 'Signed out.' })
  @ApiResponse({ status: 401, description: 'No valid access token.' })
  async signOutOfSession(@CurrentCitizen() citizen: CitizenPrincipal, @Body() body: RefreshTokenDto): Promise<void> {
    await this.signOut.execute(new SignOutCommand(citizen.citizenId, body.refreshToken));
  }
}
