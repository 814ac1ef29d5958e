import { DomainError, DomainErrorKind, type DomainErrorDetail } from '../shared/domain-error.js';

/** Raised when an award input or edition name cannot be calculated; `details` lists every problem found. */
export class AwardInputError extends DomainError {
  constructor(details: readonly DomainErrorDetail[]) {
    super(
      'awards.invalid-input',
      DomainErrorKind.InvalidInput,
      `The award cannot be calculated: ${details.length} problem${details.length === 1 ? '' : 's'} with the input.`,
      details,
    );
  }
}
