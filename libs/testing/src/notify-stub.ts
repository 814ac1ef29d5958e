import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/** A GOV.UK Notify API key for the stub: `<name>-<service id>-<secret>`. */
export const NOTIFY_STUB_API_KEY =
  'redress_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';

export interface NotifyStubDelivery {
  readonly id: string;
  readonly channel: 'email' | 'sms';
  readonly templateId: string;
  readonly to: string;
  readonly personalisation: Record<string, unknown>;
  readonly reference: string | undefined;
  readonly at: Date;
}

export interface NotifyStubOptions {
  apiKey?: string;
  /** How long the stub takes to answer each message. */
  delayMs?: number;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * A local stand-in for GOV.UK Notify that the official `notifications-node-client` can talk to: it checks the
 * bearer JWT the way Notify does (HS256 signed with the key's secret, `iss` = the service id, `iat` within 30 s),
 * answers `POST /v2/notifications/email` and `/sms` with Notify's response shape, and records every delivery,
 * so tests can count what a victim would have received. `GET /v2/notifications?reference=` and
 * `GET /v2/notifications/{id}` answer from those deliveries, as Notify's status API does.
 */
export class NotifyStub {
  readonly deliveries: NotifyStubDelivery[] = [];
  /** Answers the next requests with these statuses (e.g. `[500, 500]`) before accepting again. */
  readonly failures: number[] = [];
  /**
   * The next messages get no answer at all: `accepted` keeps the message (Notify took it, the answer was lost),
   * `lost` does not (the request never reached Notify). Each takes one message, before `failures`.
   */
  readonly unanswered: Array<'accepted' | 'lost'> = [];
  /** Answers the next status look-ups (`GET`) with these statuses before answering again. */
  readonly lookupFailures: number[] = [];
  /** Status look-ups received, by reference (a look-up by id counts under its id). */
  readonly lookups: string[] = [];
  rejectedAuth = 0;
  delayMs: number;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    options: NotifyStubOptions,
  ) {
    this.delayMs = options.delayMs ?? 0;
  }

  static async start(options: NotifyStubOptions = {}): Promise<NotifyStub> {
    const apiKey = options.apiKey ?? NOTIFY_STUB_API_KEY;
    const serviceId = apiKey.slice(-73, -37);
    const secret = apiKey.slice(-36);
    const holder: { stub?: NotifyStub } = {};
    const server = createServer((request, response) => {
      void (async () => {
        const body = await readBody(request);
        const answer = (status: number, payload: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
        const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
        try {
          const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
          if (claims.iss !== serviceId || typeof claims.iat !== 'number') throw new Error('bad claims');
          if (Math.abs(Date.now() / 1000 - claims.iat) > 30) throw new Error('token expired');
        } catch {
          holder.stub!.rejectedAuth += 1;
          return answer(403, { status_code: 403, errors: [{ error: 'AuthError', message: 'Invalid token' }] });
        }
        if (request.method === 'GET') return holder.stub!.lookUp(request.url ?? '', answer);
        const match = /^\/v2\/notifications\/(email|sms)$/.exec(request.url ?? '');
        if (request.method !== 'POST' || !match) {
          return answer(404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] });
        }
        const silence = holder.stub!.unanswered.shift();
        const failure = silence ? undefined : holder.stub!.failures.shift();
        if (holder.stub!.delayMs) await new Promise((resolve) => setTimeout(resolve, holder.stub!.delayMs));
        if (failure) {
          return answer(failure, { status_code: failure, errors: [{ error: 'Exception', message: 'stub failure' }] });
        }
        if (silence === 'lost') return undefined;
        const channel = match[1] as 'email' | 'sms';
        const parsed = JSON.parse(body || '{}') as Record<string, unknown>;
        const to = String(channel === 'email' ? parsed.email_address : parsed.phone_number);
        const templateId = String(parsed.template_id);
        if (!to || !parsed.template_id) {
          return answer(400, { status_code: 400, errors: [{ error: 'ValidationError', message: 'missing field' }] });
        }
        const delivery: NotifyStubDelivery = {
          id: randomUUID(),
          channel,
          templateId,
          to,
          personalisation: (parsed.personalisation as Record<string, unknown>) ?? {},
          reference: typeof parsed.reference === 'string' ? parsed.reference : undefined,
          at: new Date(),
        };
        holder.stub!.deliveries.push(delivery);
        if (silence === 'accepted') return undefined;
        return answer(201, {
          id: delivery.id,
          reference: delivery.reference ?? null,
          content:
            channel === 'email'
              ? { subject: 'stub', body: 'stub', from_email: 'stub@notify.test' }
              : { body: 'stub', from_number: 'STUB' },
          uri: `${holder.stub!.baseUrl}/v2/notifications/${delivery.id}`,
          template: { id: templateId, version: 1, uri: `${holder.stub!.baseUrl}/v2/template/${templateId}` },
        });
      })().catch(() => response.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.stub = new NotifyStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, options);
    return holder.stub;
  }

  private lookUp(url: string, answer: (status: number, payload: unknown) => void): void {
    const parsed = new URL(url, this.baseUrl);
    const byId = /^\/v2\/notifications\/([0-9a-f-]{36})$/.exec(parsed.pathname);
    const reference = parsed.searchParams.get('reference');
    this.lookups.push(byId ? byId[1]! : (reference ?? ''));
    const failure = this.lookupFailures.shift();
    if (failure) {
      return answer(failure, { status_code: failure, errors: [{ error: 'Exception', message: 'stub failure' }] });
    }
    const view = (delivery: NotifyStubDelivery) => ({
      id: delivery.id,
      reference: delivery.reference ?? null,
      type: delivery.channel,
      status: 'delivered',
      template: { id: delivery.templateId, version: 1, uri: `${this.baseUrl}/v2/template/${delivery.templateId}` },
      body: 'stub',
      created_at: delivery.at.toISOString(),
      ...(delivery.channel === 'email' ? { email_address: delivery.to } : { phone_number: delivery.to }),
    });
    if (byId) {
      const delivery = this.deliveries.find((candidate) => candidate.id === byId[1]);
      return delivery
        ? answer(200, view(delivery))
        : answer(404, { status_code: 404, errors: [{ error: 'NoResultFound', message: 'No result found' }] });
    }
    if (parsed.pathname !== '/v2/notifications') {
      return answer(404, { status_code: 404, errors: [{ error: 'NotFound', message: 'Not found' }] });
    }
    // Newest first, as Notify lists them.
    const found = this.deliveries
      .filter((delivery) => reference === null || delivery.reference === reference)
      .slice()
      .reverse()
      .map(view);
    return answer(200, { notifications: found, links: { current: `${this.baseUrl}${url}` } });
  }

  /** How many messages went out per reference (our `<claim id>:<event>`). */
  countByReference(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const delivery of this.deliveries) {
      const key = delivery.reference ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
