import { useCallback, useEffect, useState } from 'react';
import { api } from './client';

interface Loaded<T> {
  key: string;
  url: string;
  data?: T;
  error?: Error;
}

export interface ApiGetState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs `url` (skipped while null); keeps the previous data of the same url visible while reloading. */
export function useApiGet<T>(url: string | null): ApiGetState<T> {
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const key = `${url ?? ''}#${version}`;

  useEffect(() => {
    if (url === null) return;
    let cancelled = false;
    api.get<T>(url).then(
      (data) => {
        if (!cancelled) setLoaded({ key, url, data });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ key, url, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [url, key]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const sameUrl = loaded !== null && loaded.url === url;
  const current = loaded !== null && loaded.key === key;
  return {
    data: sameUrl ? loaded.data : undefined,
    error: current ? loaded.error : undefined,
    loading: url !== null && !current,
    reload,
  };
}
