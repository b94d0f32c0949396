/**
 * The one HTTP server of the platform. It answers /healthz from the first
 * moment (503 while starting), and later code mounts the GraphQL API, Cube and
 * the console on `app` (express 5) before or after listen().
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import { StartupError, describeError } from '../../kernel/errors.ts';
import { securityHeaders } from './headers.ts';
import { logger, requestIds } from './log.ts';

export type Status = 'starting' | 'ok' | 'stopping';

export interface DatasetInfo {
  households: number;
  persons: number;
  /** true when this start loaded the data set into an empty database. */
  loadedNow?: boolean;
  [extra: string]: unknown;
}

/** What /healthz reports; main.ts moves it forward as startup proceeds. */
export class Readiness {
  status: Status = 'starting';
  /** Current startup step, shown while starting (e.g. 'database', 'migrations'). */
  step = 'http';
  database: { ready: boolean; embedded?: boolean } = { ready: false };
  dataset: { loaded: boolean } & Partial<DatasetInfo> = { loaded: false };

  setStep(step: string): void {
    this.step = step;
  }
  setDatabase(info: { embedded: boolean }): void {
    this.database = { ready: true, embedded: info.embedded };
  }
  setDataset(info: DatasetInfo): void {
    this.dataset = { loaded: true, ...info };
  }
  markReady(): void {
    this.status = 'ok';
  }
  markStopping(): void {
    this.status = 'stopping';
  }
  get ready(): boolean {
    return this.status === 'ok';
  }

  toJSON(): Record<string, unknown> {
    const body: Record<string, unknown> = { status: this.status, database: this.database, dataset: this.dataset };
    if (this.status === 'starting') body.step = this.step;
    return body;
  }
}

export interface PlatformServer {
  app: Express;
  /** The node server (exists before listen, e.g. for Apollo's drain plugin). */
  httpServer: http.Server;
  readiness: Readiness;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Adds the JSON 404 and error handlers; call after the last app.use(). */
  finalize(): void;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Answer every path except /healthz with 503 until ready (default true). */
  holdUntilReady?: boolean;
}

export function createServer(options: ServerOptions = {}): PlatformServer {
  const { holdUntilReady = true } = options;
  const readiness = new Readiness();
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(requestIds());

  app.get('/healthz', (_req, res) => {
    res
      .status(readiness.ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(readiness);
  });
  if (holdUntilReady) {
    app.use((_req: Request, res: Response, next: NextFunction) => {
      if (readiness.ready) return next();
      res
        .status(503)
        .set('Retry-After', '5')
        .json({
          status: readiness.status,
          message: readiness.status === 'stopping' ? '服务正在停止 / service is stopping' : '服务启动中 / service is starting',
        });
    });
  }

  const httpServer = http.createServer(app);
  let finalized = false;
  let closing: Promise<void> | undefined;

  return {
    app,
    httpServer,
    readiness,
    listen(port, host = '0.0.0.0') {
      return new Promise<AddressInfo>((resolve, reject) => {
        const onError = (e: NodeJS.ErrnoException) => {
          reject(
            e.code === 'EADDRINUSE' || e.code === 'EACCES'
              ? new StartupError(
                  `端口 ${port} 不可用 / cannot listen on ${host}:${port} (${e.code === 'EADDRINUSE' ? 'already in use' : 'permission denied'}); set PORT to another port.`,
                  { cause: e },
                )
              : e,
          );
        };
        httpServer.once('error', onError);
        httpServer.listen(port, host, () => {
          httpServer.off('error', onError);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    finalize() {
      if (finalized) return;
      finalized = true;
      app.use((req: Request, res: Response) => {
        res.status(404).json({ error: 'not_found', message: `未找到 / not found: ${req.method} ${req.path}` });
      });
      // Express 5 forwards rejected promises from async handlers here too.
      app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
        const status = (error as { status?: number }).status ?? 500;
        if (status >= 500) logger.error({ err: error, method: req.method, path: req.path }, '请求出错 / request failed');
        if (res.headersSent) return void res.end();
        res.status(status).json({
          error: status >= 500 ? 'internal_error' : 'bad_request',
          message: status >= 500 ? '服务器内部错误 / internal server error' : describeError(error),
        });
      });
    },
    close() {
      readiness.markStopping();
      return (closing ??= new Promise<void>((resolve, reject) => {
        if (!httpServer.listening) return resolve();
        httpServer.close((e) => (e ? reject(e) : resolve()));
        // Idle keep-alive sockets would hold close() open; busy ones get 5 s.
        httpServer.closeIdleConnections();
        setTimeout(() => httpServer.closeAllConnections(), 5000).unref();
      }));
    },
  };
}
