import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiView } from '@redress/platform';
import { ExportMyData, type SubjectAccessReport } from '@redress/application';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';

@ApiTags('me')
@ApiBearerAuth()
@UseGuards(CitizenAuthGuard)
@Controller('v1/me')
export class MeController {
  constructor(private readonly exportMyData: ExportMyData) {}

  @Get('data')
  @ApiOperation({ summary: 'Everything we hold about you, as JSON (subject access, UK GDPR article 15)' })
  @ApiView(200, 'SubjectAccessExport', { description: 'Everything Redress holds about you.' })
  @ApiResponse({ status: 401, description: 'problem+json' })
  async data(@CurrentCitizen() citizen: CitizenPrincipal): Promise<SubjectAccessReport> {
    return this.exportMyData.execute({ citizenId: citizen.citizenId });
  }
}
