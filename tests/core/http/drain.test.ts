import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { trackHttpDrain } from '../../../core/http/drain.js';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One GET on a fresh connection (no keep-alive agent), or the connection error's code. */
function get(port: number, path: string, agent?: import('node:http').Agent): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: agent ?? false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A server whose /slow requests wait until the test releases them. */
async function gatedServer() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let entered = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/slow') {
      entered += 1;
      void gate.then(() => res.end('done'));
      return;
    }
    if (req.url === '/never') return; // answered by nobody: the deadline cuts it
    res.end(drain.draining ? 'draining' : 'serving');
  });
  const drain = trackHttpDrain(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, drain, port: (server.address() as AddressInfo).port, release, entered: () => entered };
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('trackHttpDrain', () => {
  it('answers every request in flight, refuses new connections, then closes', async () => {
    const s = await gatedServer();
    cleanup = () => s.server.closeAllConnections();
    const inFlight = Array.from({ length: 10 }, () => get(s.port, '/slow'));
    await expect.poll(() => s.entered(), { timeout: 30_000 }).toBe(10);
    expect(s.drain.inFlight).toBe(10);

    const drained = s.drain.drain({ delayMs: 0, timeoutMs: 60_000 });
    expect(s.drain.draining).toBe(true);
    // The listener is closed while the ten are still waiting: a new caller is refused, not queued.
    await expect(get(s.port, '/fast')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    s.release();
    const replies = await Promise.all(inFlight);
    expect(replies.map((r) => [r.status, r.body])).toEqual(Array.from({ length: 10 }, () => [200, 'done']));
    await expect(drained).resolves.toEqual({ cut: 0 });
    expect(s.server.listening).toBe(false);
  });

  it('keeps serving during the delay while already draining (readiness fails first)', async () => {
    const s = await gatedServer();
    cleanup = () => s.server.closeAllConnections();
    const drained = s.drain.drain({ delayMs: 60_000, timeoutMs: 1000 });
    // During the delay the server still answers, and knows it is draining (its /ready says 503).
    const reply = await get(s.port, '/fast');
    expect(reply).toMatchObject({ status: 200, body: 'draining' });
    expect(s.server.listening).toBe(true);
    s.server.close();
    s.server.closeAllConnections();
    void drained.catch(() => undefined);
  });

  it('closes idle keep-alive connections and tells busy ones to close after their answer', async () => {
    const s = await gatedServer();
    cleanup = () => s.server.closeAllConnections();
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    try {
      // Two keep-alive connections: one idle after its answer, one busy with a slow request.
      expect((await get(s.port, '/fast', agent)).headers.connection).toBe('keep-alive');
      const slow = get(s.port, '/slow', agent);
      await expect.poll(() => s.entered(), { timeout: 30_000 }).toBe(1);
      const drained = s.drain.drain({ delayMs: 0, timeoutMs: 60_000 });
      s.release();
      const reply = await slow;
      expect(reply).toMatchObject({ status: 200, body: 'done' });
      expect(reply.headers.connection).toBe('close');
      // Neither connection is left open: the drain ends well before the keep-alive timeout.
      await expect(drained).resolves.toEqual({ cut: 0 });
    } finally {
      agent.destroy();
    }
  });

  it('cuts what is still running at the deadline and says how many', async () => {
    const s = await gatedServer();
    cleanup = () => s.server.closeAllConnections();
    const hanging = get(s.port, '/never').catch((error: NodeJS.ErrnoException) => error.code);
    await expect.poll(() => s.drain.inFlight, { timeout: 30_000 }).toBe(1);
    await expect(s.drain.drain({ delayMs: 0, timeoutMs: 200 })).resolves.toEqual({ cut: 1 });
    expect(await hanging).toBe('ECONNRESET');
    await expect.poll(() => s.drain.inFlight, { timeout: 30_000 }).toBe(0);
  });
});
