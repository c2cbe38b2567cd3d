import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesToFields, localeFromHeader, translate } from './i18n.ts';

describe('i18n', () => {
  it('fills the limit into a schema message key', () => {
    const schema = z.object({ query: z.string().min(2, 'validation.tooShort') });
    const result = schema.safeParse({ query: 'a' });
    expect(issuesToFields('nb', result.error!.issues)).toEqual({ query: 'Må ha minst 2 tegn.' });
    expect(issuesToFields('en', result.error!.issues)).toEqual({ query: 'Must have at least 2 characters.' });
  });

  it('gives a required message for a missing field and a choice message for a bad enum value', () => {
    const schema = z.object({ name: z.string(), kind: z.enum(['a', 'b']) });
    const result = schema.safeParse({ kind: 'c' });
    expect(issuesToFields('nb', result.error!.issues)).toEqual({ name: 'Må fylles ut.', kind: 'Velg et av alternativene.' });
  });

  it('prefers bokmål unless the browser asks for English', () => {
    expect(localeFromHeader('en-GB,en;q=0.9')).toBe('en');
    expect(localeFromHeader('nn-NO,nb;q=0.9')).toBe('nb');
    expect(localeFromHeader(undefined)).toBe('nb');
    expect(translate('nb', 'app.loggedInAs', { name: 'Siri' })).toBe('Innlogget som Siri');
  });
});
