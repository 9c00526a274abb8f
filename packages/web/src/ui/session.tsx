// Who is signed in (from the session cookie): loaded once, refreshed on sign-in and sign-out.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api.ts';

export interface User { id: string; username: string; displayName: string; email: string | null; role: string; partyId: string | null }
export const OFFICE_ROLES = ['admin', 'formalities', 'examiner', 'registrar'];
export const isOffice = (u: User | null) => !!u && OFFICE_ROLES.includes(u.role);

interface Session { user: User | null; ready: boolean; login(username: string, password: string, code?: string): Promise<User>; logout(): Promise<void>; refresh(): Promise<void> }
const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const refresh = useCallback(async () => {
    try { setUser(await api<User>('/auth/me')); }
    catch (e) { if (e instanceof ApiError && e.status === 401) setUser(null); else throw e; }
    finally { setReady(true); }
  }, []);
  useEffect(() => { refresh().catch(() => setReady(true)); }, [refresh]);
  // With a second factor, the server answers SECOND_FACTOR_REQUIRED until the code is sent too.
  const login = useCallback(async (username: string, password: string, code?: string) => {
    const r = await api<{ user: User }>('/auth/login', { body: code ? { username, password, code } : { username, password } });
    setUser(r.user);
    return r.user;
  }, []);
  const logout = useCallback(async () => {
    try { await api('/auth/logout', { method: 'POST' }); } finally { setUser(null); }
  }, []);
  return <Ctx.Provider value={{ user, ready, login, logout, refresh }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
