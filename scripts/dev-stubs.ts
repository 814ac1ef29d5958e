// Development only: the police (3099) and finance (3098) stubs the worker calls by default, so a fresh system
// (`npm run start:all`, `docker compose up`) checks crime references and pays awards without failing jobs.
// `npm run stubs` runs them alone. Refused when NODE_ENV=production: production talks to the real services.
import { FinanceStub, PoliceStub } from '@redress/testing';

if (process.env.NODE_ENV === 'production') {
  console.error('the development stubs do not run with NODE_ENV=production');
  process.exit(1);
}

const host = process.env.STUBS_HOST ?? '127.0.0.1';
const police = await PoliceStub.start(Number(process.env.POLICE_STUB_PORT ?? 3099), host);
// Fictional reports, for trying the service by hand; any other reference is "not known to the police".
police.reports.set('MP/26/000123', { policeForce: 'Metropolitan Police Service', reportedOn: '2026-10-01' });
police.reports.set('WY/26/004567', { policeForce: 'West Yorkshire Police', reportedOn: '2026-09-14' });
const finance = await FinanceStub.start(Number(process.env.FINANCE_STUB_PORT ?? 3098), host);
console.log(JSON.stringify({ msg: 'development stubs ready', police: police.baseUrl, finance: finance.baseUrl }));

const stop = (): void => {
  void Promise.all([police.close(), finance.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
