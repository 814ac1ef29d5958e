import type { ApplicationSection } from '@redress/domain';

export type ApplicationStatus = 'draft' | 'submitted';

export interface StoredSection {
  readonly section: ApplicationSection;
  readonly answers: unknown;
  readonly setAside: boolean;
  /** How many times the section was saved. */
  readonly revision: number;
  /** The application's version when it was last saved. */
  readonly savedAtVersion: number;
  readonly updatedAt: Date;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly status: ApplicationStatus;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly expiresAt: Date | null;
  readonly submittedAt: Date | null;
  readonly claimReference: string | null;
}

export interface StoredApplication extends ApplicationSummary {
  readonly ownerCitizenId: string;
  readonly sections: Partial<Record<ApplicationSection, StoredSection>>;
}

/** One change to one section: a save (with its answers), or setting it aside, or restoring it. */
export type SectionWrite =
  | { readonly section: ApplicationSection; readonly change: 'saved'; readonly answers: unknown }
  | { readonly section: ApplicationSection; readonly change: 'set-aside' | 'restored' };

export interface SectionChanges {
  readonly applicationId: string;
  /** The version the citizen saw (If-Match): the write happens only if it is still current. */
  readonly expectedVersion: number;
  readonly actorCitizenId: string;
  readonly at: Date;
  readonly expiresAt: Date;
  readonly writes: readonly SectionWrite[];
}

export interface AnswerHistoryEntry {
  readonly section: ApplicationSection;
  readonly revision: number;
  readonly change: 'saved' | 'set-aside' | 'restored';
  readonly answers: unknown;
  readonly recordedAt: Date;
}

/**
 * Where applications live. Answers are encrypted by the adapter, bound to the application and section; the
 * use cases see them in clear. "Owned" reads answer `null` for an application that does not exist, belongs to
 * someone else, or is a draft past its expiry: the caller cannot tell which.
 */
export abstract class ApplicationStore {
  abstract create(application: { id: string; ownerCitizenId: string; at: Date; expiresAt: Date }): Promise<void>;
  abstract findOwned(id: string, citizenId: string, now: Date): Promise<StoredApplication | null>;
  abstract listOwned(citizenId: string, now: Date): Promise<ApplicationSummary[]>;
  /** Applies the writes and bumps the version, in one transaction; `null` when the version was stale. */
  abstract saveChanges(changes: SectionChanges): Promise<number | null>;
  /** Erases a draft with its answers and their history; answers whether there was one to erase. */
  abstract eraseOwnedDraft(id: string, citizenId: string, now: Date, audit: { requestedAt: Date }): Promise<boolean>;
  abstract answerHistory(id: string): Promise<AnswerHistoryEntry[]>;
}
