import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request } from 'express';
import { pageSecurityHeaders } from './page-security-headers.js';

// GraphiQL runs entirely from the hub: Monaco's web workers and its font are files of the bundle.
const secureHeaders = pageSecurityHeaders({ workers: true, dataFonts: true });

/**
 * A browser opening the endpoint (GET, HTML preferred, no `query` parameter). Anything else is a
 * GraphQL request and goes on to Apollo Server: GET with `?query=`, or a client asking for JSON.
 */
function wantsExplorerPage(req: Request): boolean {
  return req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Serves the local GraphQL explorer (built by `npm run build` from explorer/ into `dir`): its page at
 * GET /graphql for a browser, its assets under /explorer/. Registered only when the explorer is on.
 */
export function serveExplorer(app: Express, dir: string): void {
  const page = path.join(dir, 'index.html');
  app.use('/explorer', (_req, res, next) => {
    secureHeaders(res);
    next();
  });
  // Asset names carry a content hash, so browsers may keep them.
  app.use('/explorer/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));
  app.use('/explorer', (_req, res) => {
    res.status(404).type('text/plain').send('Not found.');
  });
  app.get('/graphql', (req, res, next) => {
    if (!wantsExplorerPage(req)) {
      next();
      return;
    }
    secureHeaders(res);
    res.setHeader('cache-control', 'no-cache');
    if (existsSync(page)) res.sendFile(page);
    else res.status(404).type('text/plain').send('The GraphQL explorer is not built: run `npm run build` (it bundles explorer/ into dist/explorer).');
  });
}
