import 'reflect-metadata';

/** Nest's key for a route's Fastify `config` (`@nestjs/platform-fastify`'s `RouteConfig` sets it whole). */
const FASTIFY_ROUTE_CONFIG_METADATA = '__fastify_route_config__';

/**
 * Adds to a route's Fastify `config` instead of replacing it, so that decorators each setting a part of it
 * (`@RateLimit`, `@Accepts`) can be used on one route: Nest's own `RouteConfig` keeps only the last one applied.
 */
export function MergeRouteConfig(config: Record<string, unknown>): MethodDecorator & ClassDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value as object | undefined) ?? target;
    const existing = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, holder) as Record<string, unknown>) ?? {};
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...existing, ...config }, holder);
    return descriptor as never;
  };
}
