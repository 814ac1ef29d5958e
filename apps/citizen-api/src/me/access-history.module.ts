import { Module } from '@nestjs/common';
import { AccessHistoryQueries, ListMyAccessHistory } from '@redress/application';
import { PostgresAccessHistoryQueries } from '@redress/persistence';
import { DataSource } from 'typeorm';
import { AccessHistoryController } from './access-history.controller.js';

/** "Who has seen my claim": reads of the citizen's claims and referrals, from the audit log. */
@Module({
  controllers: [AccessHistoryController],
  providers: [
    {
      provide: AccessHistoryQueries,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresAccessHistoryQueries(dataSource),
    },
    {
      provide: ListMyAccessHistory,
      inject: [AccessHistoryQueries],
      useFactory: (queries: AccessHistoryQueries) => new ListMyAccessHistory(queries),
    },
  ],
})
export class AccessHistoryModule {}
