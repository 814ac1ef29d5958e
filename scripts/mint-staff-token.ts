// Mints a DEVELOPMENT staff token for the caseworker API, signed with the committed development-only key.
// Usage: npm run token -- --role caseworker [--role team-leader] --team general [--sub cw-1] [--name "Sam"] [--ttl 3600]
// The production config refuses the development key, so these tokens work only on a developer's machine and in tests.
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import {
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
  DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
  DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
} from '../apps/caseworker-api/src/auth/development-only-staff-keys.js';
import { isStaffRole, staffRoles } from '../apps/caseworker-api/src/auth/staff-principal.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true },
    team: { type: 'string' },
    sub: { type: 'string' },
    name: { type: 'string' },
    ttl: { type: 'string', default: '3600' },
  },
});

const roles = (values.role ?? []).flatMap((role) => role.split(','));
if (!roles.length || !roles.every(isStaffRole)) {
  process.stderr.write(`--role is required, one or more of: ${staffRoles.join(', ')}\n`);
  process.exit(64);
}
const ttl = Number(values.ttl);
if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86_400) {
  process.stderr.write('--ttl must be a number of seconds from 1 to 86400\n');
  process.exit(64);
}
const token = jwt.sign(
  { roles, ...(values.team ? { team: values.team } : {}), ...(values.name ? { name: values.name } : {}) },
  DEVELOPMENT_ONLY_STAFF_PRIVATE_KEY,
  {
    algorithm: 'RS256',
    keyid: DEVELOPMENT_ONLY_STAFF_TOKEN_KEY_ID,
    subject: values.sub ?? `dev-${roles[0]}`,
    issuer: DEVELOPMENT_ONLY_STAFF_TOKEN_ISSUER,
    audience: DEVELOPMENT_ONLY_STAFF_TOKEN_AUDIENCE,
    expiresIn: ttl,
  },
);
process.stdout.write(`${token}\n`);
