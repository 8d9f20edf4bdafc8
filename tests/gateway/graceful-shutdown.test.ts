import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_ASSERTION_HEADER } from '../../core/auth/gateway-assertion.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { startHub, type TestHub } from '../helpers/hub.js';
import { loadLoops } from '../helpers/load-client.js';
import { startProcess, type StartedProcess } from '../helpers/start-process.js';

/**
 * A proxy in front of a subgraph that can hold the gateway's calls: a call it holds belongs to a
 * request the gateway accepted and is working on, named by the caller's x-request-id the gateway forwards.
 */
async function holdingProxy(targetUrl: string) {
  const target = new URL(targetUrl);
  const held: (() => void)[] = [];
  const seen = new Set<string>();
  let holding = false;
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server: Server = createServer((req, res) => {
    // The gateway signs each call; the caller's x-request-id travels in the assertion (claim crid).
    const assertion = req.headers[GATEWAY_ASSERTION_HEADER];
    if (typeof assertion === 'string') {
      const claims = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as { crid?: string };
      if (claims.crid) seen.add(claims.crid);
    }
    if (holding) {
      req.pause();
      held.push(() => forward(req, res));
    } else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    held: () => held.length,
    hold: () => void (holding = true),
    release() {
      holding = false;
      for (const go of held.splice(0)) go();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const QUERY = '{ commune(code: "05068", on: "2021-06-01") { name dossierStats(year: 2021) { received } } }';
const CLIENTS = 8;

describe('gateway: SIGTERM under load', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let proxy: Awaited<ReturnType<typeof holdingProxy>>;
  let gateway: StartedProcess | undefined;
  let dir: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
    proxy = await holdingProxy(hub.subgraphs.governance!.url);
    dir = mkdtempSync(path.join(tmpdir(), 'hub-drain-'));
    writeFileSync(path.join(dir, 'supergraph.graphql'), hub.supergraphSdl);
  });

  afterAll(async () => {
    await gateway?.stop({ timeoutMs: 5000 });
    await proxy?.close();
    await hub?.close();
    await env?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every request it accepted, says it is not ready, then refuses new connections and exits 0', async () => {
    gateway = startProcess('node', ['dist/gateway/main.js'], {
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HUB_DATA_DIR: env.dataDir,
      SUPERGRAPH_PATH: path.join(dir, 'supergraph.graphql'),
      GOVERNANCE_URL: proxy.url,
      SHUTDOWN_DELAY_MS: '3000',
      SHUTDOWN_TIMEOUT_MS: '60000',
      // Each caller's request must hold its own subgraph call: identical reads in flight would share one.
      GATEWAY_DEDUPLICATE_QUERIES: 'false',
    });
    const [, url] = await gateway.waitFor(/"url":"(http:\/\/[^"]+\/graphql)"[^\n]*gateway listening/, 60_000);
    const ready = url!.replace(/\/graphql$/, '/ready');

    // Load: CLIENTS callers one request after the other; some complete before the signal.
    const load = loadLoops(url!, QUERY, CLIENTS);
    await expect.poll(() => load.outcomes.filter((o) => o.status === 200).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(CLIENTS);
    // Then every caller has one request in the gateway, waiting on the subgraph.
    proxy.hold();
    await expect.poll(() => proxy.held(), { timeout: 60_000 }).toBe(CLIENTS);
    const accepted = [...proxy.seen];

    const exited = gateway.stop({ timeoutMs: 90_000 });
    // Draining: still listening, but not ready (a load balancer stops sending) ...
    await expect.poll(async () => (await fetch(ready)).status, { timeout: 30_000, interval: 100 }).toBe(503);
    // ... then the listener closes while the accepted requests are still in flight.
    await expect
      .poll(async () => fetch(ready).then(() => 'open', (error: { cause?: { code?: string } }) => error.cause?.code), { timeout: 30_000, interval: 100 })
      .toBe('ECONNREFUSED');
    proxy.release();

    const outcomes = await load.done();
    expect(await exited).toBe(0);
    expect(gateway.output()).toContain('SIGTERM: shutting down');

    // Nothing the gateway accepted was lost: each answered in full.
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    const answered = accepted.map((id) => byId.get(id)).filter((o) => o !== undefined);
    expect(answered.length).toBeGreaterThanOrEqual(2 * CLIENTS);
    for (const outcome of answered) {
      expect(outcome.status).toBe(200);
      expect(JSON.parse(outcome.body!)).toEqual({ data: { commune: { name: 'Nam Thượng', dossierStats: { received: 1964 } } } });
    }
    // Every other request was either answered or refused at connect: none cut off mid-way.
    for (const outcome of outcomes) {
      if (outcome.status === undefined) expect(outcome.error).toBe('ECONNREFUSED');
      else expect(outcome.status).toBe(200);
    }
    expect(outcomes.filter((o) => o.error === 'ECONNREFUSED')).toHaveLength(CLIENTS);
  });
});
