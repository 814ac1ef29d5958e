import type { Language } from './i18n.js';

const LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/** `2026-03-14` or an ISO timestamp, written the GOV.UK way ("14 March 2026") in the page's language. */
export function formatDate(value: unknown, language: Language = 'en', withTime = false): string {
  if (typeof value !== 'string' || !value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  };
  if (withTime) Object.assign(options, { hour: 'numeric', minute: '2-digit', hour12: true });
  return new Intl.DateTimeFormat(LOCALES[language], options).format(date);
}

/** Pence as pounds: "£1,234.50" (whole pounds without pence). */
export function formatMoney(pence: unknown, language: Language = 'en'): string {
  if (typeof pence !== 'number' || !Number.isFinite(pence)) return '';
  const whole = pence % 100 === 0;
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: 'GBP',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(pence / 100);
}
