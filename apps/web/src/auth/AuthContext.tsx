import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Role } from '@minsheng/contracts';
import { api, setUnauthenticatedHandler, tokenStore } from '../api/client';
import type { LoginResponse, SessionUser } from '../api/types';

export interface Auth {
  /** null while signed out; undefined while the stored token is being checked. */
  user: SessionUser | null | undefined;
  roles: Role[];
  hasRole: (...roles: Role[]) => boolean;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  /** True when the last sign-out was forced by a 401 (the login page says the session expired). */
  expired: boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(tokenStore.get() ? undefined : null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      tokenStore.set(null);
      setExpired(true);
      setUser(null);
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  useEffect(() => {
    if (user !== undefined) return;
    // A token from earlier in this tab: check it is still a session (a 401 lands in the handler above).
    api.get<{ user: SessionUser }>('/api/auth/me').then((r) => setUser(r.user), () => { tokenStore.set(null); setUser(null); });
  }, [user]);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.post<LoginResponse>('/api/auth/login', { username, password });
    tokenStore.set(r.token);
    setExpired(false);
    setUser(r.user);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    try { await api.post('/api/auth/logout'); } finally {
      tokenStore.set(null);
      setExpired(false);
      setUser(null);
    }
  }, []);

  const value = useMemo<Auth>(() => {
    const roles = [...new Set((user?.roles ?? []).map((r) => r.role))];
    return { user, roles, hasRole: (...rs) => rs.some((r) => roles.includes(r)), login, logout, expired };
  }, [user, login, logout, expired]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
