import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';

/**
 * Fields never written to logs, at any of the depths where they can appear. Logs hold ids and codes;
 * personal data stays in the database, encrypted where it is special-category.
 */
const personalFields = [
  'email',
  'phone',
  'mobile',
  'name',
  'fullName',
  'firstName',
  'lastName',
  'dateOfBirth',
  'address',
  'postcode',
  'nationalInsuranceNumber',
  'crimeReference',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'account',
  'injuries',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...personalFields.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** nestjs-pino settings: JSON lines, request ids, redaction, no bodies or query strings. */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Fastify has already chosen the id (see createFastifyAdapter); @fastify/middie copies it to the raw request.
      genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id?: string }).id ?? '',
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        // Path only: a query string may carry what a person typed.
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
    },
  };
}
