import { Injectable } from '@nestjs/common';
import {
  ClaimAssessmentUnitOfWork,
  type AssessmentTransaction,
  type AuditRecord,
  type ClaimToAssess,
  type Triage,
} from '@redress/application';
import { calendarDateInUk, type ClaimEvent, type ClaimSnapshot, type EligibilityAssessment } from '@redress/domain';
import { OutboxWriter } from '@redress/jobs';
import { insertClaimEvent } from '@redress/persistence';
import { AuditLog, FieldCipher } from '@redress/platform';
import { DataSource, type EntityManager } from 'typeorm';

const outbox = new OutboxWriter();

class PostgresAssessmentTransaction implements AssessmentTransaction {
  constructor(
    private readonly manager: EntityManager,
    private readonly cipher: FieldCipher,
    private readonly auditLog: AuditLog,
  ) {}

  async lockClaim(claimId: string): Promise<ClaimToAssess | null> {
    const [row] = await this.manager.query<
      Array<{
        id: string;
        reference: string;
        application_id: string;
        owner_citizen_id: string;
        status: ClaimSnapshot['status'];
        version: number;
        status_changed_at: Date;
        submitted_at: Date | null;
        pending_decision: ClaimSnapshot['pendingDecision'];
        decision: ClaimSnapshot['decision'];
      }>
    >(
      `SELECT id, reference, application_id, owner_citizen_id, status, version, status_changed_at, submitted_at,
              pending_decision, decision
         FROM claim WHERE id = $1 FOR UPDATE`,
      [claimId],
    );
    if (!row) return null;
    const sections = await this.manager.query<Array<{ section: string; answers_encrypted: string }>>(
      `SELECT section, answers_encrypted FROM application_section WHERE application_id = $1 AND NOT set_aside`,
      [row.application_id],
    );
    const answers: Record<string, unknown> = {};
    for (const section of sections) {
      answers[section.section] = this.cipher.decryptJson(
        section.answers_encrypted,
        `application:${row.application_id}:${section.section}`,
      );
    }
    return {
      claim: {
        id: row.id,
        reference: row.reference,
        applicationId: row.application_id,
        ownerCitizenId: row.owner_citizen_id,
        status: row.status,
        version: row.version,
        statusChangedAt: row.status_changed_at,
        submittedAt: row.submitted_at,
        pendingDecision: row.pending_decision,
        decision: row.decision,
      },
      answers: answers,
      receivedOn: calendarDateInUk(row.submitted_at ?? row.status_changed_at),
    };
  }

  async saveAssessment(claimId: string, assessment: EligibilityAssessment, triage: Triage, at: Date): Promise<void> {
    // The trace quotes facts about the crime and the injuries: encrypted, bound to this claim.
    await this.manager.query(
      `INSERT INTO claim_automatic_assessment
         (claim_id, outcome, edition, assessment_encrypted, team, priority, priority_reasons, assessed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        claimId,
        assessment.outcome,
        assessment.edition,
        this.cipher.encryptJson(assessment, `claim:${claimId}:automatic-assessment`),
        triage.team,
        triage.priority,
        triage.reasons,
        at,
      ],
    );
  }

  async updateClaim(
    claim: ClaimSnapshot,
    triage: Triage,
    outcome: EligibilityAssessment['outcome'],
    at: Date,
  ): Promise<void> {
    const result = await this.manager.query<[unknown[], number]>(
      `UPDATE claim SET status = $2, version = $3, status_changed_at = $4, team = $5, priority = $6,
              eligibility_outcome = $7, eligibility_assessed_at = $8, updated_at = $8
        WHERE id = $1 AND version < $3`,
      [claim.id, claim.status, claim.version, claim.statusChangedAt, triage.team, triage.priority, outcome, at],
    );
    if (result[1] !== 1) throw new Error(`claim ${claim.id} changed under a lock`);
  }

  async appendEvents(events: readonly ClaimEvent[]): Promise<void> {
    for (const event of events) {
      await insertClaimEvent(this.manager, event);
    }
  }

  async scheduleServiceLevelCheck(claimId: string): Promise<void> {
    const [row] = await this.manager.query<Array<{ due: Date | null }>>(
      `SELECT service_level_due_at AS due FROM claim WHERE id = $1`,
      [claimId],
    );
    if (!row?.due) return;
    await outbox.enqueue(this.manager, 'claims.service-level-check', { claimId }, `claim:${claimId}`, {
      notBefore: row.due,
    });
  }

  async audit(entry: AuditRecord): Promise<void> {
    await this.auditLog.append(this.manager, entry);
  }
}

@Injectable()
export class PostgresClaimAssessmentUnitOfWork extends ClaimAssessmentUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly auditLog: AuditLog,
  ) {
    super();
  }

  run<T>(work: (transaction: AssessmentTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work(new PostgresAssessmentTransaction(manager, this.cipher, this.auditLog)),
    );
  }
}
