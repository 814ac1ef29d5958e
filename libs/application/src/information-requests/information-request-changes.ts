import { addWorkingDays, DomainError, DomainErrorKind, isAfter, isWorkingDay, type IsoDate } from '@redress/domain';
import type { CaseworkTransaction } from '../staff/casework-store.js';
import { InformationRequestStore, type StoredInformationRequest } from './information-request-store.js';

/** The most working days a request may be given to be answered, when asked and when its due date moves. */
export const INFORMATION_REQUEST_MAX_WORKING_DAYS = 60;

/** A new due date: so many working days from today, or a date. */
export type InformationRequestDueDate = { readonly workingDays: number } | { readonly dueOn: IsoDate };

/**
 * The due date asked for, counted from `today` (England and Wales working days): 1 to 60 working days, or a working
 * day after today and no later than 60 working days from it.
 */
export function resolveInformationRequestDueDate(today: IsoDate, choice: InformationRequestDueDate): IsoDate {
  const latest = addWorkingDays(today, INFORMATION_REQUEST_MAX_WORKING_DAYS);
  if ('workingDays' in choice) {
    const { workingDays } = choice;
    if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > INFORMATION_REQUEST_MAX_WORKING_DAYS) {
      throw new DomainError(
        'information-request.bad-working-days',
        DomainErrorKind.InvalidInput,
        `workingDays must be a whole number from 1 to ${INFORMATION_REQUEST_MAX_WORKING_DAYS}.`,
        [{ field: 'workingDays', message: `must be 1 to ${INFORMATION_REQUEST_MAX_WORKING_DAYS}` }],
      );
    }
    return addWorkingDays(today, workingDays);
  }
  const { dueOn } = choice;
  if (!isAfter(dueOn, today)) {
    throw new DomainError(
      'information-request.due-date-not-future',
      DomainErrorKind.Unprocessable,
      `A due date must be after today (${today}).`,
      [{ field: 'dueOn', message: 'must be after today' }],
    );
  }
  if (isAfter(dueOn, latest)) {
    throw new DomainError(
      'information-request.due-date-too-late',
      DomainErrorKind.Unprocessable,
      `A due date can be at most ${INFORMATION_REQUEST_MAX_WORKING_DAYS} working days away (${latest}).`,
      [{ field: 'dueOn', message: `must be on or before ${latest}` }],
    );
  }
  if (!isWorkingDay(dueOn)) {
    throw new DomainError(
      'information-request.due-date-not-working-day',
      DomainErrorKind.Unprocessable,
      `${dueOn} is not a working day in England and Wales (a weekend or a bank holiday).`,
      [{ field: 'dueOn', message: 'must be a working day' }],
    );
  }
  return dueOn;
}

/** The same answer for an id that does not exist and for another claim's request: the caller learns nothing. */
export function informationRequestNotFound(): DomainError {
  return new DomainError(
    'information-request.not-found',
    DomainErrorKind.NotFound,
    'There is no such information request on this claim.',
  );
}

/** One of this claim's requests, locked, or a 404. */
export async function lockInformationRequest(
  store: InformationRequestStore,
  tx: CaseworkTransaction,
  claimId: string,
  requestId: string,
): Promise<StoredInformationRequest> {
  const request = await store.lock(tx, claimId, requestId);
  if (!request) throw informationRequestNotFound();
  return request;
}

/** Only an open request can be moved, answered by staff or cancelled. */
export function checkOpen(request: StoredInformationRequest, doing: string): void {
  if (request.status !== 'open') {
    throw new DomainError(
      'information-request.not-open',
      DomainErrorKind.Conflict,
      `This request is ${request.status}: only an open request can be ${doing}.`,
    );
  }
}
