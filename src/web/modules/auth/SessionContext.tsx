import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, SessionInfo } from '../../../shared/api/auth';
import { ApiRequestError, setCsrfToken, setUnauthorizedHandler } from '../../http/client';
import { authApi } from './api';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: Me };

interface SessionContextValue {
  state: SessionState;
  /** Resolves on success; rejects with the server's message (e.g. 用户名或密码错误). */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user });
  }, []);

  const signOut = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOut);
    let cancelled = false;
    authApi.me().then(
      (session) => {
        if (!cancelled) signIn(session);
      },
      (error: unknown) => {
        if (cancelled) return;
        if (!(error instanceof ApiRequestError) || error.status !== 401) console.error(error);
        signOut();
      },
    );
    return () => {
      cancelled = true;
      setUnauthorizedHandler(null);
    };
  }, [signIn, signOut]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      login: async (username, password) => signIn(await authApi.login(username, password)),
      logout: async () => {
        try {
          await authApi.logout();
        } finally {
          signOut();
        }
      },
    }),
    [state, signIn, signOut],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages behind <RequireAuth>. */
export function useCurrentUser(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser needs a signed-in session');
  return state.user;
}
