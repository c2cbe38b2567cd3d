import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, type Locale } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/catalogue.ts';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('bn_locale='));
  return cookie?.endsWith('=en') ? 'en' : 'nb';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'nb';
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    document.cookie = `bn_locale=${next}; path=/; max-age=31536000; samesite=lax`;
    setLocaleState(next);
  }, []);
  const t = useCallback((key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
