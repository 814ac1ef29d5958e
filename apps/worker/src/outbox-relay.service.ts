import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { OutboxRelay } from '@redress/jobs';
import { redisOptions } from '@redress/platform';
import { WorkerConfig } from './config.js';

/** Runs the outbox relay in this worker process (see docs/worker.md); every replica may run one. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private relay: OutboxRelay | undefined;

  constructor(private readonly config: WorkerConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.OUTBOX_RELAY_ENABLED !== 'true') return;
    this.relay = new OutboxRelay({
      databaseUrl: this.config.DATABASE_URL,
      redis: redisOptions(this.config.REDIS_URL, { connectionName: 'redress-outbox-relay' }),
      queuePrefix: this.config.QUEUE_PREFIX,
      batchSize: this.config.OUTBOX_BATCH_SIZE,
      pollIntervalMs: this.config.OUTBOX_POLL_INTERVAL_MS,
      applicationName: 'worker-outbox-relay',
      logger: this.logger,
    });
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
