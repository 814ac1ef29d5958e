import { randomUUID } from 'node:crypto';
import {
  applyJudgements,
  assessEligibility,
  calendarDateInUk,
  checkJudgement,
  eligibilityFactsFromApplication,
  judgementParagraph,
  type ApplicationAnswers,
  type JudgedAssessment,
  type Judgement,
} from '@redress/domain';
import type { Clock } from '../../ports/clock.js';
import { withStaffClaim } from '../../staff/claim-access.js';
import { AccessLog, CaseworkUnitOfWork, type CaseworkTransaction } from '../../staff/casework-store.js';
import type { RecordJudgementsCommand } from './record-judgements.command.js';

export interface StoredJudgement extends Judgement {
  readonly id: string;
}

export abstract class JudgementStore {
  abstract answers(tx: CaseworkTransaction, applicationId: string): Promise<ApplicationAnswers>;
  /** The findings already recorded on the claim, oldest first. */
  abstract judgements(tx: CaseworkTransaction, claimId: string): Promise<StoredJudgement[]>;
  abstract insertRun(
    tx: CaseworkTransaction,
    run: { id: string; claimId: string; assessment: JudgedAssessment; by: string; at: Date },
  ): Promise<void>;
  abstract insertJudgement(
    tx: CaseworkTransaction,
    judgement: StoredJudgement & { claimId: string; paragraph: string; eligibilityRunId: string; at: Date },
  ): Promise<void>;
}

/**
 * Records a caseworker's findings (a late application accepted under para 89, reporting found to be as soon as
 * reasonably practicable under para 22, conduct under para 25), each with its reason, and re-runs eligibility on
 * the application as submitted with every finding on the claim; the re-run is stored with its trace.
 */
export class RecordJudgements {
  constructor(
    private readonly unitOfWork: CaseworkUnitOfWork,
    private readonly accessLog: AccessLog,
    private readonly store: JudgementStore,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: RecordJudgementsCommand,
  ): Promise<{ eligibilityRunId: string; assessment: JudgedAssessment; version: number }> {
    const fresh: StoredJudgement[] = command.judgements.map((judgement) => ({
      id: randomUUID(),
      kind: judgement.kind,
      reason: judgement.reason,
      by: command.actor.staffId,
      ...(judgement.conductEffect ? { conductEffect: judgement.conductEffect } : {}),
      ...(judgement.reductionPercent !== undefined ? { reductionPercent: judgement.reductionPercent } : {}),
    }));
    fresh.forEach(checkJudgement);
    return withStaffClaim(
      { unitOfWork: this.unitOfWork, accessLog: this.accessLog, clock: this.clock },
      {
        actor: command.actor,
        reference: command.reference,
        expectedVersion: command.expectedVersion,
        view: 'judgements',
      },
      async (tx, record) => {
        const at = this.clock.now();
        const answers = await this.store.answers(tx, record.snapshot.applicationId);
        const earlier = await this.store.judgements(tx, record.snapshot.id);
        const receivedOn = calendarDateInUk(record.snapshot.submittedAt ?? at);
        const engine = assessEligibility(eligibilityFactsFromApplication(answers, { receivedOn }), { clock: () => at });
        const assessment = applyJudgements(engine, [...earlier, ...fresh]);
        const eligibilityRunId = randomUUID();
        await this.store.insertRun(tx, {
          id: eligibilityRunId,
          claimId: record.snapshot.id,
          assessment,
          by: command.actor.staffId,
          at,
        });
        for (const judgement of fresh) {
          await this.store.insertJudgement(tx, {
            ...judgement,
            claimId: record.snapshot.id,
            paragraph: judgementParagraph(judgement.kind),
            eligibilityRunId,
            at,
          });
        }
        const version = await tx.touchClaim(record.snapshot.id, at);
        await tx.audit({
          actorType: 'staff',
          actorId: command.actor.staffId,
          action: 'claim.eligibility-rerun',
          targetType: 'claim',
          targetId: record.snapshot.id,
          details: {
            reference: command.reference,
            eligibilityRunId,
            outcome: assessment.outcome,
            judgements: fresh.map((judgement) => ({
              id: judgement.id,
              kind: judgement.kind,
              paragraph: judgementParagraph(judgement.kind),
            })),
          },
          occurredAt: at,
        });
        return { eligibilityRunId, assessment, version };
      },
    );
  }
}
