import { Body, Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiView } from '@redress/platform';
import { ExportMyData, GetPreferences, SetPreferences, type SubjectAccessReport } from '@redress/application';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';
import { PreferencesDto, SetPreferencesDto } from './preferences.dto.js';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CitizenAuthGuard)
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly exportMyData: ExportMyData,
    private readonly getPreferences: GetPreferences,
    private readonly setPreferences: SetPreferences,
  ) {}

  @Get('preferences')
  @ApiOperation({ summary: 'Your language: of pages, messages and letters (en or cy), and letters in both' })
  @ApiResponse({ status: 200, type: PreferencesDto })
  @ApiResponse({ status: 401, description: 'problem+json' })
  async preferences(@CurrentCitizen() citizen: CitizenPrincipal): Promise<PreferencesDto> {
    return this.getPreferences.execute({ citizenId: citizen.citizenId });
  }

  @Put('preferences')
  @ApiOperation({
    summary: 'Change your language',
    description:
      'Saved on your account and on each of your claims: messages and letters from now on come in this language ' +
      '(letters in both when bilingualLetters is true). Letters already sent stay as they were.',
  })
  @ApiResponse({ status: 200, type: PreferencesDto })
  @ApiResponse({ status: 400, description: 'problem+json' })
  @ApiResponse({ status: 401, description: 'problem+json' })
  async changePreferences(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Body() body: SetPreferencesDto,
  ): Promise<PreferencesDto> {
    const current = await this.getPreferences.execute({ citizenId: citizen.citizenId });
    return this.setPreferences.execute({
      citizenId: citizen.citizenId,
      preferences: {
        preferredLanguage: body.preferredLanguage,
        bilingualLetters: body.bilingualLetters ?? current.bilingualLetters,
      },
    });
  }

  @Get('data')
  @ApiOperation({ summary: 'Everything we hold about you, as JSON (subject access, UK GDPR article 15)' })
  @ApiView(200, 'SubjectAccessExport', { description: 'Everything Redress holds about you.' })
  @ApiResponse({ status: 401, description: 'problem+json' })
  async data(@CurrentCitizen() citizen: CitizenPrincipal): Promise<SubjectAccessReport> {
    return this.exportMyData.execute({ citizenId: citizen.citizenId });
  }
}
