import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotificationDeliveryError } from '@redress/application';
import jwt from 'jsonwebtoken';
import { HttpConfig } from '../config/app-config.js';
import { ConfigurationError, loadConfig } from '../config/load-config.js';
import { GovUkNotifyNotifier } from './govuk-notify.notifier.js';
import { LocalSinkNotifier } from './local-sink.notifier.js';
import { WithNotifyConfig } from './notify-config.js';
import { createNotifier } from './notify.module.js';

const SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const API_KEY = `redress_test-${SERVICE_ID}-${SECRET}`;

interface Received {
  method?: string;
  url?: string;
  authorization?: string;
  body: Record<string, unknown>;
}

/** A stand-in for the Notify API: answers each POST with the next queued reply. */
async function startNotifyStub(reply: (received: Received) => { status: number; body: unknown; delayMs?: number }) {
  const received: Received[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const entry = {
        method: request.method,
        url: request.url,
        authorization: request.headers.authorization,
        body: JSON.parse(text || '{}') as Record<string, unknown>,
      };
      received.push(entry);
      const answer = reply(entry);
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    // Ends kept-alive and still-waiting connections too, so the stub never holds a test open.
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { baseUrl, received, close };
}

describe('GovUkNotifyNotifier (official client against a local Notify stub)', () => {
  it('posts an email with personalisation and reference, signed for the service', async () => {
    const stub = await startNotifyStub(() => ({ status: 201, body: { id: 'notification-1' } }));
    try {
      const notifier = new GovUkNotifyNotifier(stub.baseUrl, API_KEY);
      const receipt = await notifier.sendEmail({
        templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
        emailAddress: 'sam@example.test',
        personalisation: { code: '123456', minutes: 10 },
        reference: 'code-id-1',
      });
      expect(receipt).toEqual({ notificationId: 'notification-1' });
      const [request] = stub.received;
      expect(request).toMatchObject({
        method: 'POST',
        url: '/v2/notifications/email',
        body: {
          template_id: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
          email_address: 'sam@example.test',
          personalisation: { code: '123456', minutes: 10 },
          reference: 'code-id-1',
        },
      });
      const token = request!.authorization!.replace(/^Bearer /, '');
      expect(jwt.verify(token, SECRET, { algorithms: ['HS256'] })).toMatchObject({ iss: SERVICE_ID });
    } finally {
      await stub.close();
    }
  });

  it('posts a text message', async () => {
    const stub = await startNotifyStub(() => ({ status: 201, body: { id: 'notification-2' } }));
    try {
      const receipt = await new GovUkNotifyNotifier(stub.baseUrl, API_KEY).sendSms({
        templateId: 'template',
        phoneNumber: '07700900123',
        personalisation: { name: 'x' },
        reference: 'ref-2',
      });
      expect(receipt.notificationId).toBe('notification-2');
      expect(stub.received[0]).toMatchObject({ url: '/v2/notifications/sms', body: { phone_number: '07700900123' } });
    } finally {
      await stub.close();
    }
  });

  it('turns a refusal into an error that names the status and codes, never the address or the code', async () => {
    const stub = await startNotifyStub(() => ({
      status: 400,
      body: {
        status_code: 400,
        errors: [{ error: 'BadRequestError', message: 'email_address sam@example.test Not a valid email address' }],
      },
    }));
    try {
      const error = await new GovUkNotifyNotifier(stub.baseUrl, API_KEY)
        .sendEmail({
          templateId: 't',
          emailAddress: 'sam@example.test',
          personalisation: { code: '654321' },
          reference: 'r',
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotificationDeliveryError);
      expect((error as NotificationDeliveryError).status).toBe(400);
      expect((error as Error).message).toBe('Notify answered 400 (BadRequestError)');
      expect(JSON.stringify(error)).not.toMatch(/sam@example|654321|Bearer/);
    } finally {
      await stub.close();
    }
  });

  it('gives up on a Notify that does not answer in time', async () => {
    const stub = await startNotifyStub(() => ({ status: 201, body: { id: 'late' }, delayMs: 1000 }));
    try {
      const started = Date.now();
      await expect(
        new GovUkNotifyNotifier(stub.baseUrl, API_KEY, 100).sendEmail({
          templateId: 't',
          emailAddress: 'a@example.test',
          personalisation: {},
          reference: 'r',
        }),
      ).rejects.toThrow('Notify did not answer in time');
      expect(Date.now() - started).toBeLessThan(900);
    } finally {
      await stub.close();
    }
  });

  it('reports an unreachable Notify without details', async () => {
    const notifier = new GovUkNotifyNotifier('http://127.0.0.1:1', API_KEY);
    await expect(
      notifier.sendEmail({ templateId: 't', emailAddress: 'a@example.test', personalisation: {}, reference: 'r' }),
    ).rejects.toThrow(new NotificationDeliveryError('Notify did not answer'));
  });
});

describe('GovUkNotifyNotifier.findByReference (Notify status API, our reference as the handle)', () => {
  it('asks GET /v2/notifications?reference= and answers id and status only, oldest first', async () => {
    const stub = await startNotifyStub(() => ({
      status: 200,
      body: {
        notifications: [
          {
            id: 'second',
            reference: 'claim-1:claim.submitted',
            status: 'delivered',
            created_at: '2026-11-27T10:05:00.000000Z',
            email_address: 'sam@example.test',
            body: 'Your claim 26-000001-7',
          },
          { id: 'first', reference: 'claim-1:claim.submitted', status: 'sending', created_at: '2026-11-27T10:00:00Z' },
        ],
        links: { current: 'x' },
      },
    }));
    try {
      const found = await new GovUkNotifyNotifier(stub.baseUrl, API_KEY).findByReference('claim-1:claim.submitted');
      expect(stub.received[0]).toMatchObject({
        method: 'GET',
        url: '/v2/notifications?reference=claim-1%3Aclaim.submitted',
      });
      expect(found).toEqual([
        {
          notificationId: 'first',
          reference: 'claim-1:claim.submitted',
          status: 'sending',
          createdAt: new Date('2026-11-27T10:00:00Z'),
        },
        {
          notificationId: 'second',
          reference: 'claim-1:claim.submitted',
          status: 'delivered',
          createdAt: new Date('2026-11-27T10:05:00Z'),
        },
      ]);
      expect(JSON.stringify(found)).not.toMatch(/sam@example|26-000001/);
    } finally {
      await stub.close();
    }
  });

  it('answers none when Notify holds none, and throws (never "none") when Notify does not answer', async () => {
    const empty = await startNotifyStub(() => ({ status: 200, body: { notifications: [], links: {} } }));
    const slow = await startNotifyStub(() => ({ status: 200, body: { notifications: [] }, delayMs: 1000 }));
    const failing = await startNotifyStub(() => ({ status: 500, body: { errors: [{ error: 'Exception' }] } }));
    try {
      await expect(new GovUkNotifyNotifier(empty.baseUrl, API_KEY).findByReference('r')).resolves.toEqual([]);
      await expect(new GovUkNotifyNotifier(slow.baseUrl, API_KEY, 100).findByReference('r')).rejects.toThrow(
        new NotificationDeliveryError('Notify did not answer in time'),
      );
      const error = await new GovUkNotifyNotifier(failing.baseUrl, API_KEY)
        .findByReference('r')
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotificationDeliveryError);
      expect((error as NotificationDeliveryError).status).toBe(500);
    } finally {
      await Promise.all([empty.close(), slow.close(), failing.close()]);
    }
  });
});

describe('LocalSinkNotifier', () => {
  it('keeps messages in memory and finds the newest email to an address', async () => {
    const sink = new LocalSinkNotifier();
    await sink.sendEmail({
      templateId: 't',
      emailAddress: 'Sam@Example.test',
      personalisation: { code: '1' },
      reference: 'a',
    });
    await sink.sendSms({ templateId: 't', phoneNumber: '07700900123', personalisation: {}, reference: 'b' });
    await sink.sendEmail({
      templateId: 't',
      emailAddress: 'sam@example.test',
      personalisation: { code: '2' },
      reference: 'c',
    });
    expect(sink.messages.map((message) => message.type)).toEqual(['email', 'sms', 'email']);
    expect(sink.lastEmailTo(' SAM@example.test')?.personalisation.code).toBe('2');
    expect(sink.lastEmailTo('nobody@example.test')).toBeUndefined();
    expect(await sink.findByReference('c')).toEqual([
      {
        notificationId: sink.messages[2]!.notificationId,
        reference: 'c',
        status: 'delivered',
        createdAt: expect.any(Date),
      },
    ]);
    expect(await sink.findByReference('nothing')).toEqual([]);
    sink.clear();
    expect(sink.messages).toHaveLength(0);
  });

  it('writes each message as a JSON line when given a file (development)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'redress-sink-'));
    const file = join(folder, 'var', 'messages.jsonl');
    const sink = new LocalSinkNotifier(file);
    await sink.sendEmail({
      templateId: 't',
      emailAddress: 'a@example.test',
      personalisation: { code: '111111' },
      reference: 'r1',
    });
    await sink.sendEmail({
      templateId: 't',
      emailAddress: 'b@example.test',
      personalisation: { code: '222222' },
      reference: 'r2',
    });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { personalisation: object });
    expect(lines.map((line) => line.personalisation)).toEqual([{ code: '111111' }, { code: '222222' }]);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('Notify settings', () => {
  class Config extends WithNotifyConfig(HttpConfig) {}

  it('defaults to the local sink, writing a file only in development', () => {
    const development = loadConfig(Config, {});
    expect(development.NOTIFY_MODE).toBe('local-sink');
    const notifier = createNotifier(development);
    expect(notifier).toBeInstanceOf(LocalSinkNotifier);
    expect((notifier as unknown as { file?: string }).file).toBe('var/notify-local-sink.jsonl');
    expect(
      (createNotifier(loadConfig(Config, { NODE_ENV: 'test' })) as unknown as { file?: string }).file,
    ).toBeUndefined();
  });

  it('builds the Notify adapter in notify mode, with a configurable base URL', () => {
    const config = loadConfig(Config, {
      NOTIFY_MODE: 'notify',
      NOTIFY_API_KEY: API_KEY,
      NOTIFY_BASE_URL: 'http://127.0.0.1:9999',
    });
    expect(createNotifier(config)).toBeInstanceOf(GovUkNotifyNotifier);
  });

  it.each([
    [{ NOTIFY_MODE: 'notify' }, /NOTIFY_API_KEY/],
    [{ NOTIFY_MODE: 'notify', NOTIFY_API_KEY: 'not-a-key' }, /NOTIFY_API_KEY/],
    [{ NOTIFY_MODE: 'email' }, /NOTIFY_MODE/],
    [
      { NODE_ENV: 'production', NOTIFY_MODE: 'local-sink' },
      /NOTIFY_MODE must be notify or local-sink, and notify in production/,
    ],
    [{ NOTIFY_BASE_URL: 'ftp://notify' }, /NOTIFY_BASE_URL/],
    [{ NOTIFY_TIMEOUT_MS: '5' }, /NOTIFY_TIMEOUT_MS/],
  ])('refuses %j', (environment, message) => {
    expect(() => loadConfig(Config, environment)).toThrow(ConfigurationError);
    expect(() => loadConfig(Config, environment)).toThrow(message);
  });

  it('never names the API key in a configuration error', () => {
    expect(() => loadConfig(Config, { NOTIFY_MODE: 'notify', NOTIFY_API_KEY: 'secret-value-123' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-value-123') as string }),
    );
  });
});
