import { Module } from '@nestjs/common';
import {
  AccessLog,
  AddNote,
  ApprovalQueries,
  DocumentStorage,
  GetClaimDocumentForStaff,
  GetClaimLetterForStaff,
  ListClaimDocumentsForStaff,
  StaffDocumentQueries,
  ListClaimLettersForStaff,
  StaffLetterQueries,
  ListApprovals,
  AwardCalculationStore,
  CancelInformationRequest,
  MoveInformationRequestDueDate,
  RecordInformationRequestReply,
  CalculateAwardForClaim,
  JudgementStore,
  RecordJudgements,
  InformationRequestStore,
  NoteStore,
  RequestInformation,
  CaseFileStore,
  CaseworkUnitOfWork,
  Clock,
  GetClaimForStaff,
  ListWork,
  ReassignClaim,
  ReleaseClaim,
  RestrictClaim,
  RestrictionStore,
  SystemClock,
  TakeNextWork,
  WorkStore,
} from '@redress/application';
import {
  AuditLogAccessLog,
  PostgresApprovalQueries,
  PostgresStaffDocumentQueries,
  PostgresStaffLetterQueries,
  documentStorageFrom,
  PostgresCaseFileStore,
  PostgresAwardCalculationStore,
  PostgresCaseworkUnitOfWork,
  PostgresJudgementStore,
  PostgresInformationRequestStore,
  PostgresNoteStore,
  PostgresRestrictionStore,
  PostgresWorkStore,
} from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';
import { CaseworkerApiConfig } from '../config.js';
import { ApprovalsController } from './approvals.controller.js';
import { DocumentsController } from './documents.controller.js';
import { LettersController } from './letters.controller.js';
import { CaseworkController } from './casework.controller.js';
import { ClaimsController } from './claims.controller.js';
import { DecisionsController } from './decisions.controller.js';
import { TariffController } from './tariff.controller.js';
import { WorkController } from './work.controller.js';

