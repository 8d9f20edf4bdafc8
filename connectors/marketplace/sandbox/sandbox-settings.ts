/**
 * Where `npm start` runs each marketplace's sandbox and what faults it injects, derived from the
 * adapter registry. Faults: `<CODE>_SANDBOX_<NAME>` first, then `SANDBOX_<NAME>` (e.g.
 * `VOSO_SANDBOX_ERROR_RATE`, `SANDBOX_DROP_RATE`); the adapter's own sandbox variables are
 * `<CODE>_SANDBOX_<NAME>` (postmart's `POSTMART_SANDBOX_MODERATION_MS`).
 */
import { z } from 'zod';
import { ConfigError, configProblemsOf, type ConfigSection } from '../../../core/config.js';
import type { AnyMarketplaceAdapter } from '../adapter.js';
import { MARKETPLACE_ADAPTERS, type CodeOf } from '../registry.js';
import { FAULT_VARIABLES, type FaultSettings } from './faults.js';

export interface SandboxSettings {
  port: number;
  faults: Partial<FaultSettings>;
  /** The adapter's own sandbox options. */
  options: Record<string, unknown>;
}

type Env = Readonly<Record<string, string | undefined>>;

function faultsFor(code: string, env: Env, problems: string[]): Partial<FaultSettings> {
  const found: Partial<FaultSettings> = {};
  for (const [key, [suffix, schema]] of Object.entries(FAULT_VARIABLES)) {
    const name = [`${code}_SANDBOX_${suffix}`, `SANDBOX_${suffix}`].find((n) => env[n] !== undefined && env[n] !== '');
    if (!name) continue;
    const parsed = schema.safeParse(env[name]);
    if (parsed.success) (found as Record<string, number>)[key] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return found;
}

/** The sandbox section of a list of adapters (the registry's, or a test's with one more). */
export function sandboxSettingsSection<A extends readonly AnyMarketplaceAdapter[]>(adapters: A): ConfigSection<Record<CodeOf<A>, SandboxSettings>> {
  return {
    name: 'marketplace sandboxes',
    parse(env) {
      const problems: string[] = [];
      const settings = Object.fromEntries(
        adapters.map((adapter) => {
          const prefix = `${adapter.code}_SANDBOX_`;
          const own = Object.fromEntries(Object.entries(adapter.sandbox.variables ?? {}).map(([name, schema]) => [`${prefix}${name}`, schema]));
          const parsed = z.object({ [`${prefix}PORT`]: z.coerce.number().int().min(0).max(65535).default(adapter.sandbox.defaultPort), ...own }).safeParse(env);
          if (!parsed.success) {
            problems.push(...configProblemsOf(parsed.error));
            return [adapter.code, null];
          }
          const values = Object.fromEntries(Object.keys(adapter.sandbox.variables ?? {}).map((name) => [name, parsed.data[`${prefix}${name}`]]));
          const faults = faultsFor(adapter.code, env, problems);
          return [adapter.code, { port: parsed.data[`${prefix}PORT`] as number, faults, options: adapter.sandbox.options?.(values) ?? {} }];
        }),
      );
      if (problems.length) throw new ConfigError(problems);
      return settings as Record<CodeOf<A>, SandboxSettings>;
    },
  };
}

/** The registry's sandboxes: `config.get(sandboxSettings)`. */
export const sandboxSettings = sandboxSettingsSection(MARKETPLACE_ADAPTERS);
