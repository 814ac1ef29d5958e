/**
 * `npm run audit:verify`: recomputes the audit log's hash chain and reports the first broken link.
 * Exit code 0 when the chain is whole, 1 when it is broken. `--head HASH` also checks the newest entry
 * against a head hash anchored elsewhere.
 */
import { dataSourceOptions } from '@redress/persistence';
import { AuditLog } from '@redress/platform';
import { DataSource } from 'typeorm';

const url = process.env.DATABASE_URL ?? 'postgres://redress_app@127.0.0.1:5432/redress';
const headIndex = process.argv.indexOf('--head');
const expectedHeadHash = headIndex > 0 ? process.argv[headIndex + 1] : undefined;

const dataSource = await new DataSource(
  dataSourceOptions({ url, poolSize: 1, applicationName: 'redress-audit-verify' }),
).initialize();
try {
  const result = await new AuditLog(dataSource).verify(expectedHeadHash ? { expectedHeadHash } : {});
  if (result.ok) {
    console.log(
      `audit chain whole: ${result.entries} sealed entries, ${result.unsealed} not sealed yet, head ${result.headHash}`,
    );
  } else {
    console.error(
      `audit chain BROKEN at entry ${result.brokenAt}: ${result.reason} (${result.entries} entries verified before it)`,
    );
    process.exitCode = 1;
  }
} finally {
  await dataSource.destroy();
}
