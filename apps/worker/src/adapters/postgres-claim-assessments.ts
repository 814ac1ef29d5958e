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
import { auditLogRow, claimEventRow, DeferredWrites, updateClaimState } from '@redress/persistence';
import { FieldCipher } from '@redress/platform';
import { DataSource, type EntityManager } from 'typeorm';

const outbox = new OutboxWriter();

/** Writes are held back and sent as one statement before the next read or the commit (DeferredWrites). */
class PostgresAssessmentTransaction implements AssessmentTransaction {
  private readonly writes: DeferredWrites;

  constructor(
    private readonly manager: EntityManager,
    private readonly cipher: FieldCipher,
  ) {
    this.writes = new DeferredWrites(manager);
  }

  async flush(): Promise<void> {
    if (this.writes.pending) await this.writes.flush();
  }

  async lockClaim(claimId: string): Promise<ClaimToAssess | null> {
    await this.flush();
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
    this.writes.defer({
      sql: `INSERT INTO claim_automatic_assessment
         (claim_id, outcome, edition, assessment_encrypted, team, priority, priority_reasons, assessed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      parameters: [
        claimId,
        assessment.outcome,
        assessment.edition,
        this.cipher.encryptJson(assessment, `claim:${claimId}:automatic-assessment`),
        triage.team,
        triage.priority,
        triage.reasons,
        at,
      ],
    });
  }

  async updateClaim(
    claim: ClaimSnapshot,
    triage: Triage,
    outcome: EligibilityAssessment['outcome'],
    at: Date,
  ): Promise<void> {
    updateClaimState(this.writes, claim, at, { kind: 'below', version: claim.version });
    this.writes.patchClaim(
      claim.id,
      { kind: 'below', version: claim.version },
      { team: triage.team, priority: triage.priority, eligibility_outcome: outcome, eligibility_assessed_at: at },
      { eligibility_assessed_at: '::timestamptz' },
    );
  }

  async appendEvents(events: readonly ClaimEvent[]): Promise<void> {
    for (const event of events) this.writes.append('claim_event', claimEventRow(event));
  }

  async scheduleServiceLevelCheck(claimId: string): Promise<void> {
    await this.flush();
    const [row] = await this.manager.query<Array<{ due: Date | null }>>(
      `SELECT service_level_due_at AS due FROM claim WHERE id = $1`,
      [claimId],
    );
    if (!row?.due) return;
    await outbox.enqueue(this.manager, 'claims.service-level-check', { claimId }, `claim:${claimId}`, {
      notBefore: row.due,
    });
  }

  audit(entry: AuditRecord): Promise<void> {
    this.writes.append('audit_log', auditLogRow(entry));
    return Promise.resolve();
  }
}

@Injectable()
export class PostgresClaimAssessmentUnitOfWork extends ClaimAssessmentUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {
    super();
  }

  run<T>(work: (transaction: AssessmentTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const transaction = new PostgresAssessmentTransaction(manager, this.cipher);
      const result = await work(transaction);
      await transaction.flush();
      return result;
    });
  }
}
