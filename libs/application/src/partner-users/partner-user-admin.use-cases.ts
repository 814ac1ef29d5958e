import { randomUUID } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { Notifier } from '../ports/notifier.js';
import { normaliseEmail } from '../auth/normalise-email.js';
import type { PartnerPrincipal } from '../referrals/authenticate-partner/authenticate-partner.use-case.js';
import type { ReferralActor } from '../referrals/referral-ports.js';
import {
  partnerOrganisationNotFound,
  partnerUserAlreadyExists,
  partnerUserCannotRemoveSelf,
  partnerUserNotFound,
} from './partner-user-errors.js';
import type {
  PartnerAuthSecrets,
  PartnerAuthSettings,
  PartnerEmailProtector,
  PartnerUserRole,
  PartnerUserStatus,
  PartnerUserStore,
} from './partner-user-ports.js';

/**
 * Checks a partner user's access token: a live session (not ended, under 12 hours old, used within the idle time)
 * of a user who has not been removed. Each use extends the idle time. Null otherwise.
 */
export class AuthenticatePartnerUser {
  constructor(
    private readonly store: PartnerUserStore,
    private readonly secrets: PartnerAuthSecrets,
    private readonly clock: Clock,
    private readonly settings: PartnerAuthSettings,
  ) {}

  async execute(command: { accessToken: string }): Promise<PartnerPrincipal | null> {
    if (!/^rpu_[A-Za-z0-9_-]{43}$/.test(command.accessToken)) return null;
    const now = this.clock.now();
    const session = await this.store.findSessionByTokenHash(this.secrets.hashToken(command.accessToken));
    if (!session || session.endedAt || session.expiresAt <= now) return null;
    if (session.lastUsedAt.getTime() + this.settings.sessionIdleSeconds * 1000 <= now.getTime()) return null;
    const user = await this.store.findUserById(session.userId);
    if (!user || user.status !== 'active') return null;
    await this.store.touchSession(session.id, now);
    return {
      organisationId: user.organisationId,
      credentialId: user.id,
      user: { id: user.id, role: user.role, sessionId: session.id },
    };
  }
}

/** Ends the session of the token presented. */
export class SignOutPartnerUser {
  constructor(
    private readonly store: PartnerUserStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { sessionId: string }): Promise<void> {
    await this.store.endSession(command.sessionId, this.clock.now());
  }
}

export interface PartnerUserView {
  id: string;
  email: string;
  role: PartnerUserRole;
  status: PartnerUserStatus;
  secondFactorSetUp: boolean;
  createdAt: Date;
}

/** The organisation's users (removed ones too, for the record), email addresses decrypted. */
export class ListPartnerUsers {
  constructor(
    private readonly store: PartnerUserStore,
    private readonly emails: PartnerEmailProtector,
  ) {}

  async execute(command: { organisationId: string }): Promise<PartnerUserView[]> {
    const users = await this.store.listUsers(command.organisationId);
    return users.map((user) => ({
      id: user.id,
      email: this.emails.decrypt(user.id, user.emailEncrypted),
      role: user.role,
      status: user.status,
      secondFactorSetUp: user.totpSecretEncrypted !== null,
      createdAt: user.createdAt,
    }));
  }
}

/**
 * Invites a person to an organisation: a Redress administrator invites its first administrator (CLI or staff API),
 * an organisation administrator their colleagues. The invitation email points to the portal's sign-in; the person
 * becomes active when they have set up their second factor.
 */
export class InvitePartnerUser {
  constructor(
    private readonly store: PartnerUserStore,
    private readonly emails: PartnerEmailProtector,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly settings: PartnerAuthSettings,
  ) {}

  async execute(command: {
    organisationId: string;
    email: string;
    role: PartnerUserRole;
    actor: ReferralActor;
  }): Promise<{ userId: string }> {
    const organisationName = await this.store.organisationName(command.organisationId);
    if (organisationName === null) throw partnerOrganisationNotFound();
    const email = normaliseEmail(command.email);
    const emailIndex = this.emails.blindIndex(email);
    if (await this.store.findLiveUserByEmailIndex(emailIndex)) throw partnerUserAlreadyExists();
    const now = this.clock.now();
    const userId = randomUUID();
    await this.store.insertUser(
      {
        id: userId,
        organisationId: command.organisationId,
        emailIndex,
        emailEncrypted: this.emails.encrypt(userId, email),
        role: command.role,
        status: 'invited',
        totpSecretEncrypted: null,
        recoveryCodeHashes: [],
        failedAttempts: 0,
        lockedUntil: null,
        invitedBy: `${command.actor.type}:${command.actor.id ?? 'system'}`,
        createdAt: now,
        removedAt: null,
      },
      {
        actor: command.actor,
        action: 'partner-user.invited',
        targetType: 'partner-user',
        targetId: userId,
        details: { organisationId: command.organisationId, role: command.role },
        occurredAt: now,
      },
    );
    await this.notifier.sendEmail({
      templateId: this.settings.invitationTemplateId,
      emailAddress: email,
      personalisation: { organisation: organisationName, url: this.settings.portalUrl },
      reference: userId,
    });
    return { userId };
  }
}

/** Removes a colleague: their sessions end at once (their next request is refused), the record stays. */
export class RemovePartnerUser {
  constructor(
    private readonly store: PartnerUserStore,
    private readonly clock: Clock,
  ) {}

  async execute(command: { organisationId: string; userId: string; actor: ReferralActor }): Promise<void> {
    if (command.actor.type === 'partner' && command.actor.id === command.userId) throw partnerUserCannotRemoveSelf();
    const user = await this.store.findUserById(command.userId);
    if (!user || user.organisationId !== command.organisationId || user.status === 'removed') {
      throw partnerUserNotFound();
    }
    const now = this.clock.now();
    await this.store.removeUser(user.id, now, {
      actor: command.actor,
      action: 'partner-user.removed',
      targetType: 'partner-user',
      targetId: user.id,
      details: { organisationId: user.organisationId },
      occurredAt: now,
    });
  }
}

/** The signed-in user as the portal shows them: email, role and organisation name. */
export class GetPartnerUser {
  constructor(
    private readonly store: PartnerUserStore,
    private readonly emails: PartnerEmailProtector,
  ) {}

  async execute(command: { userId: string }) {
    const user = await this.store.findUserById(command.userId);
    if (!user || user.status === 'removed') throw partnerUserNotFound();
    return {
      id: user.id,
      email: this.emails.decrypt(user.id, user.emailEncrypted),
      role: user.role,
      organisationId: user.organisationId,
      organisationName: (await this.store.organisationName(user.organisationId)) ?? '',
    };
  }
}
