// A static check until the linter has the rule: server code logs through
// services/platform/log.ts (levels, request ids, redaction), and command-line
// tools print through services/platform/terminal.ts, never with bare console.*.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../services/platform/config.ts';

const CONSOLE = /\bconsole\.(log|error|warn|info|debug|trace|dir|table)\s*\(/;
const STD_WRITE = /\bprocess\.(stdout|stderr)\.write\s*\(/;
/** Generated code and the schema-engine shim (its stdout and stderr are a protocol Prisma's CLI reads). */
const SKIP = new Set(['prisma/generated', 'prisma/engine', 'node_modules']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (SKIP.has(rel)) continue;
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|js|mjs)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** `file:line: text` for each code line (not a comment) that matches. */
function offenders(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(REPO_ROOT, file), 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        const code = text.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
        return pattern.test(code) ? [`${file}:${i + 1}: ${code}`] : [];
      }),
  );
}

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
