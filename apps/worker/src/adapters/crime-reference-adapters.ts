import { Injectable } from '@nestjs/common';
import {
  CrimeReferenceChecks,
  PoliceCrimeReferences,
  PoliceServiceUnavailableError,
  type ClaimCrimeReport,
  type CrimeReferenceAnswer,
  type CrimeReferenceOutcome,
  type CrimeReferenceQuery,
} from '@redress/application';
import type { CrimeAnswers, IsoDate } from '@redress/domain';
import { FieldCipher } from '@redress/platform';
import { DataSource } from 'typeorm';

@Injectable()
export class PostgresCrimeReferenceChecks extends CrimeReferenceChecks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {
    super();
  }

  async findReport(claimId: string): Promise<ClaimCrimeReport | null> {
    const [row] = await this.dataSource.query<
      Array<{ application_id: string; answers_encrypted: string | null; checked: boolean }>
    >(
      `SELECT c.application_id, s.answers_encrypted, (k.claim_id IS NOT NULL) AS checked
         FROM claim c
         LEFT JOIN application_section s ON s.application_id = c.application_id AND s.section = 'crime' AND NOT s.set_aside
         LEFT JOIN crime_reference_check k ON k.claim_id = c.id
        WHERE c.id = $1`,
      [claimId],
    );
    if (!row) return null;
    const crime = row.answers_encrypted
      ? this.cipher.decryptJson<CrimeAnswers>(row.answers_encrypted, `application:${row.application_id}:crime`)
      : null;
    return {
      alreadyChecked: row.checked,
      crimeReference: crime?.crimeReference ?? null,
      policeForce: crime?.policeForce ?? null,
      reportedOn: crime?.reportedOn ?? null,
    };
  }

  async record(
    claimId: string,
    answer: { outcome: CrimeReferenceOutcome; policeForce: string | null; reportedOnByPolice: IsoDate | null },
    at: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO crime_reference_check (claim_id, outcome, police_force, reported_on_by_police, checked_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (claim_id) DO NOTHING`,
      [claimId, answer.outcome, answer.policeForce, answer.reportedOnByPolice, at],
    );
  }
}

/**
 * The police crime-reference service over HTTP: `POST {base}/v1/crime-reference-checks` with the reference in
 * the body (never in a URL, where proxies log it). 200 answers a report, 404 says there is none; anything else,
 * or no answer in time, is `PoliceServiceUnavailableError` (the job retries).
 */
export class HttpPoliceCrimeReferences extends PoliceCrimeReferences {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  async lookUp(query: CrimeReferenceQuery): Promise<CrimeReferenceAnswer> {
    let response: Response;
    try {
      response = await fetch(new URL('/v1/crime-reference-checks', this.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ crimeReference: query.crimeReference, policeForce: query.policeForce }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw new PoliceServiceUnavailableError('the police service did not answer');
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return { found: false };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new PoliceServiceUnavailableError(`the police service answered ${response.status}`, response.status);
    }
    const body = (await response.json()) as { policeForce?: unknown; reportedOn?: unknown };
    if (
      typeof body.policeForce !== 'string' ||
      typeof body.reportedOn !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(body.reportedOn)
    ) {
      throw new PoliceServiceUnavailableError('the police service answered in an unexpected shape', 200);
    }
    return { found: true, policeForce: body.policeForce, reportedOn: body.reportedOn };
  }
}
