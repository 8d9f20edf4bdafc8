import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestHub } from './hub.js';

export interface CountingProxy {
  /** The proxy's /graphql URL, to give a gateway instead of the subgraph's. */
  url: string;
  /** Requests forwarded so far. */
  count(): number;
  close(): Promise<void>;
}

/** A transparent HTTP proxy in front of a subgraph that counts what the gateway sends it. */
export async function countingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    count: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A counting proxy in front of each of the hub's subgraphs: give `subgraphUrls` to a gateway. */
export async function countSubgraphCalls(hub: TestHub): Promise<{ subgraphUrls: Record<string, string>; count(): number; close(): Promise<void> }> {
  const proxies = await Promise.all(Object.entries(hub.subgraphs).map(async ([name, subgraph]) => [name, await countingProxy(subgraph!.url)] as const));
  return {
    subgraphUrls: Object.fromEntries(proxies.map(([name, proxy]) => [name, proxy.url])),
    count: () => proxies.reduce((sum, [, proxy]) => sum + proxy.count(), 0),
    close: async () => void (await Promise.all(proxies.map(([, proxy]) => proxy.close()))),
  };
}

export interface HeldCall {
  subgraph: string;
  body: string;
  /** The gateway's signed assertion the call carried. */
  assertion: string | undefined;
}

/**
 * A proxy in front of each of the hub's subgraphs that holds every call until `release()`: calls
 * that a gateway makes at the same time are then provably in flight together. Records each call.
 */
export async function holdSubgraphCalls(
  hub: TestHub,
): Promise<{ subgraphUrls: Record<string, string>; received: HeldCall[]; waiting(): number; release(): void; close(): Promise<void> }> {
  const received: HeldCall[] = [];
  const held: (() => void)[] = [];
  const servers = await Promise.all(
    Object.entries(hub.subgraphs).map(async ([name, subgraph]) => {
      const target = new URL(subgraph!.url);
      const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const body = Buffer.concat(chunks);
          const assertion = req.headers['x-hub-gateway-assertion'];
          received.push({ subgraph: name, body: body.toString('utf8'), assertion: typeof assertion === 'string' ? assertion : undefined });
          held.push(() => {
            const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
              res.writeHead(up.statusCode ?? 502, up.headers);
              up.pipe(res);
            });
            upstream.on('error', () => res.destroy());
            upstream.end(body);
          });
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return [name, server] as const;
    }),
  );
  return {
    subgraphUrls: Object.fromEntries(servers.map(([name, server]) => [name, `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`])),
    received,
    /** Calls held now, not yet released. */
    waiting: () => held.length,
    release: () => held.splice(0).forEach((send) => send()),
    close: async () =>
      void (await Promise.all(
        servers.map(
          ([, server]) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      )),
  };
}
