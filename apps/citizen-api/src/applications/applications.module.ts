import { Module, type FactoryProvider, type InjectionToken } from '@nestjs/common';
import {
  AnswerInformationRequest,
  ApplicationStore,
  ClaimQueries,
  ClaimsUnitOfWork,
  Clock,
  CreateApplication,
  DeleteApplication,
  DeleteDocument,
  DocumentStorage,
  EvidenceDocumentStore,
  ListDocuments,
  UploadDocument,
  CitizenLimits,
  MalwareScanner,
  ExportMyData,
  CitizenPreferencesStore,
  GetPreferences,
  SetPreferences,
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
  FilesystemDocumentStorage,
  PostgresEvidenceDocumentStore,
  S3DocumentStorage,
  PostgresApplicationStore,
  PostgresClaimQueries,
  PostgresClaimsUnitOfWork,
  PostgresPersonalDataQueries,
  PostgresCitizenPreferences,
} from '@redress/persistence';
import { AuditLog, ClamdMalwareScanner, DevelopmentMalwareScanner, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CitizenApiConfig } from '../config.js';
import { DocumentsController } from '../documents/documents.controller.js';
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
  controllers: [ApplicationsController, ClaimsController, MeController, DocumentsController],
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
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresClaimsUnitOfWork(dataSource, cipher),
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
    {
      provide: CitizenLimits,
      inject: [CitizenApiConfig],
      useFactory: (config: CitizenApiConfig) =>
        Object.assign(new CitizenLimits(), { maxOpenDrafts: config.MAX_OPEN_DRAFTS }),
    },
    useCase(CreateApplication, [ApplicationStore, CitizenLimits, Clock]),
    useCase(ListApplications, [ApplicationStore, Clock]),
    useCase(GetApplication, [ApplicationStore, Clock]),
    useCase(SaveSection, [ApplicationStore, Clock]),
    useCase(DeleteApplication, [ApplicationStore, EvidenceDocumentStore, DocumentStorage, Clock]),
    useCase(GetTaskList, [ApplicationStore, Clock]),
    useCase(GetLiveEligibility, [ApplicationStore, Clock]),
    useCase(SubmitApplication, [ClaimsUnitOfWork, Clock]),
    useCase(ListClaims, [ClaimQueries]),
    useCase(GetClaim, [ClaimQueries, Clock]),
    useCase(WithdrawClaim, [ClaimsUnitOfWork, Clock]),
    useCase(RequestReview, [ClaimsUnitOfWork, Clock]),
    useCase(AnswerInformationRequest, [ClaimsUnitOfWork, Clock]),
    useCase(ExportMyData, [PersonalDataQueries, Clock]),
    {
      provide: CitizenPreferencesStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresCitizenPreferences(dataSource),
    },
    useCase(GetPreferences, [CitizenPreferencesStore]),
    useCase(SetPreferences, [CitizenPreferencesStore]),
    {
      provide: EvidenceDocumentStore,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) =>
        new PostgresEvidenceDocumentStore(dataSource, cipher),
    },
    {
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
    {
      provide: MalwareScanner,
      inject: [CitizenApiConfig],
      useFactory: (config: CitizenApiConfig) =>
        config.MALWARE_SCANNER === 'clamd'
          ? new ClamdMalwareScanner({
              socket: config.CLAMD_SOCKET,
              host: config.CLAMD_SOCKET ? undefined : config.CLAMD_HOST,
              port: config.CLAMD_SOCKET ? undefined : config.CLAMD_PORT,
              timeoutMs: config.CLAMD_TIMEOUT_MS,
            })
          : new DevelopmentMalwareScanner(),
    },
    useCase(UploadDocument, [ApplicationStore, EvidenceDocumentStore, DocumentStorage, MalwareScanner, Clock]),
    useCase(ListDocuments, [ApplicationStore, EvidenceDocumentStore, Clock]),
    useCase(DeleteDocument, [ApplicationStore, EvidenceDocumentStore, DocumentStorage, Clock]),
  ],
})
export class ApplicationsModule {}
