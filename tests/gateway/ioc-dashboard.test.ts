import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../subgraphs/shared/roles.js';
import { signHubToken } from '../../subgraphs/shared/hub-token.js';
import { browserAvailable, launchBrowser } from '../helpers/browser.js';
import { createTestEnvironment, type TestEnvironment } from '../helpers/databases.js';
import { startHub, type TestHub } from '../helpers/hub.js';

/** IOC_SCREENSHOT_DIR=docs saves the README's screenshots; otherwise none are written. */
const SCREENSHOT_DIR = process.env.IOC_SCREENSHOT_DIR;

describe('gateway: /ioc serves the dashboard bundle', () => {
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

  it('answers with the page, a policy that allows only the hub, and its bundled assets', async () => {
    const origin = new URL(hub.url).origin;
    const redirect = await fetch(`${origin}/ioc?lang=en`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/ioc/?lang=en');
    const page = await fetch(`${origin}/ioc/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*connect-src 'self'/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      expect(asset.startsWith('/ioc/assets/')).toBe(true);
      expect((await fetch(`${origin}${asset}`)).status).toBe(200);
    }
    expect((await fetch(`${origin}/ioc/assets/nothing.js`)).status).toBe(404);
  });
});

describe.skipIf(!browserAvailable())('IOC dashboard in Chromium', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let origin: string;
  let browser: Browser;
  let officerToken: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env });
    origin = new URL(hub.url).origin;
    officerToken = await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await env?.cleanup();
  });

  /** A tab that fails the test on a console error or a request that leaves the hub. */
  async function open(url: string, token?: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(`${origin}/`)) problems.push(`request outside the hub: ${request.url()}`);
    });
    if (token) await page.addInitScript(`sessionStorage.setItem('ioc.token', ${JSON.stringify(token)});`);
    await page.goto(url);
    await page.waitForSelector('main[aria-busy="false"]', { timeout: 60_000 });
    return { page, problems };
  }

  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

  it('Nam Thượng 2021 in Vietnamese: 1.964 dossiers, 20,9% online against 50% (not met), 610 of 622 signed, 10 radio clusters of which 2 planned', async () => {
    const { page, problems } = await open(`${origin}/ioc/?view=commune&code=05068&on=2021-06-01`);
    try {
      expect(await text(page, 'unit-name')).toMatch(/Nam Thượng/);
      expect(await text(page, 'dossiers-value')).toBe('1.964');
      expect(await text(page, 'online-rate-value')).toBe('20,9%');
      expect(await text(page, 'online-target')).toBe('Chỉ tiêu: 50%');
      expect(await text(page, 'online-target-met')).toBe('Không đạt');
      expect(await text(page, 'documents-signed-value')).toBe('610 / 622');
      expect(await text(page, 'radio-clusters-value')).toBe('10');
      expect(await text(page, 'radio-clusters')).toMatch(/2 đang chờ lắp đặt/);
      expect(await text(page, 'health')).toMatch(/100,0%/);
      // Charts are drawn (ECharts renders into a canvas), and the public listings are shown.
      await expect.poll(() => page.locator('[data-testid="chart-dossiers"] canvas').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('[data-testid="chart-budget"] canvas').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('producers').locator('tr').count()).toBeGreaterThan(1);
      // What an anonymous viewer may not see is not shown.
      expect(await page.getByTestId('alerts').count()).toBe(0);
      if (SCREENSHOT_DIR) {
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ioc-commune.png'), fullPage: true });
      }
      // English on request, numbers the English way.
      await page.getByTestId('lang').click();
      await page.waitForSelector('main[aria-busy="false"]');
      await expect.poll(() => text(page, 'dossiers-value')).toBe('1,964');
      expect(await text(page, 'online-rate-value')).toBe('20.9%');
      expect(await text(page, 'online-target-met')).toBe('Not met');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the commune\'s officer the information alerts, with the same bearer token as the API', async () => {
    const { page, problems } = await open(`${origin}/ioc/?view=commune&code=05068&on=2021-06-01`, officerToken);
    try {
      expect(await text(page, 'alerts')).toMatch(/đất đai/);
      expect(await text(page, 'dossiers-value')).toBe('1.964');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a province at a date sums its communes: Hòa Bình 2021', async () => {
    const { page, problems } = await open(`${origin}/ioc/?view=province&code=17&on=2021-06-01`);
    try {
      expect(await text(page, 'unit-name')).toMatch(/Hòa Bình/);
      // Nam Thượng 1,964 + Liên Sơn 2,749 dossiers; 10 + 4 radio clusters.
      expect(await text(page, 'dossiers-value')).toBe('4.713');
      expect(await text(page, 'radio-clusters-value')).toBe('14');
      expect(await text(page, 'province-communes')).toMatch(/Nam Thượng[^]*Liên Sơn|Liên Sơn[^]*Nam Thượng/);
      if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ioc-province.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
