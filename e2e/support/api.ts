import { request, type APIRequestContext } from 'playwright-core';
import { inject } from 'vitest';
import { syntheticNationalId } from '../../src/features/people/people.rules.ts';
import { demoPassword } from './browser.ts';

// Arranging data through the public API, so each journey stands on its own and does not depend on
// another journey having run first. What a journey checks, it checks through the browser.

export async function apiAs(username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: inject('baseUrl') });
  const res = await api.post('/api/auth/login', { data: { username, password: demoPassword } });
  if (!res.ok()) throw new Error(`login as ${username} failed: HTTP ${res.status()} ${await res.text()}`);
  return api;
}

export interface RegisteredPerson {
  id: string;
  givenName: string;
  familyName: string;
  nationalId: string;
}

/** Registers a person as staff (ansatt) with a synthetic fødselsnummer. */
export async function registerPerson(givenName: string, familyName: string, birthDateIso: string, individual: number): Promise<RegisteredPerson> {
  const api = await apiAs('ansatt');
  try {
    const nationalId = syntheticNationalId(birthDateIso, individual);
    const res = await api.post('/api/people', {
      data: { givenName, familyName, birthDate: birthDateIso, idType: 'fnr', nationalId, preferredLanguage: 'nb' },
    });
    if (!res.ok()) throw new Error(`registering ${givenName} ${familyName} failed: HTTP ${res.status()} ${await res.text()}`);
    const person = (await res.json()) as { id: string };
    return { id: person.id, givenName, familyName, nationalId };
  } finally {
    await api.dispose();
  }
}

/** Puts a user's saved interface language back, so a journey that switches language leaves no trace. */
export async function resetLocale(username: string, locale: 'nb' | 'en' = 'nb'): Promise<void> {
  const api = await apiAs(username);
  try {
    const res = await api.put('/api/auth/me/locale', { data: { locale } });
    if (!res.ok()) throw new Error(`resetting the locale of ${username} failed: HTTP ${res.status()}`);
  } finally {
    await api.dispose();
  }
}
