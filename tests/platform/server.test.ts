import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../kernel/errors.ts';
import { createServer } from '../../services/platform/server.ts';
import type { PlatformServer } from '../../services/platform/server.ts';

let server: PlatformServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(base: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json() };
}

describe('platform HTTP server', () => {
  it('answers /healthz with 503 while starting and 200 once ready', async () => {
    server = createServer();
    const { port } = await server.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${port}`;

    expect(await get(base, '/healthz')).toEqual({
      status: 503,
      body: { status: 'starting', step: 'http', database: { ready: false }, dataset: { loaded: false } },
    });
    // Everything else waits too, with a JSON answer rather than a bare 404.
    expect((await get(base, '/graphql')).status).toBe(503);

    // Routes can be mounted after listen().
    server.app.get('/late', (_req, res) => void res.json({ mounted: true }));
    server.readiness.setStep('migrations');
    server.readiness.setDatabase({ embedded: true });
    expect((await get(base, '/healthz')).body).toMatchObject({
      status: 'starting',
      step: 'migrations',
      database: { ready: true, embedded: true },
    });

    server.readiness.setDataset({ households: 120, persons: 410, loadedNow: true });
    server.finalize();
    server.readiness.markReady();

    expect(await get(base, '/healthz')).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: { ready: true, embedded: true },
        dataset: { loaded: true, households: 120, persons: 410, loadedNow: true },
      },
    });
    expect(await get(base, '/late')).toEqual({ status: 200, body: { mounted: true } });
    expect(await get(base, '/nope')).toEqual({
      status: 404,
      body: { error: 'not_found', message: '未找到 / not found: GET /nope' },
    });
  });

  it('reports a taken port as a StartupError naming PORT', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      server = createServer();
      const error = await server.listen(port, '127.0.0.1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      expect((error as Error).message).toBe(
        `端口 ${port} 不可用 / cannot listen on 127.0.0.1:${port} (already in use); set PORT to another port.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('closes even with an idle keep-alive connection open', async () => {
    server = createServer({ holdUntilReady: false });
    const { port } = await server.listen(0, '127.0.0.1');
    await fetch(`http://127.0.0.1:${port}/healthz`); // undici keeps the socket alive
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.readiness.status).toBe('stopping');
  });
});
