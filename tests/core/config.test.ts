import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, defineConfigSection, loadConfig } from '../../core/config.js';

/** A registry as subgraphs/registry.ts gives one: core knows no subgraph by name. */
const REGISTRY = [{ name: 'governance', defaultPort: 4001 }, { name: 'reports', defaultPort: 4010 }];

describe('config', () => {
  it('defaults to the embedded mode: ./data, port 4000, pilot seed', () => {
    const config = loadConfig({});
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.seedPilot).toBe(true);
  });

  it('does not seed pilot data into PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).seedPilot).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db', HUB_SEED: 'pilot' }).seedPilot).toBe(true);
  });

  it('takes trusted proxies as addresses, ranges or names, and names an entry that is none', () => {
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual(['loopback']);
    expect(loadConfig({ TRUSTED_PROXIES: '172.30.0.10, 10.0.0.0/8,fd00::/8' }).TRUSTED_PROXIES).toEqual(['172.30.0.10', '10.0.0.0/8', 'fd00::/8']);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8,proxy.internal' })).toThrow(/TRUSTED_PROXIES.*"proxy.internal" is not an IP address/);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('names every bad variable and says what to do', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', GOVERNANCE_URL: 'not a url' }, { subgraphs: REGISTRY });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres/);
    expect(message).toMatch(/GOVERNANCE_URL/);
    expect(message).toMatch(/README's configuration table/);
  });

  it('names PostgreSQL statements unless DATABASE_PREPARED_STATEMENTS is off, and names a value that is neither', () => {
    expect(loadConfig({}).DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'on' }).DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off' }).DATABASE_PREPARED_STATEMENTS).toBe(false);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS: "false" is not on or off \(off behind PgBouncer in transaction or statement pooling\)/,
    );
  });

  it('refuses production without a token verification key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })).not.toThrow();
  });

  it('derives the port, URL and timeout from the registry', () => {
    const config = loadConfig({ REPORTS_PORT: '5010', REPORTS_URL: 'http://reports:4010/graphql', SUBGRAPH_TIMEOUT_MS: '2000', GOVERNANCE_TIMEOUT_MS: '500' }, { subgraphs: REGISTRY });
    expect(config.subgraphs).toEqual({
      governance: { port: 4001, url: undefined, timeoutMs: 500 },
      reports: { port: 5010, url: 'http://reports:4010/graphql', timeoutMs: 2000 },
    });
    expect(() => loadConfig({ REPORTS_TIMEOUT_MS: '-1' }, { subgraphs: REGISTRY })).toThrow(/REPORTS_TIMEOUT_MS/);
  });

  it('validates the sections modules contribute with core, naming each bad variable, and reads them typed', () => {
    const reports = defineConfigSection('reports', { REPORTS_PAGE: z.coerce.number().int().positive().default(20) }, (v) => ({ page: v.REPORTS_PAGE }));
    expect(loadConfig({ REPORTS_PAGE: '50' }, { sections: [reports] }).get(reports)).toEqual({ page: 50 });
    let error: unknown;
    try {
      loadConfig({ PORT: 'x', REPORTS_PAGE: 'many' }, { sections: [reports] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^PORT: /), expect.stringMatching(/^REPORTS_PAGE: /)]);
  });

  it('keeps a snapshot of the environment: later changes to it are not read, and `with` replaces one section', () => {
    const env: Record<string, string> = { REPORTS_PAGE: '5' };
    const reports = defineConfigSection('reports', { REPORTS_PAGE: z.coerce.number().int().positive() }, (v) => ({ page: v.REPORTS_PAGE }));
    const config = loadConfig(env);
    env.REPORTS_PAGE = '7';
    expect(config.get(reports)).toEqual({ page: 5 });
    expect(config.with(reports, { page: 9 }).get(reports)).toEqual({ page: 9 });
    expect(config.get(reports)).toEqual({ page: 5 });
  });
});
