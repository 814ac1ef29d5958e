import { Module, type DynamicModule } from '@nestjs/common';
import { jobNames, JobRegistry, type JobHandler } from '@redress/jobs';
import { WorkerPlatformModule } from '@redress/platform';
import { WorkerConfig } from './config.js';
import { VerifyAuditChainHandler } from './handlers/verify-audit-chain.handler.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { WorkerHost } from './worker-host.js';

/** Every job handler, listed explicitly: the job-name table is checked against this list at boot. */
const handlers = [VerifyAuditChainHandler];

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [WorkerPlatformModule.forRoot({ config, configClass: WorkerConfig, appName: 'worker' })],
      providers: [
        ...handlers,
        {
          provide: JobRegistry,
          inject: handlers,
          useFactory: (...instances: JobHandler[]) => new JobRegistry(instances, jobNames),
        },
        WorkerHost,
        OutboxRelayService,
      ],
    };
  }
}
