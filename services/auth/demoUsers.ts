// The generator's demo users share one known password. In production the server
// refuses to start while any of them still has it.
import type { PrismaClient } from '../db.ts';
import { StartupError } from '../platform/errors.ts';
import { verifyPassword } from './password.ts';

export const DEMO_USERNAMES = ['admin', 'stats', 'township1', 'village1', 'dept1'];
export const DEFAULT_DEMO_PASSWORD = 'demo-password';

export async function refuseDefaultDemoPasswords(prisma: PrismaClient): Promise<void> {
  const users = await prisma.user.findMany({ where: { username: { in: DEMO_USERNAMES }, active: true } });
  const weak: string[] = [];
  for (const user of users) {
    if (await verifyPassword(DEFAULT_DEMO_PASSWORD, user.passwordHash)) weak.push(user.username);
  }
  if (weak.length > 0) {
    throw new StartupError(
      `演示用户仍使用默认密码 / demo users still have the default password in production: ${weak.join(', ')}; change their passwords (or start with DEMO_PASSWORD set when loading the data set).`,
    );
  }
}
