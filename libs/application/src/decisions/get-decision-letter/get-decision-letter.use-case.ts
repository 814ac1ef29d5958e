import { isValidClaimReference, normaliseClaimReference } from '@redress/domain';
import { DomainError, DomainErrorKind } from '@redress/domain';
import { claimNotFound } from '../../claims/claim-changes.js';
import { ClaimQueries } from '../../claims/claim-store.js';
import { DocumentStorage } from '../../ports/storage.js';
import { CitizenDecisionQueries } from '../citizen-decision-queries.js';
import type { GetDecisionLetterCommand } from './get-decision-letter.command.js';

/** The PDF of a decision letter on the citizen's own claim; another's claim or letter is the same 404. */
export class GetDecisionLetter {
  constructor(
    private readonly claims: ClaimQueries,
    private readonly decisions: CitizenDecisionQueries,
    private readonly storage: DocumentStorage,
  ) {}

  async execute(command: GetDecisionLetterCommand): Promise<{ content: Buffer; contentType: string }> {
    if (!isValidClaimReference(command.reference)) throw claimNotFound();
    const details = await this.claims.findOwned(normaliseClaimReference(command.reference), command.citizenId);
    if (!details) throw claimNotFound();
    const letter = await this.decisions.letter(details.claim.id, command.letterId);
    if (!letter) throw new DomainError('letter.not-found', DomainErrorKind.NotFound, 'There is no such letter.');
    return { content: await this.storage.get(letter.storageKey), contentType: letter.contentType };
  }
}
