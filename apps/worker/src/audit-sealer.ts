import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditLog } from '@redress/platform';
import { WorkerConfig } from './config.js';

/**
 * Chains committed audit entries continuously (every AUDIT_SEAL_EVERY_MS). Every worker replica runs one;
 * a transaction-scoped advisory lock lets only one seal at a time, so replicas never race.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly auditLog: AuditLog,
    private readonly config: WorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.AUDIT_SEAL_EVERY_MS > 0) this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sealOnce().finally(() => this.schedule());
    }, this.config.AUDIT_SEAL_EVERY_MS);
  }

  private async sealOnce(): Promise<void> {
    try {
      // Seal in batches until caught up, so a burst never leaves a long unsealed tail.
      for (;;) if ((await this.auditLog.seal()) < 1000) return;
    } catch (error) {
      // PostgreSQL may be restarting: try again on the next tick.
      this.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'audit sealing failed');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
