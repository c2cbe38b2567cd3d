import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler, takeEarly } from './api.ts';
import type { CurrentUserOutput } from '../auth/auth.schema.ts';
import { useI18n } from './i18n-context.tsx';

interface Session {
  user: CurrentUserOutput | null;
  loading: boolean;
  expired: boolean;
  can(permission: string): boolean;
  refresh(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale } = useI18n();
  const [user, setUser] = useState<CurrentUserOutput | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  const refresh = useCallback(async () => {
    try {
      // The first check is already on its way (main.tsx); a later one asks again.
      const me = await (takeEarly<CurrentUserOutput>('/api/auth/me') ?? api.get<CurrentUserOutput>('/api/auth/me'));
      setUser(me);
      setLocale(me.locale);
      setExpired(false);
    } catch {
      setUser(null);
    } finally {
      setLoading(false);
    }
  }, [setLocale]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setUser((current) => {
        if (current) setExpired(true);
        return null;
      });
    });
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    await api.post('/api/auth/logout');
    setUser(null);
  }, []);

  const can = useCallback((permission: string) => user?.permissions.includes(permission) ?? false, [user]);

  return <SessionContext.Provider value={{ user, loading, expired, can, refresh, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
