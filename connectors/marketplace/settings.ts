/**
 * Connector settings, derived from the adapter registry: for each marketplace `<CODE>`,
 *
 * | variable | default |
 * |---|---|
 * | `<CODE>_BASE_URL` | `http://127.0.0.1:<CODE>_SANDBOX_PORT` (its local sandbox) |
 * | `<CODE>_TIMEOUT_MS` | 10000 (per request) |
 * | `<CODE>_MAX_SOCKETS` | 32 |
 * | `<CODE>_SLOWEST_CREATE_MS` | 60000: the longest the marketplace takes to apply a create, answered or not |
 * | `<CODE>_SANDBOX_PORT` | the adapter's (voso 4101, postmart 4102) |
 * | the adapter's own (`VOSO_CLIENT_ID`, `POSTMART_PARTNER_KEY`, ...) | the sandbox's credentials |
 *
 * Pointing a connector at the real marketplace is setting its base URL and credentials; each
 * adapter's rules refuse a half-done switch (a real URL with the sandbox's credentials).
 */
import { z } from 'zod';
import { ConfigError, defineConfigSection, type ConfigSection } from '../../core/config.js';
import type { AnyMarketplaceAdapter } from './adapter.js';
import { MARKETPLACE_ADAPTERS, type SettingsByCode } from './registry.js';

const port = z.coerce.number().int().min(0).max(65535);

/** The variables of one adapter, prefixed with its code. */
function adapterVariables(adapter: AnyMarketplaceAdapter): z.ZodRawShape {
  const own = Object.fromEntries(Object.entries(adapter.variables).map(([name, schema]) => [`${adapter.code}_${name}`, schema]));
  return {
    [`${adapter.code}_BASE_URL`]: z.string().url().optional(),
    [`${adapter.code}_TIMEOUT_MS`]: z.coerce.number().int().positive().default(10_000),
    [`${adapter.code}_MAX_SOCKETS`]: z.coerce.number().int().positive().default(32),
    [`${adapter.code}_SLOWEST_CREATE_MS`]: z.coerce.number().int().positive().default(60_000),
    [`${adapter.code}_SANDBOX_PORT`]: port.default(adapter.sandbox.defaultPort),
    ...own,
  };
}

/** The connector settings section of a list of adapters (the registry's, or a test's with one more). */
export function marketplaceSettingsSection<A extends readonly AnyMarketplaceAdapter[]>(adapters: A): ConfigSection<SettingsByCode<A>> {
  const variables = Object.assign({}, ...adapters.map(adapterVariables)) as z.ZodRawShape;
  return defineConfigSection('marketplace connectors', variables, (values) => {
    const v = values as Record<string, unknown>;
    const problems: string[] = [];
    const settings = Object.fromEntries(
      adapters.map((adapter) => {
        const c = adapter.code;
        const baseUrl = (v[`${c}_BASE_URL`] as string | undefined) ?? `http://127.0.0.1:${v[`${c}_SANDBOX_PORT`] as number}`;
        const own = Object.fromEntries(Object.keys(adapter.variables).map((name) => [name, v[`${c}_${name}`] as string]));
        const built = adapter.settings({ baseUrl, timeoutMs: v[`${c}_TIMEOUT_MS`] as number, maxSockets: v[`${c}_MAX_SOCKETS`] as number, slowestCreateMs: v[`${c}_SLOWEST_CREATE_MS`] as number }, own);
        problems.push(...adapter.rules(built, isLocal(baseUrl)));
        return [c, built];
      }),
    );
    if (problems.length) throw new ConfigError(problems);
    return settings as SettingsByCode<A>;
  });
}

/** The registry's connector settings: `config.get(marketplaceSettings)`. */
export const marketplaceSettings = marketplaceSettingsSection(MARKETPLACE_ADAPTERS);

/** Whether a base URL is on this machine (the sandboxes), for the "running against sandboxes" notice. */
export function isLocal(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

/** One line per connector saying where it points, e.g. for `npm start`'s banner. */
export function describeConnectorTargets(settings: Readonly<Record<string, { baseUrl: string }>>): Record<string, string> {
  return Object.fromEntries(Object.entries(settings).map(([code, s]) => [code, `${s.baseUrl}${isLocal(s.baseUrl) ? ' (local sandbox)' : ''}`]));
}
