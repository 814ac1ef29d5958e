/**
 * The finance system's development stand-in (libs/testing FinanceStub) on FINANCE_STUB_PORT (default 3098, the
 * worker's default FINANCE_API_BASE_URL), so that `npm run start:all` pays out of the box. Never in production:
 * the worker refuses plain http and an unauthenticated finance API there.
 */
import { FinanceStub } from '@redress/testing';

const port = Number(process.env.FINANCE_STUB_PORT ?? 3098);

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('the finance stub is for development only');
  const stub = await FinanceStub.start(port);
  console.log(`finance stub listening on ${stub.baseUrl} (development only)`);
  const stop = () => void stub.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
