import { Global, Module, type FactoryProvider, type InjectionToken } from '@nestjs/common';
import {
  AcceptAward,
  GivePaymentDetails,
  CitizenDecisionQueries,
  ClaimQueries,
  ClaimsUnitOfWork,
  Clock,
  DocumentStorage,
  GetClaimWithDecisions,
  GetDecisionLetter,
  SystemClock,
} from '@redress/application';
import {
  FilesystemDocumentStorage,
  PostgresCitizenDecisionQueries,
  PostgresClaimQueries,
  PostgresClaimsUnitOfWork,
  S3DocumentStorage,
} from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CitizenApiConfig } from '../config.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a constructor of any arity, as Nest's own types say
function useCase<T>(useCaseClass: new (...dependencies: any[]) => T, inject: InjectionToken[]): FactoryProvider<T> {
  return {
    provide: useCaseClass,
    inject,
    useFactory: (...dependencies: unknown[]) => new useCaseClass(...dependencies),
  };
}

/**
 * What casework adds to the citizen's claim: decisions with their letters, payments, and accepting an award. Global,
 * so the claims controller (in the applications module) can use its use cases; its adapters stay private to it.
 */
@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: ClaimQueries,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresClaimQueries(dataSource, cipher),
    },
    {
      provide: ClaimsUnitOfWork,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresClaimsUnitOfWork(dataSource, cipher),
    },
    {
      provide: CitizenDecisionQueries,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) =>
        new PostgresCitizenDecisionQueries(dataSource, cipher),
    },
    {
      // Decision letters are in the same store as evidence (the worker writes them there).
      provide: DocumentStorage,
      inject: [CitizenApiConfig, FieldCipher],
      useFactory: (config: CitizenApiConfig, cipher: FieldCipher) =>
        config.DOCUMENT_STORAGE === 's3'
          ? new S3DocumentStorage({
              endpoint: config.S3_ENDPOINT!,
              bucket: config.S3_BUCKET!,
              region: config.S3_REGION!,
              accessKeyId: config.S3_ACCESS_KEY_ID!,
              secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
              serverSideEncryption: config.S3_SERVER_SIDE_ENCRYPTION,
            })
          : new FilesystemDocumentStorage(config.DOCUMENT_STORAGE_DIR, cipher),
    },
    useCase(GetClaimWithDecisions, [ClaimQueries, CitizenDecisionQueries, Clock]),
    useCase(GetDecisionLetter, [ClaimQueries, CitizenDecisionQueries, DocumentStorage]),
    useCase(AcceptAward, [ClaimsUnitOfWork, Clock]),
    useCase(GivePaymentDetails, [ClaimsUnitOfWork, Clock]),
  ],
  exports: [GetClaimWithDecisions, GetDecisionLetter, AcceptAward, GivePaymentDetails],
})
export class ClaimDecisionsModule {}
