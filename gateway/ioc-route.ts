import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/**
 * The page may load only what the hub serves and talk only to the hub: a commune network may have no
 * internet, and a dashboard of officials should leak no request elsewhere. ECharts' tooltips set
 * inline styles, hence 'unsafe-inline' for styles only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Serves the IOC dashboard (built by `npm run build` from ioc/ into `dir`) at /ioc. */
export function serveIoc(app: Express, dir: string): void {
  app.use('/ioc', (_req, res, next) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  });
  app.get('/ioc', (req, res, next) => {
    // /ioc → /ioc/ so that the page's relative asset paths resolve under /ioc/.
    if (req.originalUrl === '/ioc' || req.originalUrl.startsWith('/ioc?')) res.redirect(301, req.originalUrl.replace('/ioc', '/ioc/'));
    else next();
  });
  app.use('/ioc', express.static(dir, { index: 'index.html', fallthrough: true, immutable: false, maxAge: 0 }));
  app.use('/ioc', (_req, res) => {
    const built = existsSync(path.join(dir, 'index.html'));
    res
      .status(404)
      .type('text/plain')
      .send(built ? 'Not found.' : 'The IOC dashboard is not built: run `npm run build` (it bundles ioc/ into dist/ioc).');
  });
}
