import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { checkOutboundUrl, isPublicAddress, OutboundAddressRefusedError, postOutbound } from '@redress/platform';
import { FetchWebhookSender } from '../apps/worker/src/handlers/referrals-providers.js';

/**
 * Issue 19, point "no request forgery through webhooks": a partner's webhook address (or any outbound address
 * someone outside chose) cannot make the worker call into its own network, by a literal address, by a name that
 * resolves inside, or by a redirect.
 */
describe('no request forgery through webhooks', () => {
  const production = { production: true, allowPrivateAddresses: false };
  const development = { production: false, allowPrivateAddresses: false };
  let server: Server;
  let port: number;
  const received: IncomingMessage[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req);
      req.resume();
      if (req.url === '/moved') return void res.writeHead(302, { location: `http://127.0.0.1:${port}/target` }).end();
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
  });

  const post = (url: string, policy = development, lookup?: LookupFunction) =>
    postOutbound(url, { headers: { 'content-type': 'application/json' }, body: '{}', timeoutMs: 2000, policy, lookup });
  /** DNS as an attacker would set it: their innocent-looking name answers with the loopback address. */
  const resolvesToLoopback: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as never as (e: null, a: object[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };

  it('takes https only in production, and no credentials in the address', () => {
    expect(() => checkOutboundUrl('http://partner.example.org/hooks', production)).toThrow(/https only/);
    expect(checkOutboundUrl('https://partner.example.org/hooks', production).hostname).toBe('partner.example.org');
    expect(checkOutboundUrl('http://partner.example.org/hooks', development).protocol).toBe('http:');
    expect(() => checkOutboundUrl('ftp://partner.example.org/', development)).toThrow(OutboundAddressRefusedError);
    expect(() => checkOutboundUrl('https://user:secret@partner.example.org/', production)).toThrow(/credentials/);
    expect(() => checkOutboundUrl('not a url', production)).toThrow(/not a URL/);
  });

  it('refuses loopback, private, link-local, unique-local and metadata addresses written as addresses', () => {
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      '[fc00::1]',
      '[fd12:3456::1]',
      '[fe80::1]',
      '[::ffff:127.0.0.1]',
    ]) {
      expect(() => checkOutboundUrl(`https://${host}/hook`, production)).toThrow(/not a public address/);
    }
    expect(isPublicAddress('81.2.69.160')).toBe(true);
    expect(isPublicAddress('2a00:1450:4009:81f::200e')).toBe(true);
  });

  it('refuses at connection time a name that resolves to 127.0.0.1 (localhost, or any name re-pointed there)', async () => {
    await expect(post(`http://localhost:${port}/hook`)).rejects.toThrow(OutboundAddressRefusedError);
    await expect(post(`http://partner.example.org:${port}/hook`, development, resolvesToLoopback)).rejects.toThrow(
      OutboundAddressRefusedError,
    );
    await expect(
      new FetchWebhookSender(development, resolvesToLoopback).post({
        url: `http://partner.example.org:${port}/hook`,
        headers: {},
        body: '{}',
      }),
    ).rejects.toThrow(/not allowed/);
    expect(received).toEqual([]);
  });

  it('reaches a private address only when explicitly allowed for development', async () => {
    const allowed = { production: false, allowPrivateAddresses: true };
    expect(await post(`http://localhost:${port}/hook`, allowed)).toEqual({ status: 204 });
    expect(received.map((req) => [req.method, req.url])).toEqual([['POST', '/hook']]);
  });

  it('never follows a redirect: a 3xx is the answer, and its target is not called', async () => {
    const allowed = { production: false, allowPrivateAddresses: true };
    expect(await post(`http://127.0.0.1:${port}/moved`, allowed)).toEqual({ status: 302 });
    expect(received.map((req) => req.url)).toEqual(['/moved']);
  });
});
