// The generator's users share one known password. In production the server
// refuses to start while any user at all still has it: the generated data set
// has a user per township and per village, not just the five in the README,
// and a deactivated account is one click away from active again.
import type { PrismaClient } from '../db.ts';
import { StartupError } from '../../kernel/errors.ts';
import { verifyPassword } from '../../kernel/password.ts';

export const DEFAULT_DEMO_PASSWORD = 'demo-password';
/** scrypt runs on libuv's four threads: more at once only queues. */
const LANES = 4;
/** Usernames named in the refusal (the sentence stays readable for a whole data set). */
const NAMED = 5;

/** Usernames of every user whose password is the demo default, in username order. */
export async function usersWithDefaultPassword(prisma: PrismaClient): Promise<string[]> {
  const users = await prisma.user.findMany({ select: { username: true, passwordHash: true }, orderBy: { username: 'asc' } });
  const weak = new Set<string>();
  let next = 0;
  const lane = async () => {
    while (next < users.length) {
      const user = users[next++]!;
      if (await verifyPassword(DEFAULT_DEMO_PASSWORD, user.passwordHash)) weak.add(user.username);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  return users.map((u) => u.username).filter((u) => weak.has(u));
}

export async function refuseDefaultPasswords(prisma: PrismaClient): Promise<void> {
  const weak = await usersWithDefaultPassword(prisma);
  if (weak.length === 0) return;
  const named = weak.slice(0, NAMED).join(', ') + (weak.length > NAMED ? ` and ${weak.length - NAMED} more` : '');
  throw new StartupError(
    `${weak.length} 个用户仍使用默认密码，生产环境拒绝启动 / ${weak.length} users still have the default password (${named}), so the server refuses to start in production: reset their passwords or load the data set with DEMO_PASSWORD set.`,
  );
}
