import { FinanceRejectedError, FinanceSystem, type PaymentInstruction } from '@redress/application';

/**
 * The finance system over HTTP: `POST {base}/v1/payments` with the payment as JSON and `Idempotency-Key: <payment
 * id>` (draft-ietf-httpapi-idempotency-key-header), so a retry after a lost answer is the same payment there.
 * 2xx with a finance reference: instructed. 4xx other than 408/409/425/429: refused for good. Anything else, or no
 * answer in time: thrown, and the job retries (external policy).
 */
export class HttpFinanceSystem extends FinanceSystem {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async instruct(instruction: PaymentInstruction): Promise<{ financeReference: string }> {
    const response = await fetch(new URL('/v1/payments', this.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': instruction.paymentId,
      },
      body: JSON.stringify(instruction),
      redirect: 'error',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
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
