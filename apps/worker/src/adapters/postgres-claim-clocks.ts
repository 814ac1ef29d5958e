import { Injectable } from '@nestjs/common';
import {
  ClaimClocks,
  type EscalationKind,
  type InformationRequestClock,
  type ServiceLevelClockState,
} from '@redress/application';
import { OutboxWriter } from '@redress/jobs';
import { AuditLog } from '@redress/platform';
import { DataSource } from 'typeorm';

const outbox = new OutboxWriter();

@Injectable()
export class PostgresClaimClocks extends ClaimClocks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
  ) {
    super();
  }

  async findInformationRequest(id: string): Promise<InformationRequestClock | null> {
    const [row] = await this.dataSource.query<
      Array<{ id: string; claim_id: string; status: InformationRequestClock['status']; due_on: string }>
    >(`SELECT id, claim_id, status, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM information_request WHERE id = $1`, [
      id,
    ]);
    return row ? { id: row.id, claimId: row.claim_id, status: row.status, dueOn: row.due_on } : null;
  }

  async findServiceLevel(claimId: string): Promise<ServiceLevelClockState | null> {
    const [row] = await this.dataSource.query<
      Array<{ id: string; status: ServiceLevelClockState['status']; due: Date | null; paused: boolean }>
    >(
      `SELECT id, status, service_level_due_at AS due, (service_level_paused_since IS NOT NULL) AS paused
         FROM claim WHERE id = $1`,
      [claimId],
    );
    return row ? { claimId: row.id, status: row.status, dueAt: row.due, paused: row.paused } : null;
  }

  async escalate(kind: EscalationKind, subjectId: string, claimId: string, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO clock_escalation (kind, subject_id, claim_id, escalated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, subject_id) DO NOTHING RETURNING 1`,
        [kind, subjectId, claimId, at],
      );
      if (!inserted.length) return false;
      await manager.query(`UPDATE claim SET priority = GREATEST(1, priority - 1), updated_at = $2 WHERE id = $1`, [
        claimId,
        at,
      ]);
      await this.auditLog.append(manager, {
        actorType: 'system',
        actorId: null,
        action: `claim.${kind}`,
        targetType: 'claim',
        targetId: claimId,
        details: { subjectId },
      });
      return true;
    });
  }

  async scheduleServiceLevelCheck(claimId: string, at: Date): Promise<void> {
    await outbox.enqueue(this.dataSource.manager, 'claims.service-level-check', { claimId }, `claim:${claimId}`, {
      notBefore: at,
    });
  }
}
