import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedGatewayKey } from '../../core/auth/gateway-assertion.js';
import type { RunningGateway } from '../../gateway/gateway-server.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const QUERY = JSON.stringify({ query: '{ commune(code: "05068", on: "2021-06-01") { name } }' });

function preflight(url: string, origin: string, headers = 'content-type, authorization'): Promise<Response> {
  return fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers } });
}

describe('gateway: CORS for frontends on other origins', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const gatewayWith = (settings: Partial<TestEnvironment['config']>) => hub.startGateway(settings);

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('outside production, answers a preflight from a localhost origin with 204 and what it may send', async () => {
    const response = await preflight(hub.url, 'http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight']));
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives the allowed origin its CORS headers on the actual request, and exposes x-request-id', async () => {
    const response = await fetch(hub.url, { method: 'POST', headers: { origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' }, body: QUERY });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(response.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(await response.json()).toEqual({ data: { commune: { name: 'Nam Thượng' } } });
  });

  it('gives an origin that is not allowed no CORS headers, so its browser blocks the answer', async () => {
    const response = await preflight(hub.url, 'https://evil.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const actual = await fetch(hub.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: QUERY });
    expect(actual.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('in production allows no origin by default, and only CORS_ORIGINS when set', async () => {
    const production = await gatewayWith({ NODE_ENV: 'production', GATEWAY_SIGNING_KEY: embeddedGatewayKey(env.config.dataDir) });
    expect((await preflight(production.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
    const configured = await gatewayWith({ NODE_ENV: 'production', GATEWAY_SIGNING_KEY: embeddedGatewayKey(env.config.dataDir), CORS_ORIGINS: ['https://app.hoabinh.gov.vn'] });
    expect((await preflight(configured.url, 'https://app.hoabinh.gov.vn')).headers.get('access-control-allow-origin')).toBe('https://app.hoabinh.gov.vn');
    expect((await preflight(configured.url, 'https://app.hoabinh.gov.vn.evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(configured.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends credentials only when CORS_CREDENTIALS=true', async () => {
    const withCredentials = await gatewayWith({ CORS_ORIGINS: ['https://app.hoabinh.gov.vn'], CORS_CREDENTIALS: true });
    const response = await preflight(withCredentials.url, 'https://app.hoabinh.gov.vn');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.hoabinh.gov.vn');
  });
});

describe.skipIf(!browserAvailable())('gateway: CORS from a page in Chromium', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let page: Server;
  let pageOrigin: string;
  let browser: Browser;
  let elsewhere: RunningGateway;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
    // The frontend: a page served from another origin (another port) than the gateway.
    page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>frontend</title>'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    elsewhere = await hub.startGateway({ CORS_ORIGINS: ['https://app.hoabinh.gov.vn'] });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    page?.closeAllConnections();
    page?.close();
    await hub?.close();
    await env?.cleanup();
  });

  /** What the page gets when it fetches `url` the way a frontend does (JSON POST, so with a preflight). */
  async function fetchFromPage(url: string): Promise<unknown> {
    const tab = await browser.newPage();
    try {
      await tab.goto(pageOrigin);
      return await tab.evaluate(async ({ url, body }) => {
        try {
          const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'from-the-page' }, body });
          return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.json() };
        } catch (error) {
          return { blocked: String(error) };
        }
      }, { url, body: QUERY });
    } finally {
      await tab.close();
    }
  }

  it('a page on another localhost origin queries the graph (development default)', async () => {
    expect(await fetchFromPage(hub.url)).toEqual({ status: 200, requestId: 'from-the-page', body: { data: { commune: { name: 'Nam Thượng' } } } });
  });

  it('the browser blocks a page whose origin is not in CORS_ORIGINS', async () => {
    expect(await fetchFromPage(elsewhere.url)).toEqual({ blocked: expect.stringMatching(/Failed to fetch/) });
  });
});
