/** The two languages: zh-CN by default, en-US when Office (or the browser) says English. */
export type Locale = 'zh-CN' | 'en-US';

export function localeFrom(displayLanguage: string | undefined | null): Locale {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}

/** Fills `{name}` placeholders from params. */
export function interpolate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
