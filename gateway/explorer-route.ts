import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request } from 'express';

/**
 * GraphiQL runs entirely from the hub: scripts, styles, fonts and Monaco's web workers are files of
 * the bundle. Monaco sets inline styles, hence 'unsafe-inline' for styles only; it talks only to the hub.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function secureHeaders(res: express.Response): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
}

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
