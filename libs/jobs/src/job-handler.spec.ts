import {
  isJobName,
  isRetiredJobName,
  queuesInUse,
  retiredJobNames,
  InvalidJobPayloadError,
  JobRegistry,
  JobRegistryError,
  jobNames,
  jobOptions,
  parseJobPayload,
  type JobHandler,
} from '@redress/jobs';

const handler = (jobName: string): JobHandler => ({
  jobName: jobName as JobHandler['jobName'],
  handle: async () => {},
});

describe('JobRegistry', () => {
  it('accepts exactly one handler per job name', () => {
    const handlers = jobNames.map(handler);
    const registry = new JobRegistry(handlers, jobNames);
    expect(registry.handlerFor('housekeeping.verify-audit-chain')).toBe(handlers[0]);
  });

  it('refuses a job name without a handler', () => {
    expect(() => new JobRegistry([], jobNames)).toThrow(/housekeeping.verify-audit-chain has no handler/);
  });

  it('refuses two handlers for one name, and handlers for unknown names', () => {
    const twice = [handler('housekeeping.verify-audit-chain'), handler('housekeeping.verify-audit-chain')];
    expect(() => new JobRegistry(twice, jobNames)).toThrow(/more than one handler/);
    expect(() => new JobRegistry([...jobNames.map(handler), handler('claims.nothing')], jobNames)).toThrow(
      JobRegistryError,
    );
  });
});

describe('retired job names', () => {
  it('are never live names again, and their queues are still listened to', () => {
    const retired = Object.keys(retiredJobNames);
    expect(retired).toContain('housekeeping.expire-drafts');
    for (const name of retired) {
      expect(isRetiredJobName(name)).toBe(true);
      expect(isJobName(name)).toBe(false);
      expect(jobNames).not.toContain(name);
    }
    for (const entry of Object.values(retiredJobNames)) {
      expect(queuesInUse()).toContain(entry.queue);
      if (entry.replacedBy) expect(isJobName(entry.replacedBy)).toBe(true);
    }
  });

  it('leave one job for draft expiry: the retention job', () => {
    expect(jobNames.filter((name) => /draft/.test(name))).toEqual([]);
    expect(jobNames).toContain('housekeeping.apply-retention');
    expect(retiredJobNames['housekeeping.expire-drafts'].replacedBy).toBe('housekeeping.apply-retention');
  });
});

describe('job payloads', () => {
  it('validates payloads read back from the queue', () => {
    expect(parseJobPayload('housekeeping.verify-audit-chain', { reason: 'nightly' })).toEqual({ reason: 'nightly' });
    expect(() => parseJobPayload('housekeeping.verify-audit-chain', { reason: 'DROP TABLE' })).toThrow(
      InvalidJobPayloadError,
    );
    expect(() => parseJobPayload('housekeeping.verify-audit-chain', { email: 'a@b.c' })).toThrow(/email/);
  });

  it('adds jobs with the retry table, bounded retention and a deterministic id', () => {
    const options = jobOptions('housekeeping.verify-audit-chain', 'abc');
    expect(options.jobId).toBe('abc');
    expect(options.attempts).toBeGreaterThan(1);
    expect(options.removeOnComplete).toEqual(expect.objectContaining({ count: expect.any(Number) }));
    expect(options.removeOnFail).toEqual(expect.objectContaining({ count: expect.any(Number) }));
  });
});
