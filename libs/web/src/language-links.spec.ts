import type { FastifyInstance, FastifyRequest } from 'fastify';
import { languageLinks } from './language-links.js';

const fastify = (getRoutes: string[]) =>
  ({ hasRoute: ({ url }: { url: string }) => getRoutes.includes(url) }) as unknown as FastifyInstance;
const request = (method: string, url: string, pattern: string, headers: Record<string, string> = {}) =>
  ({
    method,
    url,
    routeOptions: { url: pattern },
    headers: { host: 'web.test', ...headers },
  }) as unknown as FastifyRequest;

describe('languageLinks (the language toggle’s links)', () => {
  it('keeps a GET page’s path and query, replacing lang', () => {
    expect(languageLinks(fastify([]), request('GET', '/claims?page=2&lang=en', '/claims'))).toEqual({
      en: '/claims?page=2&lang=en',
      cy: '/claims?page=2&lang=cy',
    });
  });

  it('leads a page shown after a POST to the same path by GET where there is one', () => {
    expect(languageLinks(fastify(['/sign-in']), request('POST', '/sign-in', '/sign-in')).cy).toBe('/sign-in?lang=cy');
  });

  it('leads a POST-only page back to the same-origin page the form was on, else to the start', () => {
    const postOnly = fastify(['/form']);
    expect(
      languageLinks(postOnly, request('POST', '/form/send', '/form/send', { referer: 'http://web.test/form' })).cy,
    ).toBe('/form?lang=cy');
    expect(
      languageLinks(postOnly, request('POST', '/form/send', '/form/send', { referer: 'https://evil.test/x' })).cy,
    ).toBe('/?lang=cy');
    expect(languageLinks(postOnly, request('POST', '/form/send', '/form/send')).en).toBe('/?lang=en');
  });
});
