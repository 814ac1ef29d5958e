import { randomUUID } from 'node:crypto';
import {
  calendarDateInUk,
  Claim,
  currentAnswers,
  DomainError,
  DomainErrorKind,
  formatClaimReference,
  incompleteSections,
  nextStepForCitizen,
  taskList,
} from '@redress/domain';
import { applicationNotFound } from '../../applications/application-view.js';
import { staleVersion } from '../../applications/save-section/save-section.use-case.js';
import { ClaimsUnitOfWork } from '../../claims/claim-store.js';
import { Clock } from '../../ports/clock.js';
import {
  IDEMPOTENCY_KEY_TTL_MS,
  keyReusedWithDifferentRequest,
  readIdempotencyKey,
  requestFingerprint,
} from '../idempotency.js';
import type { SubmitApplicationCommand } from './submit-application.command.js';

export interface SubmissionReceipt {
  readonly reference: string;
  readonly status: 'submitted';
  readonly submittedAt: string;
  readonly nextStep: string;
}

export interface SubmissionResult {
  readonly status: number;
  readonly receipt: SubmissionReceipt;
  /** True when this answers an earlier request with the same key. */
  readonly replayed: boolean;
}

const OPERATION = 'applications.submit';

/**
 * Sends a complete application. In ONE transaction: the idempotency key is taken (a concurrent duplicate waits,
 * then replays), the draft is locked, checked complete and frozen, the claim is made with its reference and
 * its `claim.submitted` event, the declaration is recorded, the audit entry and the outbox rows for the worker
 * are written. Nothing here touches Redis, so a submission succeeds while Redis is down; the relay moves the
 * jobs on when it returns.
 */
export class SubmitApplication {
  constructor(
    private readonly unitOfWork: ClaimsUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitApplicationCommand): Promise<SubmissionResult> {
    const key = readIdempotencyKey(command.idempotencyKey);
    const fingerprint = requestFingerprint(OPERATION, command.applicationId, command.body);
    const now = this.clock.now();
    return this.unitOfWork.run(async (tx) => {
      const earlier = await tx.takeIdempotencyKey({
        citizenId: command.citizenId,
        key,
        operation: OPERATION,
        fingerprint,
        at: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
      });
      if (earlier) {
        if (earlier.operation !== OPERATION || earlier.fingerprint !== fingerprint)
          throw keyReusedWithDifferentRequest();
        return { status: earlier.responseStatus, receipt: earlier.responseBody as SubmissionReceipt, replayed: true };
      }

      const application = await tx.lockOwnedApplication(command.applicationId, command.citizenId, now);
      if (!application) throw applicationNotFound();
      if (application.status !== 'draft') {
        throw new DomainError(
          'application.already-submitted',
          DomainErrorKind.Conflict,
          `This application was already sent${application.claimReference ? ` as claim ${application.claimReference}` : ''}.`,
        );
      }
      if (command.applicationVersion !== null && command.applicationVersion !== application.version)
        throw staleVersion();
      const today = calendarDateInUk(now);
      const incomplete = incompleteSections(taskList(application.sections, { today }));
      if (incomplete.length) {
        throw new DomainError(
          'application.incomplete',
          DomainErrorKind.Unprocessable,
          `Some sections are not finished: ${incomplete.map((task) => task.section).join(', ')}.`,
          incomplete.map((task) => ({
            field: task.section,
            message: task.status === 'not-started' ? 'not started' : `still needs: ${task.missing.join(', ')}`,
          })),
        );
      }

      const answers = currentAnswers(application.sections);
      const serial = await tx.nextClaimSerial();
      const claim = Claim.draft({
        id: randomUUID(),
        reference: formatClaimReference(Number(today.slice(0, 4)), serial),
        applicationId: application.id,
        ownerCitizenId: command.citizenId,
        createdAt: now,
      });
      claim.submit({ kind: 'citizen', id: command.citizenId }, now);
      const snapshot = claim.snapshot();
      const crimeReferenceGiven = Boolean(answers.crime?.crimeReference?.trim());
      const role = answers['applying-for']?.role ?? 'self';
      await tx.insertClaim(
        snapshot,
        {
          applicantRole: role,
          representativeType: role === 'representative' ? (answers.representative?.type ?? null) : null,
          crimeReferenceGiven,
          declaration: {
            wordingVersion: answers.declaration?.wordingVersion ?? '',
            at: now,
            citizenId: command.citizenId,
          },
        },
        now,
      );
      await tx.markApplicationSubmitted(application.id, now);
      const events = claim.pullEvents();
      await tx.appendEvents(events);
      const orderingKey = `claim:${snapshot.id}`;
      await tx.enqueue('claims.assess', { claimId: snapshot.id }, orderingKey);
      if (crimeReferenceGiven) await tx.enqueue('claims.verify-crime-reference', { claimId: snapshot.id }, orderingKey);
      await tx.enqueue('notifications.send', { claimId: snapshot.id, event: 'claim.submitted' }, orderingKey);

      const receipt: SubmissionReceipt = {
        reference: snapshot.reference,
        status: 'submitted',
        submittedAt: now.toISOString(),
        nextStep: nextStepForCitizen('submitted', { openInformationRequests: 0 }),
      };
      await tx.completeIdempotencyKey(command.citizenId, key, 201, receipt);
      // Last: appending to the audit chain takes its lock, held until commit, so it is held as briefly as possible.
      for (const event of events) {
        await tx.audit({
          actorType: 'citizen',
          actorId: command.citizenId,
          action: event.type,
          targetType: 'claim',
          targetId: snapshot.id,
          details: {
            reference: snapshot.reference,
            applicationId: application.id,
            declarationVersion: answers.declaration?.wordingVersion ?? null,
          },
          occurredAt: now,
        });
      }
      return { status: 201, receipt, replayed: false };
    });
  }
}
