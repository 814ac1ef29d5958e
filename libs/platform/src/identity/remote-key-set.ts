import { Logger } from '@nestjs/common';
import { webcrypto } from 'node:crypto';
import { createLocalJWKSet, type JSONWebKeySet, type JWSHeaderParameters, type FlattenedJWSInput } from 'jose';

type CryptoKey = webcrypto.CryptoKey;
import { IdentityProviderUnavailableError, TokenRefusedError } from './identity-errors.js';

export interface RemoteKeySetOptions {
  url: string;
  /** A fetched JWKS is used this long; then it is fetched again, so a withdrawn key stops being trusted. */
  cacheMaxAgeMs?: number;
  /** The same unknown key id makes at most one fetch per this interval. */
  unknownKeyIdIntervalMs?: number;
  /** Fetches are at least this far apart; requests arriving meanwhile wait for (and share) the next fetch. */
  minFetchIntervalMs?: number;
  /** How long a JWKS may be used past its age while the provider cannot be reached. */
  outageGraceMs?: number;
  timeoutMs?: number;
  /** Told whether the last fetch worked (readiness shows it). */
  onStatus?: (up: boolean, message?: string) => void;
}

type KeyResolver = ReturnType<typeof createLocalJWKSet>;
const MAX_REMEMBERED_KEY_IDS = 1000;
/** After a failed fetch, keys past their age are used for this long before the next try (no wait per request). */
const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * An identity provider's signing keys, fetched from its JWKS URL. Hand-written over jose's `createLocalJWKSet`
 * (which selects the key) because jose's `createRemoteJWKSet` and jwks-rsa both throttle refetches for unknown
 * key ids globally: a burst of tokens with junk key ids then blocks a genuinely rotated key for the whole
 * cooldown. Here the throttle is per key id, fetches are paced and shared, and the cache is short.
 */
export class RemoteKeySet {
  private readonly logger = new Logger('IdentityProviderKeys');
  private readonly cacheMaxAgeMs: number;
  private readonly unknownKeyIdIntervalMs: number;
  private readonly minFetchIntervalMs: number;
  private readonly outageGraceMs: number;
  private readonly timeoutMs: number;
  private keys: KeyResolver | null = null;
  private fetchedAt = 0;
  private lastAttemptAt = 0;
  private inFlight: Promise<void> | null = null;
  private lastFetchFailed = false;
  private readonly unknownKeyIdTriedAt = new Map<string, number>();

  constructor(private readonly options: RemoteKeySetOptions) {
    this.cacheMaxAgeMs = options.cacheMaxAgeMs ?? 60_000;
    this.unknownKeyIdIntervalMs = options.unknownKeyIdIntervalMs ?? 10_000;
    this.minFetchIntervalMs = options.minFetchIntervalMs ?? 1_000;
    this.outageGraceMs = options.outageGraceMs ?? 10 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 3_000;
  }

  /** The key for a token's header, in the shape jose's `jwtVerify` takes as a key function. */
  readonly resolve = async (header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> => {
    if (!this.keys) await this.refresh();
    else if (Date.now() - this.fetchedAt > this.cacheMaxAgeMs) {
      // Past its age: fetched again, except just after a failed fetch, when the old keys serve within the grace.
      if (!this.backingOff()) await this.refresh();
      else if (!this.withinOutageGrace()) throw new IdentityProviderUnavailableError();
    }
    const found = await this.select(header, token);
    if (found) return found;
    const kid = typeof header.kid === 'string' ? header.kid.slice(0, 200) : '';
    if (this.mayFetchFor(kid)) {
      await this.refresh();
      const afterFetch = await this.select(header, token);
      if (afterFetch) return afterFetch;
    }
    // A key id we cannot look up while the provider is down may be a genuinely new key: not the caller's fault.
    if (this.lastFetchFailed) throw new IdentityProviderUnavailableError();
    throw new TokenRefusedError('no matching key');
  };

  private async select(header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey | null> {
    if (!this.keys) return null;
    try {
      return await this.keys(header, token);
    } catch {
      return null;
    }
  }

  private backingOff(): boolean {
    return this.lastFetchFailed && Date.now() - this.lastAttemptAt < RETRY_AFTER_FAILURE_MS;
  }

  private withinOutageGrace(): boolean {
    return Boolean(this.keys) && Date.now() - this.fetchedAt <= this.cacheMaxAgeMs + this.outageGraceMs;
  }

  /** Per key id: a junk key id can be retried only after the interval, and never blocks another key id. */
  private mayFetchFor(kid: string): boolean {
    const now = Date.now();
    const last = this.unknownKeyIdTriedAt.get(kid);
    if (last !== undefined && now - last < this.unknownKeyIdIntervalMs) return false;
    if (this.unknownKeyIdTriedAt.size >= MAX_REMEMBERED_KEY_IDS) {
      for (const [id, at] of this.unknownKeyIdTriedAt) {
        if (now - at >= this.unknownKeyIdIntervalMs) this.unknownKeyIdTriedAt.delete(id);
      }
      if (this.unknownKeyIdTriedAt.size >= MAX_REMEMBERED_KEY_IDS) this.unknownKeyIdTriedAt.clear();
    }
    this.unknownKeyIdTriedAt.set(kid, now);
    return true;
  }

  /** One fetch at a time, paced; a failure keeps the last keys within the grace period, else it is an outage. */
  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchPaced().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async fetchPaced(): Promise<void> {
    const wait = this.lastAttemptAt + this.minFetchIntervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    this.lastAttemptAt = Date.now();
    try {
      const jwks = await this.fetchJwks();
      this.keys = createLocalJWKSet(jwks);
      this.fetchedAt = Date.now();
      this.lastFetchFailed = false;
      this.options.onStatus?.(true);
    } catch (error) {
      this.lastFetchFailed = true;
      const message = `JWKS fetch failed: ${error instanceof Error ? error.message : 'unknown error'}`;
      this.logger.warn({ jwksUrl: this.options.url, reason: message }, 'identity provider keys could not be fetched');
      this.options.onStatus?.(false, message);
      if (!this.withinOutageGrace()) throw new IdentityProviderUnavailableError();
    }
  }

  private async fetchJwks(): Promise<JSONWebKeySet> {
    const response = await fetch(this.options.url, {
      headers: { accept: 'application/json, application/jwk-set+json' },
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    const body = await response.json();
    if (!body || typeof body !== 'object' || !Array.isArray((body as { keys?: unknown }).keys)) {
      throw new Error('not a JWKS document');
    }
    return body as JSONWebKeySet;
  }
}
