import { ClaimSupportAnswers } from '@redress/application';
import type { ApplicationAnswers } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { CaseworkCipher } from '../casework/casework-ports.js';
import { loadAnswers } from '../casework/postgres-case-file-store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answers of the application behind a claim (decrypted), for referrals linked to the claim. */
export class PostgresClaimSupportAnswers extends ClaimSupportAnswers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CaseworkCipher,
  ) {
    super();
  }

  async forClaim(claimId: string): Promise<ApplicationAnswers | null> {
    if (!UUID.test(claimId)) return null;
    const [claim] = await this.dataSource.query<Array<{ application_id: string }>>(
      `SELECT application_id FROM claim WHERE id = $1`,
      [claimId],
    );
    return claim ? loadAnswers(this.dataSource, this.cipher, claim.application_id) : null;
  }
}
