import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts an express app (or an http.Server made from one); port 0 picks a free port (tests).
 * `close` ends keep-alive sockets too.
 */
export function listen(app: { listen(port: number, host: string): Server }, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      // Longer than a gateway's keep-alive so the gateway, not us, closes idle sockets.
      server.keepAliveTimeout = 65_000;
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
