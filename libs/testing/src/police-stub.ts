import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PoliceStubReport {
  readonly policeForce: string;
  readonly reportedOn: string;
}

/**
 * A local stand-in for the police crime-reference service (development and tests): `POST
 * /v1/crime-reference-checks` with `{crimeReference}` answers 200 `{crimeReference, policeForce, reportedOn}` for a
 * known reference and 404 otherwise. `failures` makes the next requests answer an error status (to test
 * retries). `npm run stubs` runs it
 * with the finance stub for development (port 3099).
 */
export class PoliceStub {
  readonly reports = new Map<string, PoliceStubReport>();
  readonly failures: number[] = [];
  requests = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  /** Listens on `host` (loopback unless a development container must be reached from the others). */
  static async start(port = 0, host = '127.0.0.1'): Promise<PoliceStub> {
    const holder: { stub?: PoliceStub } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        holder.stub!.requests += 1;
        const answer = (status: number, body: unknown) =>
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (request.method !== 'POST' || request.url !== '/v1/crime-reference-checks') return answer(404, {});
        const failure = holder.stub!.failures.shift();
        if (failure) return answer(failure, { error: 'stub failure' });
        let crimeReference: unknown;
        try {
          crimeReference = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { crimeReference?: unknown })
            .crimeReference;
        } catch {
          return answer(400, { error: 'not JSON' });
        }
        const report = typeof crimeReference === 'string' ? holder.stub!.reports.get(crimeReference) : undefined;
        return report ? answer(200, { crimeReference, ...report }) : answer(404, { error: 'no such crime reference' });
      });
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    holder.stub = new PoliceStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.stub;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
