// Languages residents in a Norwegian municipality commonly prefer, as ISO 639 codes.
// Names come from the browser (Intl.DisplayNames), so they follow the interface language.
export const commonLanguages = ['nb', 'nn', 'se', 'en', 'pl', 'lt', 'uk', 'ru', 'ar', 'so', 'ti', 'fa', 'prs', 'ku', 'tr', 'th', 'es', 'de', 'ro'];

export function languageName(code: string, locale: 'nb' | 'en'): string {
  try {
    return new Intl.DisplayNames([locale === 'nb' ? 'nb-NO' : 'en-GB'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
