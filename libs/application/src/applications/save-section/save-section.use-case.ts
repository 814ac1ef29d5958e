import {
  cascadeAfterChange,
  draftExpiresAt,
  DomainError,
  DomainErrorKind,
  sectionApplies,
  currentAnswers,
  type ApplicationSection,
  type SectionProgress,
} from '@redress/domain';
import { Clock } from '../../ports/clock.js';
import { ApplicationStore, type SectionWrite } from '../application-store.js';
import { applicationNotFound, toApplicationView, type ApplicationView } from '../application-view.js';
import type { SaveSectionCommand } from './save-section.command.js';

export function staleVersion(): DomainError {
  return new DomainError(
    'application.stale',
    DomainErrorKind.PreconditionFailed,
    'The application changed since you loaded it (perhaps in another window). Load it again, then save.',
  );
}

/**
 * Saves one section, with optimistic concurrency: only if the citizen saw the current version. Sections that
 * the new answers make irrelevant are set aside (kept, not lost) and those that become relevant again are
 * restored; every change goes into the answer history. Each save pushes the draft's expiry 30 days on.
 */
export class SaveSection {
  constructor(
    private readonly applications: ApplicationStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: SaveSectionCommand): Promise<ApplicationView> {
    if (command.ifMatchVersion === null) {
      throw new DomainError(
        'application.if-match-required',
        DomainErrorKind.PreconditionRequired,
        'Send the ETag of the application you loaded in an If-Match header, so that no newer answers are overwritten.',
      );
    }
    const now = this.clock.now();
    const application = await this.applications.findOwned(command.applicationId, command.citizenId, now);
    if (!application) throw applicationNotFound();
    if (application.status !== 'draft') {
      throw new DomainError(
        'application.not-draft',
        DomainErrorKind.Conflict,
        'This application has been sent and can no longer be changed.',
      );
    }
    if (application.version !== command.ifMatchVersion) throw staleVersion();

    const progress: Partial<Record<ApplicationSection, SectionProgress>> = { ...application.sections };
    progress[command.section] = { answers: command.answers, savedAtVersion: application.version + 1, setAside: false };
    if (!sectionApplies(command.section, currentAnswers(progress))) {
      throw new DomainError(
        'application.section-not-applicable',
        DomainErrorKind.Unprocessable,
        `The ${command.section} section does not apply to this application as it stands: check who is applying.`,
      );
    }
    const cascade = cascadeAfterChange(progress);
    const writes: SectionWrite[] = [
      { section: command.section, change: 'saved', answers: command.answers },
      ...cascade.setAside.map((section) => ({ section, change: 'set-aside' as const })),
      ...cascade.restore.map((section) => ({ section, change: 'restored' as const })),
    ];
    const version = await this.applications.saveChanges({
      applicationId: application.id,
      expectedVersion: application.version,
      actorCitizenId: command.citizenId,
      at: now,
      expiresAt: draftExpiresAt(now),
      writes,
    });
    if (version === null) throw staleVersion();
    const saved = await this.applications.findOwned(application.id, command.citizenId, now);
    if (!saved) throw applicationNotFound();
    return toApplicationView(saved, now);
  }
}
