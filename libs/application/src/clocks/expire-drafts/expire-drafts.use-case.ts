import { Clock } from '../../ports/clock.js';
import { ClaimClocks } from '../clock-ports.js';

/** Erases drafts past their expiry (storage limitation, UK GDPR art. 5(1)(e)), in batches. */
export class ExpireDrafts {
  constructor(
    private readonly clocks: ClaimClocks,
    private readonly clock: Clock,
  ) {}

  async execute(batchSize = 500): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const erased = await this.clocks.expireDrafts(now, batchSize);
      total += erased;
      if (erased < batchSize) return total;
    }
  }
}
