import { Module, type FactoryProvider, type InjectionToken } from '@nestjs/common';
import {
  AccessLog,
  ApproveDecision,
  CaseworkUnitOfWork,
  ClaimSearchIndex,
  ClaimsPerWeekReport,
  Clock,
  DecideReview,
  DecisionOutcomesReport,
  DecisionSettings,
  DecisionStore,
  MakeDecision,
  PaymentStore,
  RecordAppeal,
  RecordAppealOutcome,
  RecordReviewRequest,
  RefusalsByCharacteristicReport,
  ReportQueries,
  RequestPayment,
  AccessReports,
  OutOfTeamReadsReport,
  RecordPayee,
  ApprovePayee,
  ApprovePayment,
  PaymentSettings,
  ReturnDecision,
  ReviewStore,
  SearchClaims,
  ServiceLevelBreachesReport,
  SystemClock,
  TimeToDecisionReport,
} from '@redress/application';
import {
  AuditLogAccessLog,
  PostgresCaseworkUnitOfWork,
  PostgresClaimSearchIndex,
  PostgresDecisionStore,
  PostgresPaymentStore,
  PostgresAccessReports,
  PostgresReportQueries,
  PostgresReviewStore,
} from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CaseworkerApiConfig } from '../config.js';
import { OutcomesController } from './outcomes.controller.js';
import { PaymentsController } from './payments.controller.js';
import { ReportsController, SearchController } from './search-and-reports.controller.js';

/** A use case built from its ports: libs/application stays free of Nest. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a constructor of any arity, as Nest's own types say
function useCase<T>(useCaseClass: new (...dependencies: any[]) => T, inject: InjectionToken[]): FactoryProvider<T> {
  return {
    provide: useCaseClass,
    inject,
    useFactory: (...dependencies: unknown[]) => new useCaseClass(...dependencies),
  };
}

const casework = [CaseworkUnitOfWork, AccessLog];

/** Decisions (four eyes), reviews, appeals, payments, search and reports (docs/caseworker.md, issue 7 items 8-12). */
@Module({
  controllers: [OutcomesController, PaymentsController, SearchController, ReportsController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: CaseworkUnitOfWork,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresCaseworkUnitOfWork(dataSource),
    },
    { provide: AccessLog, inject: [AuditLog], useFactory: (auditLog: AuditLog) => new AuditLogAccessLog(auditLog) },
    {
      provide: DecisionSettings,
      inject: [CaseworkerApiConfig],
      useFactory: (config: CaseworkerApiConfig) =>
        Object.assign(new DecisionSettings(), { fourEyesAwardThresholdPence: config.FOUR_EYES_AWARD_THRESHOLD_PENCE }),
    },
    { provide: DecisionStore, inject: [FieldCipher], useFactory: (c: FieldCipher) => new PostgresDecisionStore(c) },
    { provide: ReviewStore, inject: [FieldCipher], useFactory: (c: FieldCipher) => new PostgresReviewStore(c) },
    { provide: PaymentStore, inject: [FieldCipher], useFactory: (c: FieldCipher) => new PostgresPaymentStore(c) },
    {
      provide: ClaimSearchIndex,
      inject: [DataSource, FieldCipher],
      useFactory: (d: DataSource, c: FieldCipher) => new PostgresClaimSearchIndex(d, c),
    },
    {
      provide: ReportQueries,
      inject: [DataSource, FieldCipher],
      useFactory: (d: DataSource, c: FieldCipher) => new PostgresReportQueries(d, c),
    },
    useCase(MakeDecision, [...casework, DecisionStore, DecisionSettings, Clock]),
    useCase(ApproveDecision, [...casework, DecisionStore, ReviewStore, Clock]),
    useCase(ReturnDecision, [...casework, DecisionStore, Clock]),
    useCase(RecordReviewRequest, [...casework, DecisionStore, ReviewStore, Clock]),
    useCase(DecideReview, [...casework, DecisionStore, ReviewStore, DecisionSettings, Clock]),
    useCase(RecordAppeal, [...casework, ReviewStore, Clock]),
    useCase(RecordAppealOutcome, [...casework, ReviewStore, Clock]),
    {
      provide: PaymentSettings,
      inject: [CaseworkerApiConfig],
      useFactory: (config: CaseworkerApiConfig) =>
        Object.assign(new PaymentSettings(), { interimMaxPercent: config.INTERIM_PAYMENT_MAX_PERCENT }),
    },
    useCase(RecordPayee, [...casework, PaymentStore, Clock]),
    useCase(ApprovePayee, [...casework, PaymentStore, Clock]),
    useCase(RequestPayment, [...casework, PaymentStore, PaymentSettings, Clock]),
    useCase(ApprovePayment, [...casework, PaymentStore, PaymentSettings, Clock]),
    useCase(SearchClaims, [ClaimSearchIndex, CaseworkUnitOfWork, Clock]),
    useCase(ClaimsPerWeekReport, [ReportQueries, Clock]),
    useCase(TimeToDecisionReport, [ReportQueries, Clock]),
    useCase(ServiceLevelBreachesReport, [ReportQueries, Clock]),
    useCase(DecisionOutcomesReport, [ReportQueries, Clock]),
    useCase(RefusalsByCharacteristicReport, [ReportQueries, Clock]),
    { provide: AccessReports, inject: [DataSource], useFactory: (d: DataSource) => new PostgresAccessReports(d) },
    useCase(OutOfTeamReadsReport, [AccessReports, Clock]),
  ],
})
export class OutcomesModule {}
