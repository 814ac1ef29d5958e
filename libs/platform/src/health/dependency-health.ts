import { Injectable } from '@nestjs/common';

export interface DependencyState {
  status: 'up' | 'down';
  /** What failed, for operators (never personal data). */
  message?: string;
  since: string;
}

/**
 * What the process knows of the outside services it cannot do without for some requests (an identity provider,
 * say). A dependency reported down makes `/health/ready` answer 200 with `status: "degraded"`: the process still
 * serves what does not need it, so it must not be taken out of service as a whole.
 */
@Injectable()
export class DependencyHealth {
  private readonly states = new Map<string, DependencyState>();

  report(name: string, up: boolean, message?: string): void {
    const previous = this.states.get(name);
    const status = up ? 'up' : 'down';
    if (previous?.status === status && previous.message === message) return;
    this.states.set(name, { status, ...(message ? { message } : {}), since: new Date().toISOString() });
  }

  /** The dependencies reported down, by name. */
  degraded(): Record<string, DependencyState> {
    return Object.fromEntries([...this.states].filter(([, state]) => state.status === 'down'));
  }
}
