import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CitizenAuthGuard } from './citizen-auth.guard.js';
import { CurrentCitizen, type CitizenPrincipal } from './citizen-principal.js';

export class CitizenIdentityResponse {
  @ApiProperty({ format: 'uuid', description: 'Your account id in Redress.' })
  citizenId: string;
}

/** Who the bearer token says the caller is: lets a client check its session, in either auth mode. */
@ApiTags('sign in')
@Controller('v1/auth')
export class CitizenIdentityController {
  @Get('me')
  @UseGuards(CitizenAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in citizen', description: 'Answers 401 without a valid access token.' })
  @ApiResponse({ status: 200, type: CitizenIdentityResponse })
  @ApiResponse({ status: 401, description: 'No valid access token.' })
  me(@CurrentCitizen() citizen: CitizenPrincipal): CitizenIdentityResponse {
    return { citizenId: citizen.citizenId };
  }
}
