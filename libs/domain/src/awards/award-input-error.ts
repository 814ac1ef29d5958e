import { DomainError, DomainErrorKind, type DomainErrorDetail } from '../shared/domain-error.js';

/** Raised when an award input or edition name cannot be calculated; `details` lists every problem found. */
export class AwardInputError extends DomainError {
  constructor(details: readonly DomainErrorDetail[]) {
    const listed = details.map((detail) =>
      detail.field === undefined ? detail.message : `${detail.field} ${detail.message}`,
    );
    super(
      'awards.invalid-input',
      DomainErrorKind.InvalidInput,
      `The award cannot be calculated: ${listed.join('; ')}.`,
      details,
    );
  }
}
