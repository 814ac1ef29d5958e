import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/**
 * Where the system may send requests that someone outside chose the address of (partners' webhooks): https only
 * in production, and never to this machine, the private network, link-local (cloud metadata at 169.254.169.254),
 * unique-local or other non-public addresses, unless explicitly allowed for development.
 */
export interface OutboundPolicy {
  readonly production: boolean;
  /** Development and tests only (configuration refuses it in production): lets requests reach private addresses. */
  readonly allowPrivateAddresses: boolean;
}

export class OutboundAddressRefusedError extends Error {
  constructor(reason: string) {
    super(`outbound address refused: ${reason}`);
    this.name = 'OutboundAddressRefusedError';
  }
}

/** Whether an IP address is one the public internet routes (ipaddr.js's `unicast` range; see RFC 6890). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address is judged as the IPv4 address it is
  return parsed.range() === 'unicast';
}

/**
 * Checks an address before it is stored or used: a URL, http(s) only (https in production), with no user name or
 * password in it, and, when its host is an IP address, a public one. A name is checked again at connection time
 * (`postOutbound`): what it resolves to can change after it was stored.
 */
export function checkOutboundUrl(url: string, policy: OutboundPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundAddressRefusedError('not a URL');
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && !policy.production)) {
    throw new OutboundAddressRefusedError(policy.production ? 'https only' : 'http or https only');
  }
  if (parsed.username || parsed.password) throw new OutboundAddressRefusedError('credentials in the URL');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host) && !policy.allowPrivateAddresses && !isPublicAddress(host)) {
    throw new OutboundAddressRefusedError('not a public address');
  }
  return parsed;
}

/**
 * POSTs to an outside address with the address checked where it matters, when the connection is made: the
 * request-filtering agent validates every address the name resolves to (so a name re-pointed at 127.0.0.1, or a
 * DNS answer that changes between check and use, is refused). Redirects are never followed: a 3xx is answered as
 * it came. `lookup` replaces DNS (tests).
 */
export function postOutbound(
  url: string,
  options: {
    headers: Record<string, string>;
    body: string;
    timeoutMs: number;
    policy: OutboundPolicy;
    lookup?: LookupFunction;
  },
): Promise<{ status: number }> {
  const target = checkOutboundUrl(url, options.policy);
  const filter = { allowPrivateIPAddress: options.policy.allowPrivateAddresses, allowMetaIPAddress: false };
  const secure = target.protocol === 'https:';
  const agent = secure ? new RequestFilteringHttpsAgent(filter) : new RequestFilteringHttpAgent(filter);
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      target,
      {
        method: 'POST',
        agent,
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) },
        timeout: options.timeoutMs,
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    outgoing.on('error', (error) => {
      reject(/is not allowed/.test(error.message) ? new OutboundAddressRefusedError(error.message) : error);
    });
    outgoing.end(options.body);
  }).finally(() => agent.destroy()) as Promise<{ status: number }>;
}
