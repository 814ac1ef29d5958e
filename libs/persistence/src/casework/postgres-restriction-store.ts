import { RestrictionStore, type CaseworkTransaction } from '@redress/application';
import { managerOf } from './casework-ports.js';
import { writeRestriction } from './postgres-case-file-store.js';

export class PostgresRestrictionStore extends RestrictionStore {
  setRestriction(
    tx: CaseworkTransaction,
    claimId: string,
    restriction: { restricted: boolean; staffIds: readonly string[]; by: string; at: Date },
  ): Promise<void> {
    return writeRestriction(managerOf(tx.handle), claimId, restriction);
  }
}
