import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import {
  CreateApplication,
  DeleteApplication,
  GetApplication,
  GetLiveEligibility,
  GetTaskList,
  ListApplications,
  SaveSection,
  SubmitApplication,
  type ApplicationView,
} from '@redress/application';
import { exampleCompleteApplication } from '@redress/domain';
import { RateLimit } from '@redress/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { CitizenAuthGuard, CurrentCitizen, type CitizenPrincipal } from '../auth/index.js';
import { AnswerLanguage, assessmentIn, nextStepIn, withTasksIn } from '../language/citizen-words.js';
import type { Language } from '@redress/platform';
import {
  ApplicationResponse,
  ApplicationListResponse,
  LiveEligibilityResponse,
  SubmissionResponse,
  TaskListResponse,
} from './applications.responses.js';
import { ifMatchVersion, versionETag } from './etag.js';
import { sectionDtos } from './section-answers.dto.js';
import { parseBody, parseSectionAnswers, parseSectionName } from './section-answers.parse.js';
import { SubmitApplicationDto } from './submission.dto.js';

const PROBLEM = { description: 'problem+json' };

/** Submissions are counted per signed-in person (the bearer token), not per address: many share one address. */
const perCitizen = (request: FastifyRequest): string =>
  createHash('sha256')
    .update(String(request.headers.authorization ?? request.ip))
    .digest('base64url');

