import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  ConfirmPartnerTotpSetup,
  GetPartnerUser,
  RequestPartnerSignInCode,
  SignOutPartnerUser,
  StartPartnerTotpSetup,
  VerifyPartnerSecondFactor,
  VerifyPartnerSignInCode,
  type PartnerPrincipal,
} from '@redress/application';
import { CurrentPartner, PartnerAuthGuard, PartnerUserGuard } from './partner-auth.guard.js';
import {
  PartnerChallengeDto,
  PartnerCodeCheckedDto,
  PartnerCodeDto,
  PartnerMeDto,
  PartnerSecondFactorDto,
  PartnerSessionDto,
  PartnerSignInRequestDto,
  PartnerSignInStartedDto,
  PartnerTotpSetupDto,
} from './partner-users.dto.js';

/**
 * Sign-in of a support organisation's named users (the partner portal calls these): an emailed code, then a TOTP
 * second factor (set up at first sign-in) or a recovery code. Five wrong codes lock the user for 15 minutes.
 */
@ApiTags('partner-auth')
@Controller('v1/partner/auth')
export class PartnerAuthController {
  constructor(
    private readonly requestCode: RequestPartnerSignInCode,
    private readonly verifyCode: VerifyPartnerSignInCode,
    private readonly startSetup: StartPartnerTotpSetup,
    private readonly confirmSetup: ConfirmPartnerTotpSetup,
    private readonly verifySecondFactor: VerifyPartnerSecondFactor,
    private readonly signOutUser: SignOutPartnerUser,
    private readonly getUser: GetPartnerUser,
  ) {}

  @Post('sign-in')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Email a sign-in code',
    description: 'The same answer whether or not the address belongs to a user: only a user gets an email.',
  })
  @ApiResponse({ status: 202, type: PartnerSignInStartedDto })
  @ApiBadRequestResponse({ description: 'Not an email address' })
  signIn(@Body() body: PartnerSignInRequestDto) {
    return this.requestCode.execute({ email: body.email });
  }

  @Post('code')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check the emailed code; says which second-factor step comes next' })
  @ApiOkResponse({ type: PartnerCodeCheckedDto })
  @ApiBadRequestResponse({ description: 'Wrong or expired code (partner-auth.code-invalid)' })
  @ApiTooManyRequestsResponse({ description: 'Locked for 15 minutes after 5 wrong codes (partner-auth.locked)' })
  code(@Body() body: PartnerCodeDto) {
    return this.verifyCode.execute(body);
  }

  @Post('totp-setup')
  @HttpCode(200)
  @ApiOperation({ summary: 'First sign-in: a new authenticator secret and its QR code (the same until confirmed)' })
  @ApiOkResponse({ type: PartnerTotpSetupDto })
  @ApiConflictResponse({ description: 'Not at that step, or a second factor is already set up' })
  totpSetup(@Body() body: PartnerChallengeDto) {
    return this.startSetup.execute(body);
  }

  @Post('totp-setup/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the authenticator with a code from it; signs in and gives recovery codes once' })
  @ApiOkResponse({ type: PartnerSessionDto })
  @ApiBadRequestResponse({ description: 'Wrong code' })
  @ApiTooManyRequestsResponse({ description: 'Locked for 15 minutes' })
  async confirm(@Body() body: PartnerCodeDto) {
    return PartnerSessionDto.from(await this.confirmSetup.execute(body));
  }

  @Post('second-factor')
  @HttpCode(200)
  @ApiOperation({ summary: 'A code from the authenticator app, or a single-use recovery code; signs in' })
  @ApiOkResponse({ type: PartnerSessionDto })
  @ApiBadRequestResponse({ description: 'Wrong code' })
  @ApiTooManyRequestsResponse({ description: 'Locked for 15 minutes' })
  async secondFactor(@Body() body: PartnerSecondFactorDto) {
    return PartnerSessionDto.from(await this.verifySecondFactor.execute(body));
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiBearerAuth()
  @UseGuards(PartnerAuthGuard, PartnerUserGuard)
  @ApiOperation({ summary: 'End this session (the token stops working at once)' })
  async signOut(@CurrentPartner() partner: PartnerPrincipal) {
    await this.signOutUser.execute({ sessionId: partner.user!.sessionId });
  }

  @Get('me')
  @ApiBearerAuth()
  @UseGuards(PartnerAuthGuard, PartnerUserGuard)
  @ApiOperation({ summary: 'The signed-in partner user and their organisation' })
  @ApiOkResponse({ type: PartnerMeDto })
  me(@CurrentPartner() partner: PartnerPrincipal) {
    return this.getUser.execute({ userId: partner.user!.id });
  }
}
