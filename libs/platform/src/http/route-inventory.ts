import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** The route pattern, e.g. `/v1/claims/:reference`. */
  url: string;
}

const inventories = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Records every route the app registers, so that the authorisation matrix test can fail when a route
 * exists that its table does not list.
 */
export function recordRoutes(fastify: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  inventories.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
}

export function routeInventory(fastify: FastifyInstance): RouteEntry[] {
  return [...(inventories.get(fastify) ?? [])];
}
