import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedGatewayKey } from '../../core/auth/gateway-assertion.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { startHub, type TestHub } from '../helpers/hub.js';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('gateway: the local GraphQL explorer at GET /graphql', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'] });
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  const production = () => ({ NODE_ENV: 'production' as const, AUTH_SECRET: 'p'.repeat(32), GATEWAY_SIGNING_KEY: embeddedGatewayKey(env.config.dataDir) });

  it('gives a browser the bundled page: every asset from the hub, a policy that allows only the hub, no CDN', async () => {
    const origin = new URL(hub.url).origin;
    const page = await fetch(hub.url, { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*worker-src 'self'.*connect-src 'self'/);
    const html = await page.text();
    expect(html).not.toMatch(/cdn|apollographql\.com|https?:\/\//i);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset.startsWith('/explorer/assets/')).toBe(true);
      const response = await fetch(`${origin}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/immutable/);
    }
    expect((await fetch(`${origin}/explorer/assets/nothing.js`)).status).toBe(404);
  });

  it('leaves GraphQL requests alone: a GET with a query, or one asking for JSON, is executed', async () => {
    const withQuery = await fetch(`${hub.url}?query=${encodeURIComponent('{ commune(code: "05068", on: "2021-06-01") { name } }')}`, {
      headers: { ...HTML, 'apollo-require-preflight': 'true' },
    });
    expect(await withQuery.json()).toEqual({ data: { commune: { name: 'Nam Thượng' } } });
    const json = await fetch(hub.url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect(json.status).toBe(400);
  });

  it('is off in production, and no landing page from a CDN takes its place', async () => {
    const gateway = await hub.startGateway(production());
    const response = await fetch(gateway.url, { headers: HTML });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).not.toMatch(/<html|cdn|apollographql\.com/i);
    expect((await fetch(new URL('/explorer/assets/nothing.js', gateway.url))).status).toBe(404);
  });

  it('GRAPHQL_EXPLORER=true turns it on in production', async () => {
    const gateway = await hub.startGateway({ ...production(), GRAPHQL_EXPLORER: true });
    const response = await fetch(gateway.url, { headers: HTML });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<div id="explorer">/);
  });
});

describe.skipIf(!browserAvailable())('GraphQL explorer in Chromium', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let browser: Browser;
  beforeAll(async () => {
    env = await createTestEnvironment();
    // The sample query spans the four subgraphs.
    hub = await startHub({ env });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await env?.cleanup();
  });

  it('opens with the sample query and runs it against the hub, with no request outside the hub and no console error', async () => {
    const origin = new URL(hub.url).origin;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`)) problems.push(`request outside the hub: ${request.url()}`);
    });
    try {
      await page.goto(hub.url);
      // The editor shows the README's sample query; running it asks the gateway for all four subgraphs' parts.
      await page.locator('.monaco-editor').getByText('CommuneOverview').first().waitFor({ timeout: 60_000 });
      expect(await page.locator('.graphiql-tab').first().innerText()).toMatch(/CommuneOverview/);
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('CommuneOverview'), { timeout: 60_000 });
      await page.locator('.graphiql-execute-button').click();
      // Every subgraph's part answered, with the sample's variables (the response panel shows only its first lines).
      const body = (await (await answered).json()) as { data?: { commune?: Record<string, unknown> }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.commune).toMatchObject({ name: 'Nam Thượng', healthRecordStats: { records: expect.any(Number) }, radioClusters: expect.any(Array), producers: { totalCount: expect.any(Number) } });
      // Monaco renders spaces as no-break spaces.
      const shown = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
      await expect.poll(shown, { timeout: 30_000 }).toMatch(/"name": "Nam Thượng"/);
      // Introspection fed the editor: the documentation explorer lists the schema's root types.
      await page.locator('[aria-label="Show Documentation Explorer"]').click();
      await expect.poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 30_000 }).toMatch(/Query/);
      expect(problems).toEqual([]);
    } catch (error) {
      if (process.env.DEBUG_EXPLORER) {
        await page.screenshot({ path: '/tmp/explorer.png' });
        console.log(problems, (await page.content()).slice(0, 3000));
      }
      throw error;
    } finally {
      await page.close();
    }
  }, 120_000);
});
