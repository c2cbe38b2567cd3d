import type { z } from 'zod';
import { nb, en, type MessageKey } from './catalogue.ts';

export type Locale = 'nb' | 'en';
export const locales: readonly Locale[] = ['nb', 'en'];
const catalogues: Record<Locale, Record<MessageKey, string>> = { nb, en };

export function isMessageKey(value: string): value is MessageKey {
  return value in nb;
}

/** Looks up a message and fills {placeholders}; an unknown key is returned as is. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? catalogues[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks nb or en from an Accept-Language header; bokmål unless English is preferred. */
export function localeFromHeader(header: string | undefined | null): Locale {
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nb';
}

/** Turns one zod issue into a user message. Schemas put catalogue keys in their messages. */
export function translateIssue(locale: Locale, issue: z.core.$ZodIssue): string {
  if (issue.message && isMessageKey(issue.message)) {
    // A schema's own key still gets the limits it names ("Må ha minst {min} tegn").
    const limits = {
      ...(issue.code === 'too_small' ? { min: Number(issue.minimum) } : {}),
      ...(issue.code === 'too_big' ? { max: Number(issue.maximum) } : {}),
    };
    return translate(locale, issue.message, { ...limits, ...(('params' in issue ? issue.params : undefined) ?? {}) });
  }
  switch (issue.code) {
    case 'invalid_type':
      return translate(locale, 'validation.required');
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1
        ? translate(locale, 'validation.required')
        : translate(locale, 'validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return translate(locale, 'validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return translate(locale, issue.format === 'email' ? 'validation.invalidEmail' : 'validation.invalid');
    case 'invalid_value':
      return translate(locale, 'validation.invalidChoice');
    default:
      return translate(locale, 'validation.invalid');
  }
}

/** Field path → message for every issue (the first message wins for a field). */
export function issuesToFields(locale: Locale, issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= translateIssue(locale, issue);
  }
  return fields;
}
