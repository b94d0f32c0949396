// The repository's own source files, for static checks written as tests.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../services/platform/config.ts';

/** Generated code and the schema-engine shim (its stdout and stderr are a protocol Prisma's CLI reads). */
const SKIP = new Set(['prisma/generated', 'prisma/engine', 'node_modules']);

export function sources(dir: string): string[] {
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
export function offenders(files: string[], pattern: RegExp): string[] {
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
