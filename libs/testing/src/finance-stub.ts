import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FinanceStubPayment {
  readonly paymentId: string;
  readonly financeReference: string;
  readonly body: Record<string, unknown>;
}

/**
 * A local stand-in for the finance system (tests and development): `POST /v1/payments` with an `Idempotency-Key`
 * header and the payment as JSON answers 201 `{financeReference}` the first time and 200 with the same answer for
 * a repeat of the key, so `payments` holds each payment once however often it was sent. `failures` makes the next
 * requests answer an error status; `dropAnswers` records the payment but destroys the connection before
 * answering (a lost answer: the caller cannot know it was taken).
 */
export class FinanceStub {
  readonly payments = new Map<string, FinanceStubPayment>();
  readonly failures: number[] = [];
  dropAnswers = 0;
  requests = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  /** Listens on `host` (loopback unless a development container must be reached from the others). */
  static async start(port = 0, host = '127.0.0.1'): Promise<FinanceStub> {
    const holder: { stub?: FinanceStub } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const stub = holder.stub!;
        stub.requests += 1;
        const answer = (status: number, body: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (request.method !== 'POST' || request.url !== '/v1/payments') return answer(404, {});
        const failure = stub.failures.shift();
        if (failure) return answer(failure, { error: 'stub failure' });
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(key)) return answer(400, { error: 'key' });
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          return answer(400, { error: 'not JSON' });
        }
        if (body.paymentId !== key || typeof body.amountPence !== 'number' || body.amountPence <= 0) {
          return answer(422, { error: 'payment refused' });
        }
        const known = stub.payments.get(key);
        if (!known) {
          stub.payments.set(key, { paymentId: key, financeReference: `FIN-${stub.payments.size + 1}`, body });
        }
        if (stub.dropAnswers > 0) {
          stub.dropAnswers -= 1;
          request.socket.destroy();
          return;
        }
        return answer(known ? 200 : 201, { financeReference: stub.payments.get(key)!.financeReference });
      });
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    holder.stub = new FinanceStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.stub;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