@ApiTags('applications')
@ApiBearerAuth()
@ApiExtraModels(...Object.values(sectionDtos))
@ApiResponse({ status: 401, ...PROBLEM })
@UseGuards(CitizenAuthGuard)
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly createApplication: CreateApplication,
    private readonly listApplications: ListApplications,
    private readonly getApplication: GetApplication,
    private readonly saveSection: SaveSection,
    private readonly deleteApplication: DeleteApplication,
    private readonly getTaskList: GetTaskList,
    private readonly getLiveEligibility: GetLiveEligibility,
    private readonly submitApplication: SubmitApplication,
  ) {}

  @Post()
  @RateLimit({ name: 'application-start', max: 20, timeWindow: 3_600_000, keyGenerator: perCitizen })
  @ApiOperation({
    summary: 'Start a new application (a draft kept for 30 days after its last change)',
    description: 'At most MAX_OPEN_DRAFTS drafts open at once (422 application.too-many-drafts).',
  })
  @ApiResponse({ status: 422, description: 'Too many drafts open' })
  @ApiResponse({ status: 429, description: 'Too many started from you in an hour' })
  @ApiResponse({
    status: 201,
    type: ApplicationResponse,
    headers: { ETag: { description: 'The version' }, Location: { description: 'The new application' } },
  })
  async create(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @AnswerLanguage() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    const view = await this.createApplication.execute({ citizenId: citizen.citizenId });
    void reply.header('etag', versionETag(view.version)).header('location', `/v1/applications/${view.id}`);
    return withTasksIn(language, view);
  }

  @Get()
  @ApiOperation({ summary: 'Your applications: drafts not yet expired, and those sent' })
  @ApiResponse({ status: 200, type: ApplicationListResponse })
  async list(@CurrentCitizen() citizen: CitizenPrincipal): Promise<{ applications: unknown[] }> {
    return { applications: await this.listApplications.execute({ citizenId: citizen.citizenId }) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One application: its answers, answers set aside, task list and expiry' })
  @ApiResponse({ status: 200, type: ApplicationResponse, headers: { ETag: { description: 'The version' } } })
  @ApiResponse({ status: 404, ...PROBLEM })
  async get(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @AnswerLanguage() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    const view = await this.getApplication.execute({ citizenId: citizen.citizenId, applicationId: id });
    void reply.header('etag', versionETag(view.version));
    return withTasksIn(language, view);
  }

  @Put(':id/sections/:section')
  @ApiOperation({
    summary: 'Save one section',
    description:
      "Replaces the section's answers. Send the ETag you loaded as If-Match: 412 if the application changed since, " +
      '428 without it. Answers that the change makes irrelevant are set aside and come back if relevant again.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the application as you loaded it' })
  @ApiBody({
    schema: { oneOf: Object.values(sectionDtos).map((dto) => ({ $ref: getSchemaPath(dto) })) },
    examples: { crime: { value: exampleCompleteApplication().crime } },
  })
  @ApiResponse({ status: 200, type: ApplicationResponse, headers: { ETag: { description: 'The version' } } })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: 'The application was already sent' })
  @ApiResponse({ status: 412, ...PROBLEM })
  @ApiResponse({ status: 422, description: 'The section does not apply as the answers stand' })
  @ApiResponse({ status: 428, ...PROBLEM })
  async save(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Param('section') sectionName: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: unknown,
    @AnswerLanguage() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    const section = parseSectionName(sectionName);
    const answers = await parseSectionAnswers(section, body);
    const view = await this.saveSection.execute({
      citizenId: citizen.citizenId,
      applicationId: id,
      section,
      answers,
      ifMatchVersion: ifMatchVersion(ifMatch),
    });
    void reply.header('etag', versionETag(view.version));
    return withTasksIn(language, view);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft: its answers, their history and its files are erased' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: 'Already sent: withdraw the claim instead' })
  async remove(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.deleteApplication.execute({
      citizenId: citizen.citizenId,
      applicationId: id,
      ifMatchVersion: ifMatchVersion(ifMatch),
    });
  }

  @Get(':id/tasks')
  @ApiOperation({ summary: 'The task list: each section not-started, in-progress, complete or not-applicable' })
  @ApiResponse({ status: 200, type: TaskListResponse })
  @ApiResponse({ status: 404, ...PROBLEM })
  async tasks(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @AnswerLanguage() language: Language,
  ): Promise<unknown> {
    return withTasksIn(language, await this.getTaskList.execute({ citizenId: citizen.citizenId, applicationId: id }));
  }

  @Get(':id/eligibility')
  @ApiOperation({
    summary: 'Live eligibility of the draft as it stands',
    description: 'Signposting only: whatever it says, you can still apply.',
  })
  @ApiResponse({ status: 200, type: LiveEligibilityResponse })
  @ApiResponse({ status: 404, ...PROBLEM })
  async eligibility(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @AnswerLanguage() language: Language,
  ): Promise<unknown> {
    const live = await this.getLiveEligibility.execute({ citizenId: citizen.citizenId, applicationId: id });
    return { ...live, assessment: live.assessment ? assessmentIn(language, live.assessment) : null };
  }

  @Post(':id/submission')
  @RateLimit({ name: 'application-submission', max: 20, timeWindow: 60_000, keyGenerator: perCitizen })
  @ApiOperation({
    summary: 'Send the application',
    description:
      'Needs an Idempotency-Key (a new UUID per application; kept 24 hours): the same key again answers the same ' +
      'result, the same key with a different request 422. 422 lists the sections still to finish.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiBody({ type: SubmitApplicationDto, required: false })
  @ApiResponse({
    status: 201,
    type: SubmissionResponse,
    headers: { Location: { description: '/v1/claims/{reference}' } },
  })
  @ApiResponse({ status: 400, ...PROBLEM })
  @ApiResponse({ status: 404, ...PROBLEM })
  @ApiResponse({ status: 409, description: 'Already sent (under another key)' })
  @ApiResponse({ status: 412, ...PROBLEM })
  @ApiResponse({ status: 422, description: 'Incomplete sections, or a key reused for a different request' })
  @ApiResponse({ status: 428, description: 'Idempotency-Key missing' })
  async submit(
    @CurrentCitizen() citizen: CitizenPrincipal,
    @Param('id') id: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() rawBody: unknown,
    @AnswerLanguage() language: Language,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    // The body is optional, so it is validated here rather than by the global pipe (which needs an object).
    const body = await parseBody(SubmitApplicationDto, rawBody, { allowEmpty: true });
    const result = await this.submitApplication.execute({
      citizenId: citizen.citizenId,
      applicationId: id,
      idempotencyKey: idempotencyKey ?? null,
      applicationVersion: body.applicationVersion ?? null,
      body: { applicationVersion: body.applicationVersion ?? null },
    });
    void reply.status(result.status).header('location', `/v1/claims/${result.receipt.reference}`);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return { ...result.receipt, nextStep: nextStepIn(language, 'submitted', 0) };
  }
}