/** Staff casework: queues, the claim view and everything staff do to a claim. */
@Module({
  controllers: [
    WorkController,
    ClaimsController,
    CaseworkController,
    DecisionsController,
    TariffController,
    ApprovalsController,
    LettersController,
    DocumentsController,
  ],
  providers: [
    { provide: Clock, useClass: SystemClock },
    {
      provide: CaseworkUnitOfWork,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresCaseworkUnitOfWork(dataSource),
    },
    { provide: AccessLog, inject: [AuditLog], useFactory: (auditLog: AuditLog) => new AuditLogAccessLog(auditLog) },
    {
      provide: WorkStore,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresWorkStore(dataSource),
    },
    {
      provide: CaseFileStore,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresCaseFileStore(dataSource, cipher),
    },
    { provide: RestrictionStore, useFactory: () => new PostgresRestrictionStore() },
    { provide: ListWork, inject: [WorkStore], useFactory: (store: WorkStore) => new ListWork(store) },
    {
      provide: ApprovalQueries,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresApprovalQueries(dataSource),
    },
    {
      // Letters are in the document storage the worker writes them to (as the citizen API reads them).
      provide: DocumentStorage,
      inject: [CaseworkerApiConfig, FieldCipher],
      useFactory: (config: CaseworkerApiConfig, cipher: FieldCipher) => documentStorageFrom(config, cipher),
    },
    {
      provide: StaffLetterQueries,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PostgresStaffLetterQueries(dataSource),
    },
    {
      provide: ListClaimLettersForStaff,
      inject: [CaseFileStore, AccessLog, StaffLetterQueries, Clock],
      useFactory: (s: CaseFileStore, a: AccessLog, q: StaffLetterQueries, c: Clock) =>
        new ListClaimLettersForStaff(s, a, q, c),
    },
    {
      provide: GetClaimLetterForStaff,
      inject: [CaseFileStore, AccessLog, StaffLetterQueries, DocumentStorage, Clock],
      useFactory: (s: CaseFileStore, a: AccessLog, q: StaffLetterQueries, d: DocumentStorage, c: Clock) =>
        new GetClaimLetterForStaff(s, a, q, d, c),
    },
    {
      provide: StaffDocumentQueries,
      inject: [DataSource, FieldCipher],
      useFactory: (dataSource: DataSource, cipher: FieldCipher) => new PostgresStaffDocumentQueries(dataSource, cipher),
    },
    {
      provide: ListClaimDocumentsForStaff,
      inject: [CaseFileStore, AccessLog, StaffDocumentQueries, Clock],
      useFactory: (s: CaseFileStore, a: AccessLog, q: StaffDocumentQueries, c: Clock) =>
        new ListClaimDocumentsForStaff(s, a, q, c),
    },
    {
      provide: GetClaimDocumentForStaff,
      inject: [CaseFileStore, AccessLog, StaffDocumentQueries, DocumentStorage, Clock],
      useFactory: (s: CaseFileStore, a: AccessLog, q: StaffDocumentQueries, d: DocumentStorage, c: Clock) =>
        new GetClaimDocumentForStaff(s, a, q, d, c),
    },
    { provide: ListApprovals, inject: [ApprovalQueries], useFactory: (q: ApprovalQueries) => new ListApprovals(q) },
    {
      provide: TakeNextWork,
      inject: [CaseworkUnitOfWork, WorkStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, s: WorkStore, c: Clock) => new TakeNextWork(u, s, c),
    },
    {
      provide: ReleaseClaim,
      inject: [CaseworkUnitOfWork, AccessLog, WorkStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: WorkStore, c: Clock) => new ReleaseClaim(u, a, s, c),
    },
    {
      provide: ReassignClaim,
      inject: [CaseworkUnitOfWork, AccessLog, WorkStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: WorkStore, c: Clock) => new ReassignClaim(u, a, s, c),
    },
    {
      provide: GetClaimForStaff,
      inject: [CaseFileStore, AccessLog, Clock],
      useFactory: (s: CaseFileStore, a: AccessLog, c: Clock) => new GetClaimForStaff(s, a, c),
    },
    {
      provide: RestrictClaim,
      inject: [CaseworkUnitOfWork, AccessLog, RestrictionStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: RestrictionStore, c: Clock) => new RestrictClaim(u, a, s, c),
    },
    {
      provide: InformationRequestStore,
      inject: [FieldCipher],
      useFactory: (cipher: FieldCipher) => new PostgresInformationRequestStore(cipher),
    },
    { provide: NoteStore, inject: [FieldCipher], useFactory: (cipher: FieldCipher) => new PostgresNoteStore(cipher) },
    {
      provide: RequestInformation,
      inject: [CaseworkUnitOfWork, AccessLog, InformationRequestStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: InformationRequestStore, c: Clock) =>
        new RequestInformation(u, a, s, c),
    },
    {
      provide: MoveInformationRequestDueDate,
      inject: [CaseworkUnitOfWork, AccessLog, InformationRequestStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: InformationRequestStore, c: Clock) =>
        new MoveInformationRequestDueDate(u, a, s, c),
    },
    {
      provide: RecordInformationRequestReply,
      inject: [CaseworkUnitOfWork, AccessLog, InformationRequestStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: InformationRequestStore, c: Clock) =>
        new RecordInformationRequestReply(u, a, s, c),
    },
    {
      provide: CancelInformationRequest,
      inject: [CaseworkUnitOfWork, AccessLog, InformationRequestStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: InformationRequestStore, c: Clock) =>
        new CancelInformationRequest(u, a, s, c),
    },
    {
      provide: AddNote,
      inject: [CaseworkUnitOfWork, AccessLog, NoteStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: NoteStore, c: Clock) => new AddNote(u, a, s, c),
    },
    {
      provide: JudgementStore,
      inject: [FieldCipher],
      useFactory: (cipher: FieldCipher) => new PostgresJudgementStore(cipher),
    },
    {
      provide: AwardCalculationStore,
      inject: [FieldCipher],
      useFactory: (cipher: FieldCipher) => new PostgresAwardCalculationStore(cipher),
    },
    {
      provide: RecordJudgements,
      inject: [CaseworkUnitOfWork, AccessLog, JudgementStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: JudgementStore, c: Clock) =>
        new RecordJudgements(u, a, s, c),
    },
    {
      provide: CalculateAwardForClaim,
      inject: [CaseworkUnitOfWork, AccessLog, AwardCalculationStore, Clock],
      useFactory: (u: CaseworkUnitOfWork, a: AccessLog, s: AwardCalculationStore, c: Clock) =>
        new CalculateAwardForClaim(u, a, s, c),
    },
  ],
})
export class CaseworkModule {}
