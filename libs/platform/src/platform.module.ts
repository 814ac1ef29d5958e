import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@redress/persistence';
import type { Redis } from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuditLog } from './audit/audit-log.js';
import { CommonConfig, HttpConfig } from './config/app-config.js';
import { FieldCipher, parseFieldKeys } from './crypto/field-cipher.js';
import { DependencyHealth } from './health/dependency-health.js';
import { HealthController } from './health/health.controller.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { createValidationPipe } from './http/validation.js';
import { loggerParams } from './logging/logging.js';
import { createMetricsRegistry, MetricsController } from './metrics/metrics.js';
import { createFailFastRedis } from './redis/redis-connection.js';
import { REQUEST_REDIS, METRICS_REGISTRY } from './tokens.js';

export interface PlatformOptions<C extends CommonConfig> {
  /** The app's validated config; provided under its own class and under CommonConfig (and HttpConfig). */
  config: C;
  configClass: new () => C;
  /** Short name for logs, metrics and database connections, e.g. `citizen-api`. */
  appName: string;
}

function sharedProviders<C extends CommonConfig>(options: PlatformOptions<C>) {
  const { config } = options;
  return [
    { provide: options.configClass, useValue: config },
    { provide: CommonConfig, useValue: config },
    { provide: METRICS_REGISTRY, useValue: createMetricsRegistry(options.appName) },
    {
      provide: FieldCipher,
      useFactory: () =>
        new FieldCipher(parseFieldKeys(config.FIELD_ENCRYPTION_KEYS), Buffer.from(config.BLIND_INDEX_KEY, 'base64')),
    },
    { provide: AuditLog, inject: [DataSource], useFactory: (dataSource: DataSource) => new AuditLog(dataSource) },
  ];
}

function databaseModule<C extends CommonConfig>(options: PlatformOptions<C>): DynamicModule {
  return TypeOrmModule.forRoot({
    ...dataSourceOptions({
      url: options.config.DATABASE_URL,
      poolSize: options.config.DATABASE_POOL_SIZE,
      applicationName: options.appName,
    }),
    // Boot fails fast and visibly when the database is unreachable, instead of retrying in silence.
    retryAttempts: 3,
    retryDelay: 1000,
  });
}

/**
 * What every HTTP front door shares: config, JSON logs, PostgreSQL, the problem+json filter, the
 * validation pipe, rate limiting, health, metrics, field encryption and the audit log.
 */
@Global()
@Module({})
export class HttpPlatformModule implements OnApplicationShutdown {
  constructor(@Inject(REQUEST_REDIS) private readonly redis: Redis) {}

  static forRoot<C extends HttpConfig>(options: PlatformOptions<C>): DynamicModule {
    return {
      module: HttpPlatformModule,
      imports: [
        LoggerModule.forRoot(loggerParams(options.config.LOG_LEVEL)),
        databaseModule(options),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        ...sharedProviders(options),
        { provide: HttpConfig, useValue: options.config },
        DependencyHealth,
        {
          provide: REQUEST_REDIS,
          useFactory: () => createFailFastRedis(options.config.REDIS_URL, `${options.appName}-requests`),
        },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [
        options.configClass,
        CommonConfig,
        HttpConfig,
        FieldCipher,
        AuditLog,
        METRICS_REGISTRY,
        REQUEST_REDIS,
        DependencyHealth,
      ],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** What the worker shares: config, JSON logs, PostgreSQL, field encryption and the audit log. */
@Global()
@Module({})
export class WorkerPlatformModule {
  static forRoot<C extends CommonConfig>(options: PlatformOptions<C>): DynamicModule {
    return {
      module: WorkerPlatformModule,
      imports: [LoggerModule.forRoot(loggerParams(options.config.LOG_LEVEL)), databaseModule(options)],
      providers: sharedProviders(options),
      exports: [options.configClass, CommonConfig, FieldCipher, AuditLog, METRICS_REGISTRY],
    };
  }
}
