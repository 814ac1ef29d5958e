/** The title of each HTTP status a problem can have. */
export const TITLE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorised',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * The code (and so the `urn:redress:problem:<code>` type) of a problem raised by the framework, the guards or the
 * rate limiter rather than a use case, by HTTP status; the Fastify error codes that say more get codes of their own.
 */
export const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'request.malformed',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'resource.not-found',
  405: 'request.method-not-allowed',
  406: 'request.not-acceptable',
  409: 'request.conflict',
  412: 'request.precondition-failed',
  413: 'request.too-large',
  415: 'request.unsupported-media-type',
  422: 'request.unprocessable',
  428: 'request.precondition-required',
  429: 'request.rate-limited',
  500: 'server.error',
  503: 'server.unavailable',
};

export const CODE_BY_FASTIFY_ERROR: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.invalid-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported-media-type',
  FST_RATE_LIMITED: 'request.rate-limited',
};

/** The code of a problem of this status (and Fastify error code), for errors that carry no code of their own. */
export function frameworkProblemCode(status: number, fastifyCode?: string): string {
  return (
    (fastifyCode && CODE_BY_FASTIFY_ERROR[fastifyCode]) ||
    CODE_BY_STATUS[status] ||
    (status >= 500 ? 'server.error' : 'request.malformed')
  );
}
