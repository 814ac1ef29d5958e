import type { Environment } from 'nunjucks';
import { formatDate, formatMoney, type Language } from '@redress/platform';

// Written the same way by the web pages and the worker's letters: one implementation, in @redress/platform.
export { formatDate, formatMoney };

/** Filters every web service's templates share. The page's language comes from the `lang` in their context. */
export function configureNunjucks(environment: Environment): void {
  environment.addFilter('govukDate', function (this: { ctx: { lang?: Language } }, value: unknown) {
    return formatDate(value, this.ctx.lang);
  });
  environment.addFilter('govukDateTime', function (this: { ctx: { lang?: Language } }, value: unknown) {
    return formatDate(value, this.ctx.lang, true);
  });
  environment.addFilter('money', function (this: { ctx: { lang?: Language } }, value: unknown) {
    return formatMoney(value, this.ctx.lang);
  });
}
