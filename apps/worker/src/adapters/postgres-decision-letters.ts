import { Injectable } from '@nestjs/common';
import { DecisionLetters, letterLanguages, type DecisionLetterInput, type StoredLetter } from '@redress/application';
import type { AwardBreakdown, PreferredLanguage } from '@redress/domain';
import { FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';

/**
 * Reads a made decision (the caseworker API's `claim_decision`, approved) and its award calculation, decrypting
 * under the contexts the casework adapters write with; records letters in `claim_letter`.
 */
@Injectable()
export class PostgresDecisionLetters extends DecisionLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {
    super();
  }

  async findMadeDecision(claimId: string, decisionId: string): Promise<DecisionLetterInput | null> {
    const [row] = await this.dataSource.query<
      Array<{
        id: string;
        reference: string;
        kind: DecisionLetterInput['outcome'];
        amount_pence: string | null;
        paragraphs: string[];
        reasons_encrypted: string;
        on_review: boolean;
        decided_on: string;
        calculation_id: string | null;
        calculation_encrypted: string | null;
        preferred_language: PreferredLanguage;
        bilingual_letters: boolean;
      }>
    >(
      `SELECT c.preferred_language, c.bilingual_letters, d.id, c.reference, d.kind, d.amount_pence, d.paragraphs, d.reasons_encrypted, d.on_review,
              to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on, a.id AS calculation_id, a.calculation_encrypted
         FROM claim_decision d
         JOIN claim c ON c.id = d.claim_id
         LEFT JOIN award_calculation a ON a.id = d.award_calculation_id
        WHERE d.id = $2 AND d.claim_id = $1 AND d.status = 'made' AND d.decided_on IS NOT NULL`,
      [claimId, decisionId],
    );
    if (!row) return null;
    const award =
      row.calculation_id && row.calculation_encrypted
        ? this.cipher.decryptJson<{ breakdown: AwardBreakdown }>(
            row.calculation_encrypted,
            `award-calculation:${row.calculation_id}:calculation`,
          ).breakdown
        : null;
    return {
      claimReference: row.reference,
      decisionId: row.id,
      outcome: row.kind,
      decidedOn: row.decided_on,
      onReview: row.on_review,
      reasons: this.cipher.decrypt(row.reasons_encrypted, `claim-decision:${row.id}:reasons`),
      paragraphs: row.paragraphs,
      award,
      amountPence: row.amount_pence === null ? null : Number(row.amount_pence),
      languages: letterLanguages(row.preferred_language, row.bilingual_letters),
    };
  }

  async findLetter(claimId: string, decisionId: string): Promise<StoredLetter | null> {
    const [row] = await this.dataSource.query<
      Array<{ id: string; storage_key: string; content_type: string; size_bytes: number; pages: number }>
    >(
      `SELECT id, storage_key, content_type, size_bytes, pages FROM claim_letter
        WHERE claim_id = $1 AND kind = 'decision' AND decision_id = $2`,
      [claimId, decisionId],
    );
    return row
      ? {
          id: row.id,
          storageKey: row.storage_key,
          contentType: row.content_type,
          sizeBytes: row.size_bytes,
          pages: row.pages,
        }
      : null;
  }

  async attach(claimId: string, decisionId: string, letter: StoredLetter, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO claim_letter (id, claim_id, kind, decision_id, storage_key, content_type, size_bytes, pages, created_at)
       VALUES ($1, $2, 'decision', $3, $4, $5, $6, $7, $8) ON CONFLICT (claim_id, kind, decision_id) DO NOTHING`,
      [letter.id, claimId, decisionId, letter.storageKey, letter.contentType, letter.sizeBytes, letter.pages, at],
    );
  }
}
