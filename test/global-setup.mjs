// Jest loads global setup outside its module mapper, so the TypeScript is loaded through tsx.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { setUpTestRun } = await tsImport('./test-run-setup.ts', import.meta.url);
  await setUpTestRun();
}
