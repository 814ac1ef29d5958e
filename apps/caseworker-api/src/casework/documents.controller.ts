import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { GetClaimDocumentForStaff, ListClaimDocumentsForStaff } from '@redress/application';
import { evidenceTypes, type EvidenceType } from '@redress/domain';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffController, type StaffPrincipal } from '../auth/index.js';
import { ClaimViewQuery } from './claims.dto.js';
import { actorOf } from './staff-command.js';

export class StaffDocumentResponse {
  @ApiProperty() id: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: Object.keys(evidenceTypes) }) type: EvidenceType;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ enum: ['applicant'], description: 'Who sent it.' }) sentBy: 'applicant';
  @ApiProperty() sentAt: string;
  @ApiPropertyOptional({ nullable: true, description: 'The information request it answered, if any.' })
  informationRequestId: string | null;
}

export class StaffDocumentsResponse {
  @ApiProperty({ type: [StaffDocumentResponse] }) documents: StaffDocumentResponse[];
}

const EVIDENCE_CONTENT_TYPES = Object.values(evidenceTypes);

const ACCESS_REASON = {
  name: 'access-reason',
  required: false,
  description: 'Why you open a claim outside your work.',
};

/** RFC 6266 / 8187: a file name in a header, percent-encoded UTF-8 (never raw text a sender chose). */
const dispositionOf = (documentId: string, fileName: string): string =>
  `attachment; filename="document-${documentId}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )}`;

@ApiTags('claims')
@StaffController()
@Controller('v1/claims/:reference/documents')
export class DocumentsController {
  constructor(
    private readonly listDocuments: ListClaimDocumentsForStaff,
    private readonly getDocument: GetClaimDocumentForStaff,
  ) {}

  @Get()
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({ summary: 'The evidence sent on a claim, oldest first (the read is in the access log).' })
  @ApiHeader(ACCESS_REASON)
  @ApiOkResponse({ type: StaffDocumentsResponse })
  @ApiNotFoundResponse({ description: 'No such claim, or a restricted claim you are not named on.' })
  async list(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Query() query: ClaimViewQuery,
    @Headers('access-reason') accessReason: string | undefined,
  ): Promise<StaffDocumentsResponse> {
    const documents = await this.listDocuments.execute({
      actor: actorOf(staff),
      reference,
      purpose: query.purpose,
      reason: accessReason,
    });
    return {
      documents: documents.map((document) => ({
        id: document.id,
        fileName: document.fileName,
        type: document.type,
        contentType: document.contentType,
        sizeBytes: document.sizeBytes,
        sentBy: document.sentBy,
        sentAt: document.uploadedAt.toISOString(),
        informationRequestId: document.informationRequestId,
      })),
    };
  }

  @Get(':documentId')
  @Roles('caseworker', 'senior-caseworker', 'team-leader', 'auditor')
  @ApiOperation({ summary: 'One evidence file of a claim, in its own content type (the read is in the access log).' })
  @ApiHeader(ACCESS_REASON)
  @ApiResponse({
    status: 200,
    description: 'The file, in its own content type.',
    content: Object.fromEntries(
      EVIDENCE_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
    headers: { 'Content-Disposition': { description: 'attachment, with the file name', schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'No such claim or document, or a restricted claim you are not named on.' })
  async document(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('reference') reference: string,
    @Param('documentId', new ParseUUIDPipe()) documentId: string,
    @Query() query: ClaimViewQuery,
    @Headers('access-reason') accessReason: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const document = await this.getDocument.execute({
      actor: actorOf(staff),
      reference,
      documentId,
      purpose: query.purpose,
      reason: accessReason,
    });
    void reply
      .header('content-type', document.contentType)
      .header('content-disposition', dispositionOf(documentId, document.fileName));
    return document.content;
  }
}
