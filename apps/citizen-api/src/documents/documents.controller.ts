import { createHash } from 'node:crypto';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  UnsupportedMediaTypeException,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Accepts, ApiView } from '@redress/platform';
import { DeleteDocument, ListDocuments, UploadDocument, type EvidenceDocumentView } from '@redress/application';
import { DomainError, DomainErrorKind } from '@redress/domain';
import { RateLimit } from '@redress/platform';
import type { FastifyRequest } from 'fastify';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';

const PROBLEM = { description: 'problem+json' };

/** Uploads are counted per signed-in person (the bearer token), not per address: many share one address. */
const perCitizen = (request: FastifyRequest): string =>
  createHash('sha256')
    .update(String(request.headers.authorization ?? request.ip))
    .digest('base64url');

/** Reads the one file part of a multipart body; the size limit is the multipart plugin's (20 MB). */
async function readFilePart(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) throw new UnsupportedMediaTypeException('Send the file as multipart/form-data.');
  const part = await request.file();
  if (!part) {
    throw new DomainError('document.missing-file', DomainErrorKind.InvalidInput, 'The form has no file in it.', [
      { field: 'file', message: 'a file is required' },
    ]);
  }
  // toBuffer throws a 413 once the part passes the plugin's fileSize limit.
  return { fileName: part.filename, content: await part.toBuffer() };
}

@ApiTags('documents')
@ApiBearerAuth()
@ApiResponse({ status: 401, ...PROBLEM })
@UseGuards(CitizenAuthGuard)
@Controller('v1/applications/:id/documents')
export class DocumentsController {
  constructor(
    private readonly uploadDocument: UploadDocument,
    private readonly listDocuments: ListDocuments,
    private readonly deleteDocument: DeleteDocument,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Add an evidence file to a draft',
    description: 'PDF, JPEG, PNG, HEIC or DOCX, recognised by content (not by name); at most 20 MB.',
  })
  @RateLimit({ name: 'evidence-upload', max: 60, timeWindow: 3_600_000, keyGenerator: perCitizen })
  @ApiConsumes('multipart/form-data')
  @Accepts('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiView(201, 'EvidenceDocument', { description: 'The document is stored.' })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: 'The application was already sent' })
  @ApiResponse({ status: 413, description: 'Larger than 20 MB' })
  @ApiResponse({ status: 415, description: 'Not multipart/form-data' })
  @ApiResponse({ status: 422, description: 'Not a PDF, JPEG, PNG, HEIC or DOCX; too many files; or a virus found' })
  @ApiResponse({ status: 429, description: 'Too many uploads from you in an hour' })
  @ApiResponse({ status: 503, description: 'The virus check cannot be done just now (nothing kept)' })
  async upload(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<EvidenceDocumentView> {
    // Ownership, draft status and room for another file before a byte of the body is read.
    await this.uploadDocument.checkBeforeBody({ citizenId: citizen.citizenId, applicationId: id });
    const file = await readFilePart(request);
    return this.uploadDocument.execute({ citizenId: citizen.citizenId, applicationId: id, ...file });
  }

  @Get()
  @ApiOperation({ summary: 'The evidence files on a draft or sent application' })
  @ApiView(200, 'EvidenceDocumentList', { description: 'The documents of the application.' })
  @ApiResponse({ status: 404, ...PROBLEM })
  async list(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
  ): Promise<{ documents: EvidenceDocumentView[] }> {
    return { documents: await this.listDocuments.execute({ citizenId: citizen.citizenId, applicationId: id }) };
  }

  @Delete(':documentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an evidence file from a draft' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: 'The application was already sent' })
  async remove(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Param('documentId') documentId: string,
  ): Promise<void> {
    await this.deleteDocument.execute({ citizenId: citizen.citizenId, applicationId: id, documentId });
  }
}
