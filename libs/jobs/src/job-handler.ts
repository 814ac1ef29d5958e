import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { jobDefinitions, type JobName, type JobPayload } from './job-definitions.js';

/** One handler per job name; it reloads state and returns early when the work is already done. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(payload: JobPayload<N>, context: { jobId: string; attempt: number }): Promise<void>;
}

export class InvalidJobPayloadError extends Error {
  constructor(jobName: string, problems: string[]) {
    super(`invalid payload for ${jobName}: ${problems.join('; ')}`);
    this.name = 'InvalidJobPayloadError';
  }
}

/** Validates a payload read back from Redis against its job's payload class. */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const payloadClass = jobDefinitions[name].payload as unknown as new () => JobPayload<N>;
  const payload = plainToInstance(payloadClass, data ?? {});
  const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    throw new InvalidJobPayloadError(
      name,
      errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`),
    );
  }
  return payload;
}

export class JobRegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobRegistryError';
  }
}

/** The handler for each job name; building it fails when a name has no handler, or two, or is unknown. */
export class JobRegistry {
  private readonly byName: Map<JobName, JobHandler>;

  constructor(handlers: JobHandler[], names: readonly JobName[]) {
    const problems: string[] = [];
    this.byName = new Map();
    for (const handler of handlers) {
      if (!names.includes(handler.jobName)) problems.push(`${handler.jobName} is not a known job name`);
      else if (this.byName.has(handler.jobName)) problems.push(`${handler.jobName} has more than one handler`);
      else this.byName.set(handler.jobName, handler);
    }
    for (const name of names)
      if (!this.byName.has(name) && !problems.some((p) => p.startsWith(name))) problems.push(`${name} has no handler`);
    if (problems.length) throw new JobRegistryError(`job handlers do not match the job table: ${problems.join('; ')}`);
  }

  handlerFor(name: JobName): JobHandler {
    const handler = this.byName.get(name);
    if (!handler) throw new JobRegistryError(`${name} has no handler`);
    return handler;
  }
}
