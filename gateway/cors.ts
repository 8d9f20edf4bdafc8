import cors from 'cors';
import type { RequestHandler } from 'express';
import type { HubConfig } from '../core/config.js';
import { REQUEST_ID_HEADER } from '../core/http/request-id.js';

/** Any port of this machine: what a frontend developer runs (vite, next dev ...) outside production. */
const LOCALHOST_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Headers a browser may send cross-origin: GraphQL, auth, tracing, Apollo client identification. */
const ALLOWED_HEADERS = ['content-type', 'authorization', REQUEST_ID_HEADER, 'apollo-require-preflight', 'apollographql-client-name', 'apollographql-client-version', 'x-apollo-operation-name'];

/** Which origins may call the graph from a browser: CORS_ORIGINS, else localhost outside production. */
export function allowedOrigins(config: HubConfig): (string | RegExp)[] | '*' {
  const configured = config.CORS_ORIGINS;
  if (configured) return configured.includes('*') ? '*' : configured;
  return config.NODE_ENV === 'production' ? [] : [LOCALHOST_ORIGIN];
}

/**
 * CORS for /graphql. An allowed origin gets its own origin back (never `*` with credentials), a
 * preflight is answered 204 with the methods and headers allowed and cached for 10 minutes;
 * credentials (cookies) only with CORS_CREDENTIALS=true. Any other origin gets no CORS headers,
 * so its browser keeps the answer from the page.
 */
export function corsForGraphQL(config: HubConfig): RequestHandler {
  return cors({
    origin: allowedOrigins(config),
    credentials: config.CORS_CREDENTIALS,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
