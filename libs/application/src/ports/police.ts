import type { IsoDate } from '@redress/domain';

export interface CrimeReferenceQuery {
  readonly crimeReference: string;
  /** The force the victim named, if any. */
  readonly policeForce: string | null;
}

export type CrimeReferenceAnswer =
  { readonly found: false } | { readonly found: true; readonly policeForce: string; readonly reportedOn: IsoDate };

/** The police service did not answer, or answered with an error: worth retrying later. */
export class PoliceServiceUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PoliceServiceUnavailableError';
  }
}

/** Confirms a crime reference and when the crime was reported (an HTTP service; a local stub in development). */
export abstract class PoliceCrimeReferences {
  abstract lookUp(query: CrimeReferenceQuery): Promise<CrimeReferenceAnswer>;
}
