import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';

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

  it('names every bad variable and says what to do', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', GOVERNANCE_URL: 'not a url' });
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

  it('refuses production without a token verification key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) })).not.toThrow();
  });
});
