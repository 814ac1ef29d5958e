import {
  AwardCalculationStore,
  JudgementStore,
  type CaseworkTransaction,
  type StoredJudgement,
} from '@redress/application';
import type {
  ApplicationAnswers,
  AwardBreakdown,
  AwardInput,
  ConductEffect,
  JudgedAssessment,
  JudgementKind,
} from '@redress/domain';
import { managerOf, type CaseworkCipher } from './casework-ports.js';
import { caseworkContext, loadAnswers } from './postgres-case-file-store.js';

export class PostgresJudgementStore extends JudgementStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  answers(tx: CaseworkTransaction, applicationId: string): Promise<ApplicationAnswers> {
    return loadAnswers(managerOf(tx.handle), this.cipher, applicationId);
  }

  async judgements(tx: CaseworkTransaction, claimId: string): Promise<StoredJudgement[]> {
    const rows = await managerOf(tx.handle).query<
      Array<{
        id: string;
        kind: JudgementKind;
        reduction_percent: number | null;
        reason_encrypted: string;
        recorded_by_staff_id: string;
        conduct_effect: ConductEffect | null;
      }>
    >(
      `SELECT id, kind, reduction_percent, reason_encrypted, recorded_by_staff_id, conduct_effect FROM judgement
       WHERE claim_id = $1 ORDER BY recorded_at, id`,
      [claimId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      reason: this.cipher.decrypt(row.reason_encrypted, caseworkContext.judgement(row.id)),
      by: row.recorded_by_staff_id,
      ...(row.conduct_effect ? { conductEffect: row.conduct_effect } : {}),
      ...(row.reduction_percent !== null ? { reductionPercent: row.reduction_percent } : {}),
    }));
  }

  async insertRun(
    tx: CaseworkTransaction,
    run: { id: string; claimId: string; assessment: JudgedAssessment; by: string; at: Date },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO eligibility_run (id, claim_id, outcome, edition, assessment_encrypted, run_by_staff_id, ran_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        run.id,
        run.claimId,
        run.assessment.outcome,
        run.assessment.edition,
        this.cipher.encryptJson(run.assessment, caseworkContext.assessment(run.id)),
        run.by,
        run.at,
      ],
    );
  }

  async insertJudgement(
    tx: CaseworkTransaction,
    judgement: StoredJudgement & { claimId: string; paragraph: string; eligibilityRunId: string; at: Date },
  ): Promise<void> {
    await managerOf(tx.handle).query(
      `INSERT INTO judgement (id, claim_id, kind, paragraph, conduct_effect, reduction_percent, reason_encrypted,
         eligibility_run_id, recorded_by_staff_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        judgement.id,
        judgement.claimId,
        judgement.kind,
        judgement.paragraph,
        judgement.conductEffect ?? null,
        judgement.reductionPercent ?? null,
        this.cipher.encrypt(judgement.reason, caseworkContext.judgement(judgement.id)),
        judgement.eligibilityRunId,
        judgement.by,
        judgement.at,
      ],
    );
  }
}

export class PostgresAwardCalculationStore extends AwardCalculationStore {
  constructor(private readonly cipher: CaseworkCipher) {
    super();
  }

  async insert(
    tx: CaseworkTransaction,
    calculation: { id: string; claimId: string; input: AwardInput; breakdown: AwardBreakdown; by: string; at: Date },
  ): Promise<void> {
    // Tariff codes reveal injuries (health data), so the input and breakdown are encrypted; totals stay in clear.
    await managerOf(tx.handle).query(
      `INSERT INTO award_calculation (id, claim_id, edition, total_pence, gross_pence, calculation_encrypted,
         calculated_by_staff_id, calculated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        calculation.id,
        calculation.claimId,
        calculation.breakdown.edition,
        calculation.breakdown.totalPence,
        calculation.breakdown.grossPence,
        this.cipher.encryptJson(
          { input: calculation.input, breakdown: calculation.breakdown },
          caseworkContext.calculation(calculation.id),
        ),
        calculation.by,
        calculation.at,
      ],
    );
  }
}
