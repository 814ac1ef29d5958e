import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where the GOV.UK and MOJ Frontend packages keep their templates and built assets. */
export const frontendPaths = {
  govukDist: join(dirname(require.resolve('govuk-frontend/package.json')), 'dist'),
  mojRoot: dirname(require.resolve('@ministryofjustice/frontend/package.json')),
};

/** libs/web's own folders: shared templates, message files and browser files (copied next to dist by the build). */
export const webLibPaths = {
  views: join(import.meta.dirname, '..', 'views'),
  locales: join(import.meta.dirname, '..', 'locales'),
  public: join(import.meta.dirname, '..', 'public'),
};
