/**
 * Channel settings, derived from the messaging registry: for each channel `<CODE>` (SMS, ZALO),
 *
 * | variable | default |
 * |---|---|
 * | `<CODE>_BASE_URL` | `http://127.0.0.1:<CODE>_SANDBOX_PORT` (its local sandbox) |
 * | `<CODE>_TIMEOUT_MS` | 10000 (per request) |
 * | `<CODE>_SANDBOX_PORT` | the adapter's (SMS 4111, ZALO 4112) |
 * | the adapter's own (`SMS_API_KEY`, `SMS_BRANDNAME`, `ZALO_ACCESS_TOKEN`) | the sandbox's credentials |
 *
 * Each adapter's rules refuse a half-done switch (a real URL with the sandbox's credentials).
 */
import { z } from 'zod';
import { ConfigError, defineConfigSection } from '../../core/config.js';
import { isLocal } from '../marketplace/settings.js';
import type { AnyChannelAdapter } from './adapter.js';
import { CHANNEL_ADAPTERS, type ChannelSettings } from './registry.js';

function adapterVariables(adapter: AnyChannelAdapter): z.ZodRawShape {
  const own = Object.fromEntries(Object.entries(adapter.variables).map(([name, schema]) => [`${adapter.code}_${name}`, schema]));
  return {
    [`${adapter.code}_BASE_URL`]: z.string().url().optional(),
    [`${adapter.code}_TIMEOUT_MS`]: z.coerce.number().int().positive().default(10_000),
    [`${adapter.code}_SANDBOX_PORT`]: z.coerce.number().int().min(0).max(65535).default(adapter.sandbox.defaultPort),
    ...own,
  };
}

/** `config.get(messagingSettings)`: the settings of every channel, by code. */
export const messagingSettings = defineConfigSection('messaging channels', Object.assign({}, ...CHANNEL_ADAPTERS.map(adapterVariables)) as z.ZodRawShape, (values) => {
  const v = values as Record<string, unknown>;
  const problems: string[] = [];
  const settings = Object.fromEntries(
    CHANNEL_ADAPTERS.map((adapter: AnyChannelAdapter) => {
      const c = adapter.code;
      const baseUrl = (v[`${c}_BASE_URL`] as string | undefined) ?? `http://127.0.0.1:${v[`${c}_SANDBOX_PORT`] as number}`;
      const own = Object.fromEntries(Object.keys(adapter.variables).map((name) => [name, v[`${c}_${name}`] as string]));
      const built = adapter.settings({ baseUrl, timeoutMs: v[`${c}_TIMEOUT_MS`] as number }, own);
      problems.push(...adapter.rules(built, isLocal(baseUrl)));
      return [c, built];
    }),
  );
  if (problems.length) throw new ConfigError(problems);
  return settings as ChannelSettings;
});
