// Login throttling by username and by client address, counted in PostgreSQL
// (login_throttle) so that every API replica sees the same attempts.
//
// Every attempt is counted BEFORE the password is checked, in one atomic
// upsert: a burst of parallel guesses gets exactly the limit of password
// checks, not one per request that raced past a read. A successful login then
// forgives: the username's count restarts and the address gives back the one
// attempt (an office behind one NAT address is not throttled by its own
// successful logins). Windows are fixed: the first counted attempt opens one.
import type { PrismaClient } from '../db.ts';

/** Password checks per username per window. */
export const USERNAME_LIMIT = 5;
/** Password checks per client address per window (several users share an office's address). */
export const ADDRESS_LIMIT = 30;
export const WINDOW_SECONDS = 15 * 60;

export interface ThrottleKeys {
  username: string;
  address: string;
}

/** Usernames compare case-insensitively here, so `Admin` and `admin` share one count. */
export function throttleKeys(username: string, address: string | undefined): ThrottleKeys {
  return { username: `u:${username.trim().toLowerCase()}`.slice(0, 80), address: `a:${address || 'unknown'}`.slice(0, 80) };
}

/**
 * Counts one attempt for both keys. Returns the seconds to wait when either is
 * over its limit (the caller refuses without checking the password), else null.
 */
export async function countLoginAttempt(prisma: PrismaClient, keys: ThrottleKeys): Promise<number | null> {
  // Keys in sorted order ('a:' < 'u:'): concurrent statements lock rows in one order.
  const rows = await prisma.$queryRaw<{ key: string; attempts: number; retry_after: number }[]>`
    INSERT INTO login_throttle AS t (key, attempts, window_start)
    VALUES (${keys.address}, 1, now()), (${keys.username}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN t.window_start <= now() - make_interval(secs => ${WINDOW_SECONDS}) THEN 1 ELSE t.attempts + 1 END,
      window_start = CASE WHEN t.window_start <= now() - make_interval(secs => ${WINDOW_SECONDS}) THEN now() ELSE t.window_start END
    RETURNING key, attempts, greatest(1, ceil(extract(epoch FROM t.window_start + make_interval(secs => ${WINDOW_SECONDS}) - now())))::int AS retry_after`;
  let wait: number | null = null;
  for (const row of rows) {
    const limit = row.key === keys.username ? USERNAME_LIMIT : ADDRESS_LIMIT;
    if (row.attempts > limit) wait = Math.max(wait ?? 0, row.retry_after);
  }
  return wait;
}

/** After a successful login: the username starts over, the address gets its attempt back. */
export async function forgiveLoginAttempt(prisma: PrismaClient, keys: ThrottleKeys): Promise<void> {
  await prisma.$executeRaw`
    WITH locked AS (SELECT key FROM login_throttle WHERE key IN (${keys.address}, ${keys.username}) ORDER BY key FOR UPDATE)
    UPDATE login_throttle t SET attempts = CASE WHEN t.key = ${keys.username} THEN 0 ELSE greatest(t.attempts - 1, 0) END
    FROM locked WHERE t.key = locked.key`;
}

/** Drops counts whose window has ended (they would restart at 1 anyway). */
export async function sweepLoginThrottle(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`DELETE FROM login_throttle WHERE window_start <= now() - make_interval(secs => ${WINDOW_SECONDS})`;
}
