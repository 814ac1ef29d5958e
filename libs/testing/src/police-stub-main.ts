// Development: runs the police stub on port 3099 (POLICE_API_BASE_URL's default) with a few fictional reports.
import { PoliceStub } from './police-stub.js';

const stub = await PoliceStub.start(Number(process.env.PORT ?? 3099));
stub.reports.set('MP/26/000123', { policeForce: 'Metropolitan Police Service', reportedOn: '2026-10-01' });
stub.reports.set('WY/26/004567', { policeForce: 'West Yorkshire Police', reportedOn: '2026-09-14' });
console.log(`police stub listening on ${stub.baseUrl}`);
