import { PersonalDataQueries, type PersonalDataExport } from '@redress/application';
import type { DataSource } from 'typeorm';
import { readSections } from './postgres-application-store.js';
import { loadDocuments, loadEvents, loadInformationRequests, loadReviewRequests } from './postgres-claims.js';
import { sectionContext, type FieldCipherLike } from './persistence-ports.js';

/** Collects, decrypted, everything held about one citizen: account, applications with history, claims. */
export class PostgresPersonalDataQueries extends PersonalDataQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipherLike,
  ) {
    super();
  }

  async collect(citizenId: string): Promise<PersonalDataExport> {
    const manager = this.dataSource.manager;
    const [account] = await manager.query<Array<{ id: string; email_encrypted: string | null; created_at: Date }>>(
      `SELECT id, email_encrypted, created_at FROM citizen_account WHERE id = $1`,
      [citizenId],
    );
    const applications = await manager.query<
      Array<{
        id: string;
        status: string;
        created_at: Date;
        updated_at: Date;
        expires_at: Date | null;
        submitted_at: Date | null;
      }>
    >(
      `SELECT id, status, created_at, updated_at, expires_at, submitted_at FROM application
       WHERE owner_citizen_id = $1 ORDER BY created_at, id`,
      [citizenId],
    );
    const claims = await manager.query<
      Array<{
        id: string;
        reference: string;
        status: string;
        submitted_at: Date | null;
        declaration_version: string;
        declared_at: Date;
        decision: unknown;
      }>
    >(
      `SELECT id, reference, status, submitted_at, declaration_version, declared_at, decision FROM claim
       WHERE owner_citizen_id = $1 ORDER BY submitted_at, id`,
      [citizenId],
    );
    return {
      account: account
        ? {
            id: account.id,
            email: account.email_encrypted
              ? this.cipher.decrypt(account.email_encrypted, `citizen:${account.id}:email`)
              : null,
            createdAt: account.created_at,
          }
        : null,
      applications: await Promise.all(
        applications.map(async (application) => {
          const sections = await readSections(manager, this.cipher, application.id);
          const history = await manager.query<
            Array<{ section: string; change: string; answers_encrypted: string | null; recorded_at: Date }>
          >(
            `SELECT section, change, answers_encrypted, recorded_at FROM application_answer_history
             WHERE application_id = $1 ORDER BY id`,
            [application.id],
          );
          return {
            id: application.id,
            status: application.status,
            createdAt: application.created_at,
            updatedAt: application.updated_at,
            expiresAt: application.expires_at,
            submittedAt: application.submitted_at,
            sections: Object.fromEntries(
              Object.values(sections).map((section) => [
                section.section,
                { answers: section.answers, setAside: section.setAside, updatedAt: section.updatedAt },
              ]),
            ),
            answerHistory: history.map((entry) => ({
              section: entry.section,
              change: entry.change,
              answers: entry.answers_encrypted
                ? this.cipher.decryptJson(entry.answers_encrypted, sectionContext(application.id, entry.section))
                : null,
              recordedAt: entry.recorded_at,
            })),
            documents: await loadDocuments(manager, this.cipher, application.id),
          };
        }),
      ),
      claims: await Promise.all(
        claims.map(async (claim) => ({
          reference: claim.reference,
          status: claim.status,
          submittedAt: claim.submitted_at,
          declaration: { wordingVersion: claim.declaration_version, declaredAt: claim.declared_at },
          decision: claim.decision,
          events: (await loadEvents(manager, claim.id)).map((event) => ({
            type: event.type,
            occurredAt: event.occurredAt,
            actorKind: event.actor.kind,
          })),
          informationRequests: (await loadInformationRequests(manager, this.cipher, claim.id)).map((request) => ({
            id: request.id,
            question: request.question,
            dueOn: request.dueOn,
            status: request.status,
            answer: request.answer,
          })),
          reviewRequests: await loadReviewRequests(manager, this.cipher, claim.id),
        })),
      ),
    };
  }
}
