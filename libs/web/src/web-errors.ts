import { HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The API could not be reached, or answered 5xx: the person sees the service-problem page. */
export class ApiUnavailableError extends Error {
  constructor(readonly status?: number) {
    super(status ? `the API answered ${status}` : 'the API could not be reached');
    this.name = 'ApiUnavailableError';
  }
}

/** What the person asked for does not exist for them (never says whether it exists for someone else). */
export class PageNotFoundError extends Error {
  constructor() {
    super('page not found');
    this.name = 'PageNotFoundError';
  }
}

/** The page needs a signed-in person; they are sent to sign in, then back. */
export class SignInRequiredError extends Error {
  constructor() {
    super('sign in required');
    this.name = 'SignInRequiredError';
  }
}

/** The API refused an action this person may not take. */
export class ForbiddenActionError extends Error {
  constructor() {
    super('forbidden');
    this.name = 'ForbiddenActionError';
  }
}

export type ErrorPage =
  'not-found' | 'service-problem' | 'too-many-requests' | 'form-expired' | 'bad-request' | 'forbidden';

/** Which page and status an error becomes. Everything unknown is a service problem (logged), never a stack. */
export function classifyError(error: unknown): { page: ErrorPage; status: number; log: boolean } {
  if (error instanceof PageNotFoundError) return { page: 'not-found', status: 404, log: false };
  if (error instanceof ForbiddenActionError) return { page: 'forbidden', status: 403, log: false };
  if (error instanceof ApiUnavailableError) return { page: 'service-problem', status: 503, log: true };
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('FST_CSRF')) return { page: 'form-expired', status: 403, log: false };
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : typeof (error as { statusCode?: unknown })?.statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
  if (status === 404 || status === 405) return { page: 'not-found', status: 404, log: false };
  if (status === 429) return { page: 'too-many-requests', status: 429, log: false };
  if (status === 403) return { page: 'form-expired', status: 403, log: false };
  if (status >= 400 && status < 500) return { page: 'bad-request', status, log: false };
  return { page: 'service-problem', status: 500, log: true };
}

/** Renders the error page for any error, through the Fastify reply (Nest's filter and Fastify's handler share it). */
export async function renderErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  signInPath: string | undefined,
): Promise<void> {
  if (error instanceof SignInRequiredError && signInPath) {
    const back = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.url)}` : '';
    await reply.redirect(`${signInPath}${back}`, 303);
    return;
  }
  const { page, status, log } =
    error instanceof SignInRequiredError
      ? { page: 'not-found' as const, status: 404, log: false }
      : classifyError(error);
  if (log) {
    // The error's name and message only: an API answer or a stack may hold personal data.
    request.log.error({ err: { name: (error as Error)?.name, message: (error as Error)?.message } }, 'page failed');
  }
  if (page === 'too-many-requests') void reply.header('retry-after', '60');
  await reply.status(status).view(`errors/${page}.njk`, {});
}
