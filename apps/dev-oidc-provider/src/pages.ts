import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DevelopmentUser } from './users.js';

type Words = Record<string, Record<string, string>>;
const words = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'locales', 'en', 'provider.json'), 'utf8'),
) as Words;

/** The provider's words, from its message file, with `{{name}}` placeholders filled (and escaped). */
function t(key: string, values: Record<string, string> = {}): string {
  const [page, ...rest] = key.split('.');
  const text = words[page!]?.[rest.join('.')] ?? key;
  return escape(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => escape(values[name] ?? ''));
}

export function escape(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/** A plain, accessible page (no script): the provider is a development tool, styled only enough to read. */
function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - Development identity provider</title>
<style>body{font-family:Arial,sans-serif;margin:2rem;max-width:40rem;color:#0b0c0c}button{font-size:1rem;padding:.5rem 1rem;margin:.25rem 0;background:#00703c;color:#fff;border:0;cursor:pointer}button:focus{outline:3px solid #fd0;color:#0b0c0c;background:#fd0}li{margin-bottom:1rem;list-style:none}ul{padding:0}</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}

export function signInPage(uid: string, users: readonly DevelopmentUser[]): string {
  const items = users
    .map(
      (user) => `<li>
<form method="post" action="/interaction/${escape(uid)}/login">
<button type="submit" name="user" value="${escape(user.sub)}">${t('signIn.button', { name: user.name })}</button>
<p>${t('signIn.roles', { roles: user.roles.join(', '), team: user.team })}</p>
</form>
</li>`,
    )
    .join('\n');
  return page(t('signIn.title'), `<p>${t('signIn.lead')}</p>\n<ul>\n${items}\n</ul>`);
}

/** The provider's own sign-out question (RP-initiated logout): `form` is the provider's hidden form. */
export function signOutPage(form: string): string {
  return page(
    t('signOut.title'),
    `<p>${t('signOut.lead')}</p>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">${t('signOut.yes')}</button>
<button type="submit" form="op.logoutForm">${t('signOut.no')}</button>`,
  );
}

export function signedOutPage(): string {
  return page(t('signedOut.title'), `<p>${t('signedOut.lead')}</p>`);
}

export function errorPage(error: string): string {
  return page(t('error.title'), `<p>${t('error.lead', { error })}</p>`);
}
