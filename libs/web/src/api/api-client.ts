import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths as CitizenApiPaths } from './citizen-api.schema.js';
import type { paths as CaseworkerApiPaths } from './caseworker-api.schema.js';
import { ApiUnavailableError, ForbiddenActionError, PageNotFoundError, SignInRequiredError } from '../web-errors.js';

export type { CitizenApiPaths, CaseworkerApiPaths };
export type CitizenApiClient = Client<CitizenApiPaths>;
export type CaseworkerApiClient = Client<CaseworkerApiPaths>;

/** An RFC 9457 answer of the APIs, with the field errors of a refused body. */
export interface ApiProblem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
}

const API_TIMEOUT_MS = 10_000;

/**
 * Answers that no page handles itself become the person's error pages: the API unreachable or 5xx, the
 * service-problem page; 401, sign in again; 403, the forbidden page. A page handles 400, 404, 409, 412 and 422
 * (they become form errors or page not found) through `expectOk`/`problemOf`.
 */
const errorPages: Middleware = {
  async onRequest({ request }) {
    return new Request(request, { signal: request.signal ?? AbortSignal.timeout(API_TIMEOUT_MS) });
  },
  async onResponse({ response }) {
    if (response.status >= 500) throw new ApiUnavailableError(response.status);
    if (response.status === 401) throw new SignInRequiredError();
    if (response.status === 403) throw new ForbiddenActionError();
    if (response.status === 429) throw Object.assign(new Error('too many requests'), { statusCode: 429 });
    return response;
  },
  async onError({ error }) {
    if (error instanceof ApiUnavailableError || error instanceof SignInRequiredError) return error;
    if (error instanceof ForbiddenActionError) return error;
    if ((error as { statusCode?: number })?.statusCode === 429) return error as Error;
    return new ApiUnavailableError();
  },
};

/** A typed client for one API: every path, parameter, body and answer comes from its OpenAPI document. */
export function createApiClient<Paths extends object>(baseUrl: string, fetchImpl: typeof fetch = fetch): Client<Paths> {
  const client = createClient<Paths>({ baseUrl, fetch: fetchImpl });
  client.use(errorPages);
  return client;
}

/** The API's answer when it refused (400, 404, 409, 412, 422...). */
export function problemOf(error: unknown, response: Response): ApiProblem {
  const body = (error && typeof error === 'object' ? error : {}) as Partial<ApiProblem>;
  return { ...body, status: response.status };
}

/** The data of a successful answer; 404 is page not found; any other refusal here is a service problem. */
export function expectOk<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  if (result.response.status === 404) throw new PageNotFoundError();
  throw new ApiUnavailableError(result.response.status);
}
