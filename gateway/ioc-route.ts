import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { pageSecurityHeaders } from './page-security-headers.js';

const secureHeaders = pageSecurityHeaders();

/** Serves the IOC dashboard (built by `npm run build` from ioc/ into `dir`) at /ioc. */
export function serveIoc(app: Express, dir: string): void {
  app.use('/ioc', (_req, res, next) => {
    secureHeaders(res);
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
