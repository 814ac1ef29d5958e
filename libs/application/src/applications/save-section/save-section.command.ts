import type { ApplicationSection } from '@redress/domain';

export interface SaveSectionCommand {
  readonly citizenId: string;
  readonly applicationId: string;
  readonly section: ApplicationSection;
  /** Validated at the edge against the section's DTO. */
  readonly answers: object;
  /** The version from If-Match; `null` when the header was missing. */
  readonly ifMatchVersion: number | null;
}
