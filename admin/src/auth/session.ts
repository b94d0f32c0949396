// The login session: the JWT and the viewer, kept in sessionStorage so that a
// tab's login ends with the tab (and a second tab can be a second user).
// Written against a minimal Storage shape so the data layer also runs in tests.
import type { Role } from '../generated/schema.ts';

export type { Role };

export interface Viewer {
  id?: number;
  username: string;
  role: Role;
  regionCode: string;
  canReadPersonalData: boolean;
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const TOKEN = 'fanpin.token';
const VIEWER = 'fanpin.viewer';
const EXPIRED = 'fanpin.expired';
const memory = new Map<string, string>();
const fallback: KeyValueStore = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

function store(): KeyValueStore {
  return (globalThis as { sessionStorage?: KeyValueStore }).sessionStorage ?? fallback;
}

export function getToken(): string | null {
  return store().getItem(TOKEN);
}

export function getViewer(): Viewer | null {
  const raw = store().getItem(VIEWER);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Viewer;
  } catch {
    return null;
  }
}

export function saveSession(token: string, viewer: Viewer): void {
  store().setItem(TOKEN, token);
  store().setItem(VIEWER, JSON.stringify(viewer));
  store().removeItem(EXPIRED);
}

/** `expired`: the API refused the token, so the login page says why (not just "please log in"). */
export function clearSession(reason?: 'expired'): void {
  store().removeItem(TOKEN);
  store().removeItem(VIEWER);
  if (reason) store().setItem(EXPIRED, '1');
  else store().removeItem(EXPIRED);
}

export const sessionExpired = (): boolean => store().getItem(EXPIRED) === '1';

/** Who may see what in the menus (the API enforces the same rules). */
export const can = {
  readPersonal: (v: Viewer | null | undefined) => !!v && v.role !== 'STATISTICIAN',
  revealPersonalData: (v: Viewer | null | undefined) => !!v && v.canReadPersonalData && v.role !== 'STATISTICIAN',
  writeHouseholds: (v: Viewer | null | undefined) => !!v && ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER', 'VILLAGE_CADRE'].includes(v.role),
  writeEntities: (v: Viewer | null | undefined) => !!v && ['COUNTY_ADMIN', 'TOWNSHIP_OFFICER'].includes(v.role),
  manageUsers: (v: Viewer | null | undefined) => v?.role === 'COUNTY_ADMIN',
  reports: (v: Viewer | null | undefined) => !!v && ['COUNTY_ADMIN', 'STATISTICIAN'].includes(v.role),
};
