// Serves the management console (the react-admin build in admin/dist) at /admin:
// static files, index.html for any other path below /admin (SPA fallback), and
// `/` redirects there. Without a build, /admin answers 503 with what to run.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { REPO_ROOT } from '../platform/config.ts';

export const DEFAULT_CONSOLE_DIST = path.join(REPO_ROOT, 'admin', 'dist');

export interface ConsoleOptions {
  /** The Vite build output (default: admin/dist in the repository). */
  distDir?: string;
}

const MISSING = (distDir: string) =>
  `管理后台尚未构建：请先运行 npm run admin:build（即 npx vite build --config admin/vite.config.ts）。\n` +
  `The management console has not been built: run \`npm run admin:build\` ` +
  `(npx vite build --config admin/vite.config.ts), then reload. Expected ${path.join(distDir, 'index.html')}.\n`;

export function mountConsole(app: Express, options: ConsoleOptions = {}): void {
  const distDir = path.resolve(options.distDir ?? DEFAULT_CONSOLE_DIST);
  const indexFile = path.join(distDir, 'index.html');

  app.get('/', (_req: Request, res: Response) => res.redirect(302, '/admin/'));
  // Relative asset URLs in index.html need the trailing slash.
  // (express matches '/admin/' to this route too: only the bare path is redirected).
  app.get('/admin', (req: Request, res: Response, next) => {
    const rest = req.originalUrl.slice('/admin'.length);
    if (rest.startsWith('/')) return next();
    res.redirect(301, `/admin/${rest}`);
  });

  // Hashed assets never change; index.html must not be cached, or a new build is not picked up.
  app.use(
    '/admin',
    (_req, res, next) =>
      fs.existsSync(indexFile) ? next() : res.status(503).type('text/plain; charset=utf-8').set('Retry-After', '60').send(MISSING(distDir)),
    express.static(distDir, {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders: (res, file) => {
        res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );

  // SPA fallback: any other GET under /admin/ that is not a file (react-admin routes).
  app.get(/^\/admin\/.*/, (req: Request, res: Response, next) => {
    if (path.extname(req.path) && !req.path.endsWith('.html')) return next();
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });
}
