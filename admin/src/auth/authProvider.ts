// Login through the API's `login` mutation; the token and the viewer live in
// sessionStorage (session.ts). The same token goes to /graphql and to Cube.
// Tokens live one hour: the provider renews the session with `refreshSession`
// before that (on a timer, and on any check that finds the end near), and ends
// it when the API refuses the renewal. An UNAUTHENTICATED answer anywhere
// (expired, logged out, or the account was changed) ends the session and
// returns to the login page with a message. Logout also ends the session on the server.
import type { AuthProvider } from 'react-admin';
import { errorCode, type GraphQLRequest } from '../data/graphql.ts';
import { clearSession, getToken, getViewer, saveSession, sessionExpired, type Viewer } from './session.ts';

const USER_FIELDS = 'user { id username role regionCode canReadPersonalData permissions }';
export const LOGIN_MUTATION = `mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token ${USER_FIELDS} } }`;
export const REFRESH_MUTATION = `mutation RefreshSession { refreshSession { token ${USER_FIELDS} } }`;
export const LOGOUT_MUTATION = 'mutation Logout { logout }';

/** Renew when less than this is left of the token's life (it lives an hour). */
export const REFRESH_MARGIN_MS = 10 * 60 * 1000;

/** Seconds since the epoch at which the token expires (its `exp` claim), or null. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload)) as { exp?: number };
    return typeof claims.exp === 'number' ? claims.exp : null;
  } catch {
    return null;
  }
}

type Session = { token: string; user: Viewer };

export interface AuthProviderOptions {
  /** The clock (tests move it forward instead of waiting an hour). */
  now?: () => number;
  /** Renew on a timer before the token expires (default true; off in tests). */
  timer?: boolean;
}

export function createAuthProvider(request: GraphQLRequest, options: AuthProviderOptions = {}): AuthProvider {
  const now = options.now ?? Date.now;
  const useTimer = options.timer ?? 'window' in globalThis;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<void> | null = null;

  /** Milliseconds left of the stored token (-1: none or unreadable). */
  const left = () => {
    const token = getToken();
    const exp = token ? tokenExpiry(token) : null;
    return exp === null ? -1 : exp * 1000 - now();
  };

  const end = (reason?: 'expired') => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    clearSession(reason);
  };

  function schedule(): void {
    if (!useTimer) return;
    if (timer) clearTimeout(timer);
    const wait = left() - REFRESH_MARGIN_MS;
    // A page left open keeps its session; a refused renewal ends it (the next request returns to the login page).
    timer = setTimeout(() => void refresh().catch(() => {}), Math.max(0, wait));
  }

  /** One renewal at a time; a refusal ends the session and rejects. */
  function refresh(): Promise<void> {
    refreshing ??= request<{ refreshSession: Session }>(REFRESH_MUTATION)
      .then((data) => {
        saveSession(data.refreshSession.token, data.refreshSession.user);
        schedule();
      })
      .catch((error: unknown) => {
        if (errorCode(error) === 'UNAUTHENTICATED') {
          end('expired');
          throw { message: 'app.auth.expired' };
        }
        // A network hiccup: keep the session, the next check tries again.
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  if (getToken()) schedule(); // a reloaded page keeps renewing

  return {
    async login({ username, password }: { username: string; password: string }) {
      // A stale token would make the API refuse even the login request.
      end();
      try {
        const data = await request<{ login: Session }>(LOGIN_MUTATION, { username, password });
        saveSession(data.login.token, data.login.user);
        schedule();
      } catch (error) {
        const code = errorCode(error);
        if (code === 'UNAUTHENTICATED') throw new Error('app.auth.wrong_password', { cause: error });
        if (code === 'TOO_MANY_REQUESTS') throw new Error('app.auth.too_many_attempts', { cause: error });
        throw error;
      }
    },
    async logout() {
      // react-admin logs out after checkError too: keep the reason for the login page.
      const reason = sessionExpired() ? 'expired' : undefined;
      if (getToken() && left() > 0) await request(LOGOUT_MUTATION).catch(() => {}); // ends the session on the server
      end(reason);
    },
    async checkAuth() {
      // Other checks may run after checkError ended the session: they repeat its reason.
      if (!getToken()) throw { message: sessionExpired() ? 'app.auth.expired' : 'ra.auth.auth_check_error' };
      const remaining = left();
      if (remaining <= 0) {
        end('expired');
        throw { message: 'app.auth.expired' };
      }
      if (remaining < REFRESH_MARGIN_MS) await refresh();
    },
    async checkError(error: unknown) {
      const status = (error as { status?: number } | null)?.status;
      if (errorCode(error) === 'UNAUTHENTICATED' || status === 401) {
        end('expired');
        throw { message: 'app.auth.expired' };
      }
      // FORBIDDEN and the rest stay in the page: the user is still logged in.
    },
    async getIdentity() {
      const viewer = getViewer();
      if (!viewer) throw new Error('not logged in');
      return { id: viewer.username, fullName: viewer.username };
    },
    async getPermissions() {
      return getViewer();
    },
  };
}
