import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MergeRouteConfig } from './route-config.js';

/** The media types every route takes unless it says otherwise (`@Accepts`). */
const DEFAULT_ACCEPTS: readonly string[] = ['application/json'];

/** The media types a route's body may have (instead of JSON), e.g. `@Accepts('multipart/form-data')`. */
export function Accepts(...mediaTypes: string[]): MethodDecorator {
  return MergeRouteConfig({ accepts: mediaTypes });
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** An error Fastify's own parser would raise for a media type it has no parser for: the problem filter maps it. */
class UnsupportedMediaType extends Error {
  readonly statusCode = 415;
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
}

/**
 * Answers 415 to a body of a media type the route does not take, before it is parsed: a form-encoded or plain
 * text body to a JSON route included (Nest registers parsers for both, so without this they would reach the
 * route as if they were JSON). One hook for every route of the app.
 */
export function rejectUnsupportedMediaTypes(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (!hasBody(request)) return;
    const accepts = (request.routeOptions.config as { accepts?: readonly string[] } | undefined)?.accepts;
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const allowed = accepts ?? DEFAULT_ACCEPTS;
    if (allowed.includes(mediaType)) return;
    if (allowed.includes('application/json') && /^application\/[a-z0-9.+-]+\+json$/.test(mediaType)) return;
    throw new UnsupportedMediaType(`Unsupported media type: ${mediaType || '(none)'}`);
  });
}
