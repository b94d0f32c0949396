// The login session: the JWT and the viewer, kept in sessionStorage so that a
// tab's login ends with the tab (and a second tab can be a second user).
// Written against a minimal Storage shape so the data layer also runs in tests.
import type { Permission, Role } from '../generated/schema.ts';

export type { Permission, Role };

export interface Viewer {
  id?: number;
  username: string;
  role: Role;
  regionCode: string;
  canReadPersonalData: boolean;
  /** What the API says this viewer may do (kernel/policy.ts); the console keeps no role lists. */
  permissions?: Permission[];
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

/** Who may see what in the menus: the viewer's permissions as the API reported them (it enforces the same). */
const has = (permission: Permission) => (v: Viewer | null | undefined) => !!v?.permissions?.includes(permission);
export const can = {
  readPersonal: has('READ_PERSONS'),
  revealPersonalData: has('READ_PERSONAL_DATA'),
  writeHouseholds: has('WRITE_HOUSEHOLDS'),
  writeEntities: has('WRITE_ENTITIES'),
  writeContracts: has('WRITE_CONTRACTS'),
  writeIndustries: has('WRITE_INDUSTRIES'),
  reviewAlerts: has('REVIEW_ALERTS'),
  readImports: has('READ_IMPORTS'),
  uploadImports: has('UPLOAD_IMPORTS'),
  manageUsers: has('ADMINISTER_USERS'),
  reports: has('BUILD_REPORTS'),
};
