// Starts GOV.UK Frontend's (and, where loaded, MOJ Frontend's) components. A module file, not an inline
// script, so the Content Security Policy needs no exception for it.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();
if (document.querySelector('script[src="/assets/moj-frontend.min.js"]')) {
  const moj = await import('/assets/moj-frontend.min.js');
  moj.initAll();
}
