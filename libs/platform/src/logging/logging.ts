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

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * An error as logs may hold it. A database error (TypeORM's QueryFailedError, or pg's own) carries the SQL, its
 * parameters, and PostgreSQL's `detail` (`Key (email_blind_index)=(...) already exists`, the failing row), and its
 * message can quote the value that failed (`invalid input syntax for type uuid: "..."`): only the SQLSTATE and
 * the names of the table, column and constraint are kept. Any other error keeps its type, message and stack.
 */
export function safeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const driver = (error as { driverError?: unknown }).driverError;
  const database = (driver ?? error) as Record<string, unknown>;
  const isDatabaseError =
    driver !== undefined ||
    ('severity' in database && typeof database.code === 'string' && SQLSTATE.test(database.code));
  if (!isDatabaseError) return { type: error.name, message: error.message, stack: error.stack };
  const names = Object.fromEntries(
    ['table', 'column', 'constraint', 'routine']
      .filter((key) => typeof database[key] === 'string')
      .map((key) => [key, database[key]]),
  );
  return {
    type: error.name,
    message: `database error ${typeof database.code === 'string' ? database.code : 'unknown'}`,
    code: database.code,
    ...names,
  };
}

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
        err: safeError,
      },
      autoLogging: { ignore: (request) => /^\/(health|metrics)/.test(request.url ?? '') },
    },
  };
}
