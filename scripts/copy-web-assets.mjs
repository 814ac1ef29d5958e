// The build step after tsc: copies what the web services read at run time (templates, message files,
// browser files) next to the compiled code, so dist/ runs on its own (the Docker image holds dist/ only).
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const folders = ['views', 'locales', 'public'];
const roots = [
  ...readdirSync('apps').map((app) => join('apps', app)),
  ...readdirSync('libs').map((lib) => join('libs', lib)),
];
for (const root of roots) {
  for (const folder of folders) {
    const source = join(root, folder);
    if (existsSync(source)) cpSync(source, join('dist', source), { recursive: true });
  }
}
