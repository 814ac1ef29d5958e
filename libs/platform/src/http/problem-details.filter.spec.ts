import type { ArgumentsHost } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@redress/domain';
import { QueryFailedError } from 'typeorm';
import { IdentityProviderUnavailableError } from '../identity/identity-errors.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Runs the filter on the error as Nest would, and answers the reply and what was logged. */
function filter(exception: unknown, language?: string) {
  const logged: Array<{ level: 'warn' | 'error'; fields: Record<string, unknown>; message: string }> = [];
  const subject = new ProblemDetailsFilter();
  Object.defineProperty(subject, 'logger', {
    value: {
      warn: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'warn', fields, message }),
      error: (fields: Record<string, unknown>, message: string) => logged.push({ level: 'error', fields, message }),
    },
  });
  const sent: Sent = { status: 0, headers: {}, body: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    headers(values: Record<string, string>) {
      Object.assign(sent.headers, values);
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ url: '/v1/referrals/some-id/consent?x=1', id: 'req-1', language }),
      getResponse: () => reply,
    }),
  } as unknown as ArgumentsHost;
  subject.catch(exception, host);
  return { sent, logged };
}

const databaseError = (code: string, message: string) =>
  new QueryFailedError(
    'SELECT pg_advisory_xact_lock($1)',
    ['secret-parameter'],
    Object.assign(new Error(message), { code }),
  );

describe('ProblemDetailsFilter', () => {
  it('answers an unreachable identity provider with 503 and Retry-After, logged at warn (an outage, not a bug)', () => {
    const { sent, logged } = filter(new IdentityProviderUnavailableError());
    expect(sent.status).toBe(503);
    expect(sent.headers).toEqual({ 'retry-after': '5', 'content-type': 'application/problem+json' });
    expect(sent.body).toMatchObject({
      type: 'urn:redress:problem:server.unavailable',
      title: 'Service unavailable',
      status: 503,
    });
    expect(logged).toEqual([
      {
        level: 'warn',
        fields: { errorId: sent.body.errorId, requestId: 'req-1' },
        message: 'The sign-in service cannot be reached. Please try again shortly.',
      },
    ]);
  });

  it.each([
    ['a serialization failure', '40001', 'could not serialize access due to concurrent update'],
    ['a deadlock', '40P01', 'deadlock detected'],
    ['a lock timeout', '55P03', 'canceling statement due to lock timeout'],
  ])(
    'answers %s (SQLSTATE %s) with 503, Retry-After: 1 and a retryable problem, logged at warn',
    (_name, code, message) => {
      const { sent, logged } = filter(databaseError(code, message));
      expect(sent.status).toBe(503);
      expect(sent.headers).toEqual({ 'retry-after': '1', 'content-type': 'application/problem+json' });
      expect(sent.body).toEqual({
        type: 'urn:redress:problem:request.concurrent-conflict',
        title: 'The request conflicted with another and can be retried safely',
        status: 503,
        detail: 'Nothing was changed. Please send the same request again.',
        code: 'request.concurrent-conflict',
        instance: '/v1/referrals/some-id/consent',
        requestId: 'req-1',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      // Neither the SQL, its parameters nor the driver's message reach the client.
      expect(JSON.stringify(sent.body)).not.toMatch(/advisory|secret-parameter|deadlock|serialize|lock timeout/);
      expect(logged).toEqual([
        {
          level: 'warn',
          fields: { errorId: sent.body.errorId, requestId: 'req-1', sqlState: code },
          message: 'request conflicted with another and was rolled back',
        },
      ]);
    },
  );

  it.each([
    ['a unique violation', databaseError('23505', 'duplicate key value violates unique constraint')],
    ['an undefined table', databaseError('42P01', 'relation "claim" does not exist')],
    ['a database error without a code', new QueryFailedError('SELECT 1', [], new Error('connection lost'))],
    ['a plain error that names a deadlock code', Object.assign(new Error('deadlock'), { code: '40P01' })],
  ])('still answers %s with a bare 500 and an error id, logged as an error', (_name, exception) => {
    const { sent, logged } = filter(exception);
    expect(sent.status).toBe(500);
    expect(sent.headers).toEqual({ 'content-type': 'application/problem+json' });
    expect(sent.body).toMatchObject({
      type: 'urn:redress:problem:server.error',
      code: 'server.error',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side.',
      errorId: expect.any(String),
    });
    expect(logged).toEqual([
      {
        level: 'error',
        fields: { errorId: sent.body.errorId, requestId: 'req-1', err: exception },
        message: 'request failed',
      },
    ]);
  });

  describe('in the language of the request', () => {
    const notFound = new DomainError('claim.not-found', DomainErrorKind.NotFound, 'There is no claim 26-000001-X.');

    it('answers a coded error in Welsh from the catalogue', () => {
      const { sent } = filter(notFound, 'cy');
      expect(sent.body).toMatchObject({
        status: 404,
        code: 'claim.not-found',
        title: 'Hawliad heb ei ganfod',
        detail: 'Nid oes hawliad o’r fath.',
      });
    });

    it('answers in English, keeping the use case’s own detail, when Welsh is not asked for', () => {
      const { sent } = filter(notFound);
      expect(sent.body).toMatchObject({ title: 'Claim not found', detail: 'There is no claim 26-000001-X.' });
    });

    it('falls back to the status’s title and the error’s message for a code the catalogue lacks', () => {
      const { sent } = filter(new DomainError('made.up', DomainErrorKind.Conflict, 'Own words.'), 'cy');
      expect(sent.body).toMatchObject({ title: 'Gwrthdaro', detail: 'Own words.' });
    });

    it('says a server error in Welsh and still hides what went wrong', () => {
      const { sent } = filter(new Error('secret detail'), 'cy');
      expect(sent.body).toMatchObject({
        title: 'Gwall mewnol ar y gweinydd',
        detail: 'Aeth rhywbeth o’i le ar ein hochr ni.',
      });
      expect(JSON.stringify(sent.body)).not.toContain('secret');
    });
  });
});
