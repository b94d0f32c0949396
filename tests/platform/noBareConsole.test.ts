// A static check until the linter has the rule: server code logs through
// services/platform/log.ts (levels, request ids, redaction), and command-line
// tools print through services/platform/terminal.ts, never with bare console.*.
import { describe, expect, it } from 'vitest';
import { offenders, sources } from '../support/sources.ts';

const CONSOLE = /\bconsole\.(log|error|warn|info|debug|trace|dir|table)\s*\(/;
const STD_WRITE = /\bprocess\.(stdout|stderr)\.write\s*\(/;

describe('no bare console output', () => {
  it('finds no console.* in services/, prisma/, scripts/ or bench/', () => {
    const files = ['services', 'prisma', 'scripts', 'bench'].flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    expect(offenders(files, CONSOLE)).toEqual([]);
  });

  it('finds no direct stdout/stderr writes in services/ outside the terminal printer', () => {
    const files = sources('services').filter((f) => f !== 'services/platform/terminal.ts');
    expect(offenders(files, STD_WRITE)).toEqual([]);
    // The check itself sees what it must: the printer does write.
    expect(offenders(['services/platform/terminal.ts'], STD_WRITE)).toHaveLength(2);
  });
});
