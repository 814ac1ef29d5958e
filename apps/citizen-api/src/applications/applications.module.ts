import { Module, type FactoryProvider, type InjectionToken } from '@nestjs/common';
import {
  AnswerInformationRequest,
  ApplicationStore,
  ClaimQueries,
  ClaimsUnitOfWork,
  Clock,
  CreateApplication,
  DeleteApplication,
  ExportMyData,
  GetApplication,
  GetClaim,
  GetLiveEligibility,
  GetTaskList,
  ListApplications,
  ListClaims,
  PersonalDataQueries,
  RequestReview,
  SaveSection,
  SubmitApplication,
  SystemClock,
  WithdrawClaim,
} from '@redress/application';
import {
  PostgresApplicationStore,
  PostgresClaimQueries,
  PostgresClaimsUnitOfWork,
  PostgresPersonalDataQueries,
} from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { ClaimsController } from '../claims/claims.controller.js';
import { MeController } from '../me/me.controller.js';
import { ApplicationsController } from './applications.controller.js';

/** Use cases built from their ports: a plain factory per class keeps libs/application free of Nest. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a constructor of any arity, as Nest's own types say
function useCase<T>(useCaseClass: new (...dependencies: any[]) => T, inject: InjectionToken[]): FactoryProvider<T> {
  return {
    provide: useCaseClass,
    inject,
    useFactory: (...dependencies: unknown[]) => new useCaseClass(...dependencies),
  };
}

/** Applications (drafts), submission, claims after submission, and the citizen's own data. */
@Module({
  controllers: [ApplicationsController, ClaimsController, MeController],
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: ApplicationStore,
      inject: [DataSource, FieldCipher, AuditLog],
      useFactory: (dataSource: DataSource, cipher: FieldCipher, audit: AuditLog) =>
        new PostgresApplicationStore(dataSource, cipher, audit),
    },
    {
      provide: ClaimsUnitOfWork,
      inject: [DataSource, FieldCipher, AuditLog],
      useFactory: (dataSource: DataSource, cipher: FieldCipher, audit: AuditLog) =>
        new PostgresClaimsUnitOfWork(dataSource, cipher, audit),
    },
    {
      provide: ClaimQueries,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresClaimQueries(dataSource, cipher),
    },
    {
      provide: PersonalDataQueries,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresPersonalDataQueries(dataSource, cipher),
    },
    useCase(CreateApplication, [ApplicationStore, Clock]),
    useCase(ListApplications, [ApplicationStore, Clock]),
    useCase(GetApplication, [ApplicationStore, Clock]),
    useCase(SaveSection, [ApplicationStore, Clock]),
    useCase(DeleteApplication, [ApplicationStore, Clock]),
    useCase(GetTaskList, [ApplicationStore, Clock]),
    useCase(GetLiveEligibility, [ApplicationStore, Clock]),
    useCase(SubmitApplication, [ClaimsUnitOfWork, Clock]),
    useCase(ListClaims, [ClaimQueries]),
    useCase(GetClaim, [ClaimQueries, Clock]),
    useCase(WithdrawClaim, [ClaimsUnitOfWork, Clock]),
    useCase(RequestReview, [ClaimsUnitOfWork, Clock]),
    useCase(AnswerInformationRequest, [ClaimsUnitOfWork, Clock]),
    useCase(ExportMyData, [PersonalDataQueries, Clock]),
  ],
})
export class ApplicationsModule {}
