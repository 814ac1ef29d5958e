import { ConfigurationError, loadConfig } from '@redress/platform';
import { WorkerConfig } from './config.js';

describe('WorkerConfig RETENTION_CRON', () => {
  it('defaults to 02:30 every night, also when the variable is set but empty (empty means "not set")', () => {
    expect(loadConfig(WorkerConfig, {}).RETENTION_CRON).toBe('0 30 2 * * *');
    expect(loadConfig(WorkerConfig, { RETENTION_CRON: '' }).RETENTION_CRON).toBe('0 30 2 * * *');
  });

  it('takes a 6-field cron pattern, or off to stop the nightly run', () => {
    expect(loadConfig(WorkerConfig, { RETENTION_CRON: '0 0 3 * * 1-5' }).RETENTION_CRON).toBe('0 0 3 * * 1-5');
    expect(loadConfig(WorkerConfig, { RETENTION_CRON: 'off' }).RETENTION_CRON).toBe('off');
  });

  it('refuses anything else, naming the variable', () => {
    for (const value of ['nightly', '0 30 2 * *', 'OFF ']) {
      expect(() => loadConfig(WorkerConfig, { RETENTION_CRON: value })).toThrow(ConfigurationError);
      expect(() => loadConfig(WorkerConfig, { RETENTION_CRON: value })).toThrow(/RETENTION_CRON/);
    }
  });
});
