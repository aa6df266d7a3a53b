/**
 * Report periods as the template writes them (`2025`, `2025H1`) and as people write them
 * (2025年, 2025年上半年): small on purpose, so naming the open report does not pull in the
 * template builder.
 */
import type { TemplateId } from '../model/types';
import type { Locale } from '../i18n/locale';

/** The last complete period on a date: annual → last year; half-year → this year's H1 from July. */
export function defaultPeriod(template: TemplateId, today: Date): string {
  const y = today.getFullYear();
  if (template === 'annual') return String(y - 1);
  return today.getMonth() >= 6 ? `${y}H1` : `${y - 1}H1`;
}

/**
 * A period as a person may type it, in the form the template uses: `2025`, `2025年` → `2025`;
 * for a half-year report also `2025`, `2025h1`, `2025年上半年`, `2025 H1` → `2025H1`. Text
 * that is no period comes back trimmed and upper-cased, for the caller to refuse; blank is ''.
 */
export function readPeriodInput(template: TemplateId, text: string): string {
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  const m = /^((?:19|20)\d\d)(?:年)?(?:(?:-|年)?(H1|上半年|1-6月|一至六月))?(?:年报|半年报|报)?$/.exec(t);
  if (!m) return t;
  const half = m[2] !== undefined;
  if (template === 'half-year') return `${m[1]}H1`;
  return half ? t : (m[1] as string);
}

/** A period as people write it: 2025年 / 2025年上半年. */
export function periodLabel(period: string, locale: Locale = 'zh-CN'): string {
  const m = /^(\d{4})(H1)?$/.exec(period);
  if (!m) return period;
  if (locale === 'en-US') return m[2] ? `${m[1]} H1` : (m[1] as string);
  return m[2] ? `${m[1]}年上半年` : `${m[1]}年`;
}

