import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, takeEarly } from './api.ts';

/** Loads a GET endpoint; `reload` fetches again. `path` null means "not yet". */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);

  const load = useCallback(async () => {
    if (path === null) return;
    setLoading(true);
    try {
      // An answer fetched early (see getEarly) if there is one; if that failed (the user logged in
      // after it was sent, say), ask again.
      const early = takeEarly<T>(path);
      setData(early ? await early.catch(() => api.get<T>(path)) : await api.get<T>(path));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { message: String(err) }));
    } finally {
      setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    void load();
  }, [load]);

  return { data, error, loading, reload: load, setData };
}
