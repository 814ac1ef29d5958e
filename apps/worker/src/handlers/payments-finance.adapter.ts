import { FinanceRejectedError, FinanceSystem, type PaymentInstruction } from '@redress/application';

export interface FinanceClientCredentials {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope?: string;
}

/**
 * The finance system over HTTP: `POST {base}/v1/payments` with the payment as JSON and `Idempotency-Key: <payment
 * id>` (draft-ietf-httpapi-idempotency-key-header), so a retry after a lost answer is the same payment there.
 * 2xx with a finance reference: instructed. 4xx other than 408/409/425/429: refused for good. Anything else, or no
 * answer in time: thrown, and the job retries (external policy).
 */
export class HttpFinanceSystem extends FinanceSystem {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
    private readonly options: { production?: boolean; clientCredentials?: FinanceClientCredentials } = {},
  ) {
    super();
    // Configuration validation refuses these too; the adapter refuses them itself, whoever builds it.
    if (options.production && new URL(baseUrl).protocol !== 'https:') {
      throw new Error('the finance API must be reached over https in production');
    }
    if (options.production && !options.clientCredentials) {
      throw new Error('the finance API must be called with client credentials in production');
    }
  }

  /** An access token by the client-credentials grant (RFC 6749 section 4.4), kept until shortly before it expires. */
  private async authorization(): Promise<Record<string, string>> {
    const credentials = this.options.clientCredentials;
    if (!credentials) return {};
    if (this.token && this.token.until > Date.now()) return { authorization: `Bearer ${this.token.value}` };
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (credentials.scope) form.set('scope', credentials.scope);
    const response = await fetch(credentials.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`,
        ).toString('base64')}`,
      },
      body: form,
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new Error(`the finance token endpoint answered ${response.status}`);
    }
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.token = { value: body.access_token, until: Date.now() + Math.max(lifetime - 30, 0) * 1000 };
    return { authorization: `Bearer ${body.access_token}` };
  }

  async instruct(instruction: PaymentInstruction): Promise<{ financeReference: string }> {
    const response = await fetch(new URL('/v1/payments', this.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': instruction.paymentId,
        ...(await this.authorization()),
      },
      body: JSON.stringify(instruction),
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 401) {
      // A token revoked or expired early: the next try fetches a new one.
      this.token = null;
      await response.body?.cancel();
      throw new Error('the finance system did not accept our credentials (401)');
    }
    if (response.status >= 400 && response.status < 500 && ![408, 409, 425, 429].includes(response.status)) {
      await response.body?.cancel();
      throw new FinanceRejectedError(response.status, `the finance system refused the payment (${response.status})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`the finance system answered ${response.status}`);
    }
    const body = (await response.json()) as { financeReference?: unknown };
    if (typeof body.financeReference !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(body.financeReference)) {
      throw new Error('the finance system answered in an unexpected shape');
    }
    return { financeReference: body.financeReference };
  }
}
