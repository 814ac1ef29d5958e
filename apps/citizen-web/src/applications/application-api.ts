import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiUnavailableError,
  expectOk,
  PageNotFoundError,
  problemOf,
  type ApiProblem,
  type CitizenApiPaths,
} from '@redress/web';
import { CitizenSession } from '../auth/citizen-session.js';
import { CITIZEN_API, type CitizenApiClient } from '../citizen-api.js';

declare module 'fastify' {
  interface Session {
    /** The ETag of each application as last shown to the person (sent as If-Match when they save). */
    applicationEtags?: Record<string, string>;
    /** One Idempotency-Key per application's submit form: a double click or a resubmission sends the same one. */
    submitKeys?: Record<string, string>;
    /** A message for the next page ("your answers have been saved"). */
    flash?: { key: string; params?: Record<string, string> };
  }
}

type Schemas = CitizenApiPaths['/v1/applications/{id}']['get']['responses'][200]['content']['application/json'];
export type ApplicationView = Schemas;
export type TaskListView =
  CitizenApiPaths['/v1/applications/{id}/tasks']['get']['responses'][200]['content']['application/json'];
export type SectionBody =
  CitizenApiPaths['/v1/applications/{id}/sections/{section}']['put']['requestBody']['content']['application/json'];

/** Application ids are UUIDs: anything else is page not found without asking the API. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkId(id: string): string {
  if (!UUID.test(id)) throw new PageNotFoundError();
  return id;
}

/** The citizen API's applications, on behalf of the signed-in person. */
@Injectable()
export class ApplicationApi {
  constructor(
    @Inject(CITIZEN_API) private readonly api: CitizenApiClient,
    private readonly session: CitizenSession,
  ) {}

  async list(request: FastifyRequest) {
    const headers = await this.session.headers(request);
    // The API answers `{ applications: [...] }` (its OpenAPI document describes a bare list).
    const data = expectOk(await this.api.GET('/v1/applications', { headers })) as unknown as {
      applications: ApplicationView[];
    };
    return data.applications;
  }

  async create(request: FastifyRequest): Promise<ApplicationView> {
    const headers = await this.session.headers(request);
    return expectOk(await this.api.POST('/v1/applications', { headers }));
  }

  /** One application of this person (404 for anyone else's), remembering its ETag for the next save. */
  async get(request: FastifyRequest, id: string, remember = true): Promise<ApplicationView> {
    const headers = await this.session.headers(request);
    const result = await this.api.GET('/v1/applications/{id}', { params: { path: { id: checkId(id) } }, headers });
    const view = expectOk(result);
    if (remember) this.rememberEtag(request, id, result.response.headers.get('etag'));
    return view;
  }

  async tasks(request: FastifyRequest, id: string): Promise<TaskListView> {
    const headers = await this.session.headers(request);
    return expectOk(
      await this.api.GET('/v1/applications/{id}/tasks', { params: { path: { id: checkId(id) } }, headers }),
    );
  }

  async remove(request: FastifyRequest, id: string): Promise<void> {
    const headers = await this.session.headers(request);
    const result = await this.api.DELETE('/v1/applications/{id}', {
      params: { path: { id: checkId(id) }, header: {} as never },
      headers,
    });
    if (result.response.status === 409) return; // already sent: nothing to delete, the list shows the claim
    expectOk(result);
  }

  /**
   * Saves a section with the ETag the person saw. On 412 (changed elsewhere since) the application is read again
   * and this page's changes applied to the answers as they now stand, once; the person's typing is never lost.
   * A 400 comes back as the API's problem (field errors) for the page to show.
   */
  async saveSection(
    request: FastifyRequest,
    id: string,
    section: string,
    answersFor: (saved: unknown) => Record<string, unknown>,
    current: ApplicationView,
  ): Promise<{ view?: ApplicationView; problem?: ApiProblem }> {
    let application = current;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const etag = request.session.applicationEtags?.[id] ?? `"${application.version}"`;
      const headers = await this.session.headers(request);
      const { data, error, response } = await this.api.PUT('/v1/applications/{id}/sections/{section}', {
        params: { path: { id, section }, header: { 'If-Match': etag } },
        headers,
        body: answersFor(application.sections[section]),
      });
      if (response.ok && data) {
        this.rememberEtag(request, id, response.headers.get('etag'));
        return { view: data };
      }
      if (response.status === 412 && attempt === 0) {
        if (request.session.applicationEtags) delete request.session.applicationEtags[id];
        application = await this.get(request, id);
        continue;
      }
      if (response.status === 404) throw new PageNotFoundError();
      // 412 a second time: changed again meanwhile (another tab, or the application was just sent).
      if ([400, 409, 412, 422].includes(response.status)) return { problem: problemOf(error, response) };
      throw new ApiUnavailableError(response.status);
    }
    throw new ApiUnavailableError();
  }

  async documents(request: FastifyRequest, id: string) {
    const headers = await this.session.headers(request);
    const result = await this.api.GET('/v1/applications/{id}/documents', {
      params: { path: { id: checkId(id) } },
      headers,
    });
    return (expectOk(result) as unknown as { documents: unknown }).documents as Array<{
      id: string;
      fileName: string;
      sizeBytes: number;
      uploadedAt: string;
    }>;
  }

  async removeDocument(request: FastifyRequest, id: string, documentId: string): Promise<void> {
    const headers = await this.session.headers(request);
    const result = await this.api.DELETE('/v1/applications/{id}/documents/{documentId}', {
      params: { path: { id: checkId(id), documentId } },
      headers,
    });
    if (result.response.status === 409) return;
    expectOk(result);
  }

  /** Sends a file to the API as multipart FormData (read into memory first: at most the multipart limit, ~20 MB). */
  async uploadDocument(
    request: FastifyRequest,
    id: string,
    file: { fileName: string; contentType: string; content: Blob },
  ): Promise<{ ok: true } | { problem: ApiProblem }> {
    const headers = await this.session.headers(request);
    const form = new FormData();
    form.append('file', file.content, file.fileName);
    const result = await this.api.POST('/v1/applications/{id}/documents', {
      params: { path: { id: checkId(id) } },
      headers,
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    });
    if (result.response.ok) return { ok: true };
    if (result.response.status === 404) throw new PageNotFoundError();
    if ([400, 409, 413, 415, 422].includes(result.response.status)) {
      return { problem: problemOf(result.error, result.response) };
    }
    throw new ApiUnavailableError(result.response.status);
  }

  /** Sends the application under the form's Idempotency-Key: the same key answers the same claim. */
  async submit(
    request: FastifyRequest,
    id: string,
    idempotencyKey: string,
  ): Promise<{ reference?: string; problem?: ApiProblem }> {
    const headers = await this.session.headers(request);
    const { data, error, response } = await this.api.POST('/v1/applications/{id}/submission', {
      params: { path: { id: checkId(id) }, header: { 'Idempotency-Key': idempotencyKey } },
      headers,
      body: {},
    });
    if (response.ok && data) return { reference: data.reference };
    if (response.status === 404) throw new PageNotFoundError();
    if ([400, 409, 412, 422].includes(response.status)) return { problem: problemOf(error, response) };
    throw new ApiUnavailableError(response.status);
  }

  private rememberEtag(request: FastifyRequest, id: string, etag: string | null): void {
    if (!etag) return;
    request.session.applicationEtags = { ...request.session.applicationEtags, [id]: etag };
  }
}
