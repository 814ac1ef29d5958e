import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  const { tearDownTestRun } = await tsImport('./test-run-setup.ts', import.meta.url);
  await tearDownTestRun();
}
