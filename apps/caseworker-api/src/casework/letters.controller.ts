import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { GetClaimLetterForStaff, ListClaimLettersForStaff } from '@redress/application';
import { ApiBinary } from '@redress/platform';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { ClaimViewQuery } from './claims.dto.js';
import { actorOf } from './staff-command.js';

export class StaffLetterResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['decision'] }) kind: 'decision';
  @ApiProperty({ description: 'The decision the letter gives.' }) decisionId: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() pages: number;
  @ApiProperty() createdAt: string;
}

export class StaffLettersResponse {
  @ApiProperty({ type: [StaffLetterResponse] }) letters: StaffLetterResponse[];
}

const ACCESS_REASON = {
  name: 'access-reason',
  required: false,
  description: 'Why you open a claim outside your work.',
};

@ApiTags('claims')
@StaffController()
@Controller('v1/claims/:reference/letters')
export class LettersController {
  constructor(
    private readonly listLetters: ListClaimLettersForStaff,
    private readonly getLetter: GetClaimLetterForStaff,
  ) {}

  @Get()
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({ summary: 'The letters sent on a claim, oldest first (the read is in the access log).' })
  @ApiHeader(ACCESS_REASON)
  @ApiOkResponse({ type: StaffLettersResponse })
  @ApiNotFoundResponse({ description: 'No such claim, or a restricted claim you are not named on.' })
  async list(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query() query: ClaimViewQuery,
    @Headers('access-reason') accessReason: string | undefined,
  ): Promise<StaffLettersResponse> {
    const letters = await this.listLetters.execute({
      actor: actorOf(staff),
      reference,
      purpose: query.purpose,
      reason: accessReason,
    });
    return {
      letters: letters.map((letter) => ({
        id: letter.id,
        kind: letter.kind,
        decisionId: letter.decisionId,
        contentType: letter.contentType,
        sizeBytes: letter.sizeBytes,
        pages: letter.pages,
        createdAt: letter.createdAt.toISOString(),
      })),
    };
  }

  @Get(':letterId')
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({ summary: 'One letter of a claim (PDF; the read is in the access log).' })
  @ApiHeader(ACCESS_REASON)
  @ApiBinary(200, 'application/pdf', 'The letter (PDF).')
  @ApiNotFoundResponse({ description: 'No such claim or letter, or a restricted claim you are not named on.' })
  async letter(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('letterId', new ParseUUIDPipe()) letterId: string,
    @Query() query: ClaimViewQuery,
    @Headers('access-reason') accessReason: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const letter = await this.getLetter.execute({
      actor: actorOf(staff),
      reference,
      letterId,
      purpose: query.purpose,
      reason: accessReason,
    });
    void reply
      .header('content-type', letter.contentType)
      .header('content-disposition', `attachment; filename="letter-${letterId}.pdf"`);
    return letter.content;
  }
}
