import {
  calendarDateInUk,
  DomainError,
  DomainErrorKind,
  taskList,
  type ApplicationSection,
  type Task,
} from '@redress/domain';
import type { StoredApplication } from './application-store.js';

export interface ApplicationView {
  readonly id: string;
  readonly status: StoredApplication['status'];
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** When the draft will be erased unless changed again; `null` once submitted. */
  readonly expiresAt: Date | null;
  readonly submittedAt: Date | null;
  readonly claimReference: string | null;
  /** The current answers, by section. */
  readonly sections: Partial<Record<ApplicationSection, unknown>>;
  /** Answers made irrelevant by a later change: kept, and restored if they become relevant again. */
  readonly setAside: Partial<Record<ApplicationSection, unknown>>;
  readonly tasks: readonly Task[];
}

export function applicationNotFound(): DomainError {
  return new DomainError('application.not-found', DomainErrorKind.NotFound, 'There is no such application.');
}

export function toApplicationView(application: StoredApplication, now: Date): ApplicationView {
  const sections: Partial<Record<ApplicationSection, unknown>> = {};
  const setAside: Partial<Record<ApplicationSection, unknown>> = {};
  for (const stored of Object.values(application.sections)) {
    (stored.setAside ? setAside : sections)[stored.section] = stored.answers;
  }
  return {
    id: application.id,
    status: application.status,
    version: application.version,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    expiresAt: application.expiresAt,
    submittedAt: application.submittedAt,
    claimReference: application.claimReference,
    sections,
    setAside,
    tasks: taskList(application.sections, { today: calendarDateInUk(now) }),
  };
}
