import { randomUUID } from 'node:crypto';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@redress/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem.js';
import { frameworkProblemCode } from './problem-codes.js';
import { RequestValidationException } from './validation.js';
import { hasPlatformText, platformT, requestLanguage } from '../i18n/catalogues.js';
import type { Language } from '../i18n/i18n.js';

const statusByKind: Record<DomainErrorKind, number> = {
  [DomainErrorKind.InvalidInput]: HttpStatus.BAD_REQUEST,
  [DomainErrorKind.IllegalTransition]: HttpStatus.CONFLICT,
  [DomainErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [DomainErrorKind.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorKind.Unprocessable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DomainErrorKind.PreconditionFailed]: HttpStatus.PRECONDITION_FAILED,
  [DomainErrorKind.PreconditionRequired]: HttpStatus.PRECONDITION_REQUIRED,
  [DomainErrorKind.TooManyAttempts]: HttpStatus.TOO_MANY_REQUESTS,
};

/** Errors raised by Fastify itself (bad JSON, body too large, wrong media type) carry a 4xx statusCode. */
function isClientErrorFromFramework(error: unknown): error is Error & { statusCode: number; code?: string } {
  if (!(error instanceof Error)) return false;
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
}

/**
 * PostgreSQL's SQLSTATEs for a transaction that lost to another and was rolled back: a serialization failure
 * (40001), a deadlock (40P01), a lock not available in time (55P03). Nothing it did was kept, so the client may
 * send the same request again.
 */
const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01', '55P03']);

/** The SQLSTATE of a database error that can be retried safely, or null (TypeORM keeps it as `driverError.code`). */
function retryableSqlState(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code) ? code : null;
}

/** An error that says an outside service is unreachable for now (it carries `expectedOutage: true`). */
function isExpectedOutage(error: unknown): error is Error {
  return error instanceof Error && (error as { expectedOutage?: unknown }).expectedOutage === true;
}

/** Seconds a client should wait before repeating a request that conflicted with another. */
const CONFLICT_RETRY_AFTER_SECONDS = 1;

/**
 * Maps every error to RFC 9457 problem+json. Client errors say what was wrong; server errors say only
 * that something failed and give an error id, under which the error is logged once (never stack
 * traces, SQL or data in the response).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, requestLanguage(request));
    problem.instance = request.url.split('?')[0];
    problem.requestId = String(request.id);
    const sqlState = retryableSqlState(exception);
    if (problem.status >= 500) {
      problem.errorId = randomUUID();
      if (isExpectedOutage(exception)) {
        // An outside service is down (an identity provider): operators need to know, but nothing here is broken.
        this.logger.warn({ errorId: problem.errorId, requestId: problem.requestId }, exception.message);
      } else if (sqlState) {
        // Expected under contention, and retried by the client: a warning with its SQLSTATE, not an error.
        this.logger.warn(
          { errorId: problem.errorId, requestId: problem.requestId, sqlState },
          'request conflicted with another and was rolled back',
        );
      } else {
        this.logger.error({ errorId: problem.errorId, requestId: problem.requestId, err: exception }, 'request failed');
      }
    }
    const headers = sqlState ? { 'retry-after': String(CONFLICT_RETRY_AFTER_SECONDS) } : this.retryHeaders(exception);
    void reply.status(problem.status).headers(headers).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  /**
   * Words come from the platform's `problems` catalogue in the answer's language: a code's own title (and, in
   * Welsh, its detail) where the catalogue has them, else the status's title and the error's own message.
   */
  private toProblem(exception: unknown, language: Language): ProblemDetails {
    const t = platformT(language);
    const statusTitle = (status: number): string =>
      hasPlatformText(language, `problems.status.${status}`)
        ? t(`problems.status.${status}`)
        : t('problems.status.other');
    const coded = (code: string, field: 'title' | 'detail'): string | undefined =>
      hasPlatformText(language, `problems.codes.${code}.${field}`) ? t(`problems.codes.${code}.${field}`) : undefined;
    if (exception instanceof DomainError) {
      const status = statusByKind[exception.kind];
      return {
        type: problemType(exception.code),
        title: coded(exception.code, 'title') ?? statusTitle(status),
        status,
        // In English the use case's own message, which may name the claim or the sections concerned; in another
        // language the catalogue's, which says the same without them.
        detail: (language === 'en' ? undefined : coded(exception.code, 'detail')) ?? exception.message,
        code: exception.code,
        ...(exception.details.length
          ? { errors: exception.details.map((d) => ({ field: d.field ?? '', message: d.message })) }
          : {}),
      };
    }
    if (exception instanceof RequestValidationException) {
      return {
        type: problemType('request.invalid'),
        title: t('problems.codes.request.invalid.title'),
        status: 400,
        detail: t('problems.codes.request.invalid.detail'),
        code: 'request.invalid',
        errors: exception.errors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail =
        typeof response === 'string'
          ? response
          : typeof (response as { message?: unknown }).message === 'string'
            ? (response as { message: string }).message
            : undefined;
      // Nest's JSON body parser refuses a body that is not JSON with a BadRequestException of its own words.
      const code =
        status === 400 && detail?.startsWith('Body is not valid JSON')
          ? frameworkProblemCode(status, 'FST_ERR_CTP_INVALID_JSON_BODY')
          : frameworkProblemCode(status);
      if (status >= 500) return { type: problemType(code), title: statusTitle(status), status, code };
      return { type: problemType(code), title: statusTitle(status), status, code, ...(detail ? { detail } : {}) };
    }
    if (isClientErrorFromFramework(exception)) {
      const status = exception.statusCode;
      // The JSON body parser's own error is a SyntaxError with a 400 and no Fastify code.
      const fastifyCode =
        exception.code ?? (exception.name === 'SyntaxError' ? 'FST_ERR_CTP_INVALID_JSON_BODY' : undefined);
      const code = frameworkProblemCode(status, fastifyCode);
      return {
        type: problemType(code),
        title: statusTitle(status),
        status,
        detail: t(`problems.http.${this.frameworkDetail(fastifyCode, status)}`),
        code,
      };
    }
    if (retryableSqlState(exception)) {
      return {
        type: problemType('request.concurrent-conflict'),
        title: t('problems.codes.request.concurrent-conflict.title'),
        status: 503,
        detail: t('problems.codes.request.concurrent-conflict.detail'),
        code: 'request.concurrent-conflict',
      };
    }
    return {
      type: problemType('server.error'),
      title: statusTitle(500),
      status: 500,
      detail: t('problems.http.server-error'),
      code: 'server.error',
    };
  }

  /** Our own words for Fastify's errors (theirs can echo parser internals): the key under `problems.http`. */
  private frameworkDetail(code: string | undefined, status: number): string {
    switch (code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return 'invalid-json';
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return 'too-large';
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return 'media-type';
      case 'FST_RATE_LIMITED':
        return 'rate-limited';
      default:
        return status === 413 ? 'too-large' : status === 415 ? 'media-type' : 'unreadable';
    }
  }

  /** The rate limiter says when to try again. */
  private retryHeaders(exception: unknown): Record<string, string> {
    const retryAfter =
      exception instanceof Error ? (exception as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
    return typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {};
  }
}
