// Login through the API's `login` mutation; the JWT and the viewer live in
// sessionStorage (session.ts). The same token goes to /graphql and to Cube.
// An UNAUTHENTICATED answer anywhere (expired or invalid token) ends the
// session and returns to the login page with a message.
import type { AuthProvider } from 'react-admin';
import { errorCode, type GraphQLRequest } from '../data/graphql.ts';
import { clearSession, getToken, getViewer, saveSession, sessionExpired, type Viewer } from './session.ts';

export const LOGIN_MUTATION =
  'mutation Login($username: String!, $password: String!) { login(username: $username, password: $password) { token user { id username role regionCode canReadPersonalData } } }';

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

const expired = (token: string) => {
  const exp = tokenExpiry(token);
  return exp !== null && exp * 1000 <= Date.now();
};

export function createAuthProvider(request: GraphQLRequest): AuthProvider {
  return {
    async login({ username, password }: { username: string; password: string }) {
      // A stale token would make the API refuse even the login request.
      clearSession();
      try {
        const data = await request<{ login: { token: string; user: Viewer } }>(LOGIN_MUTATION, { username, password });
        saveSession(data.login.token, data.login.user);
      } catch (error) {
        if (errorCode(error) === 'UNAUTHENTICATED') throw new Error('app.auth.wrong_password');
        throw error;
      }
    },
    async logout() {
      // react-admin logs out after checkError: keep the reason for the login page.
      clearSession(sessionExpired() ? 'expired' : undefined);
    },
    async checkAuth() {
      const token = getToken();
      // Other checks may run after checkError ended the session: they repeat its reason.
      if (!token) throw { message: sessionExpired() ? 'app.auth.expired' : 'ra.auth.auth_check_error' };
      if (expired(token)) {
        clearSession('expired');
        throw { message: 'app.auth.expired' };
      }
    },
    async checkError(error: unknown) {
      const status = (error as { status?: number } | null)?.status;
      if (errorCode(error) === 'UNAUTHENTICATED' || status === 401) {
        clearSession('expired');
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
