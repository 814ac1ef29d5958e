import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from './i18n.js';

/** A path of this service (never another site): what a Referer may give back. */
const LOCAL_PATH = /^\/(?![/\\])[A-Za-z0-9/_\-.%]*$/;

/** The path of a same-origin Referer, or null. */
function refererPath(request: FastifyRequest): string | null {
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    const url = new URL(referer);
    if (url.host !== request.headers.host) return null;
    return LOCAL_PATH.test(url.pathname) ? url.pathname : null;
  } catch {
    return null;
  }
}

/**
 * Where the language toggle of this request's page leads, per language: the same page in the other language.
 * A page shown by a GET keeps its query (a search, a page number) with `lang` set. A page shown in answer to a
 * POST (a form with errors) leads to the same path by GET where there is one, else back to the page the form was
 * on (a same-origin Referer), else the start: a link is always a GET, and a POST-only path would answer 404.
 */
export function languageLinks(fastify: FastifyInstance, request: FastifyRequest): Record<Language, string> {
  const [path = '/', query = ''] = request.url.split('?');
  let base = path;
  let params = new URLSearchParams(query);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const pattern = request.routeOptions.url;
    const hasGet = pattern !== undefined && fastify.hasRoute({ method: 'GET', url: pattern });
    base = hasGet ? path : (refererPath(request) ?? '/');
    params = new URLSearchParams();
  }
  params.delete('lang');
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const withLanguage = new URLSearchParams(params);
      withLanguage.set('lang', language);
      return [language, `${base}?${withLanguage.toString()}`];
    }),
  ) as Record<Language, string>;
}
