// What the command-line tools (npm run db:seed, npm run schema:print, the
// Prisma wrapper) print for a person at a terminal: plain lines, not log
// records. The server itself logs through platform/log.ts.
export const terminal = {
  print(line: string): void {
    process.stdout.write(`${line}\n`);
  },
  error(line: string): void {
    process.stderr.write(`${line}\n`);
  },
};
