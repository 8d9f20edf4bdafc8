/**
 * Connector settings from the environment. With nothing set, both connectors point at the local
 * sandboxes (`npm start` runs them) with the sandboxes' own credentials; pointing a connector at the
 * real marketplace is setting its base URL and credentials:
 *
 * | variable | default |
 * |---|---|
 * | VOSO_BASE_URL | http://127.0.0.1:4101 (the voso sandbox) |
 * | VOSO_CLIENT_ID / VOSO_CLIENT_SECRET | the sandbox client |
 * | POSTMART_BASE_URL | http://127.0.0.1:4102 (the postmart sandbox) |
 * | POSTMART_PARTNER_ID / POSTMART_PARTNER_KEY / POSTMART_SHOP_ID | the sandbox partner and shop |
 * | VOSO_TIMEOUT_MS, POSTMART_TIMEOUT_MS | 10000 (per request) |
 * | VOSO_MAX_SOCKETS, POSTMART_MAX_SOCKETS | 32 |
 * | VOSO_SANDBOX_PORT, POSTMART_SANDBOX_PORT | 4101, 4102 (where `npm start` runs the sandboxes) |
 *
 * A non-local base URL with the sandbox credentials is refused: it would be a half-done switch.
 */
import { z } from 'zod';
import { ConfigError } from '../../core/config.js';
import type { PostmartSettings } from '../postmart/adapter.js';
import type { VosoSettings } from '../voso/adapter.js';
import type { MarketplaceCode } from './contract.js';

export const DEFAULT_SANDBOX_PORTS = { voso: 4101, postmart: 4102 } as const;

/** Credentials the sandboxes accept by default, and the connectors use by default. */
export const SANDBOX_CREDENTIALS = {
  voso: { clientId: 'hub-sandbox', clientSecret: 'voso-sandbox-secret' },
  postmart: { partnerId: '2001', partnerKey: 'postmart-sandbox-partner-key', shopId: '5001' },
} as const;

export interface ConnectorSettings {
  voso: VosoSettings;
  postmart: PostmartSettings;
}

const port = z.coerce.number().int().min(0).max(65535);
const timeout = z.coerce.number().int().positive().default(10_000);
const sockets = z.coerce.number().int().positive().default(32);

const envSchema = z.object({
  VOSO_SANDBOX_PORT: port.default(DEFAULT_SANDBOX_PORTS.voso),
  POSTMART_SANDBOX_PORT: port.default(DEFAULT_SANDBOX_PORTS.postmart),
  VOSO_BASE_URL: z.string().url().optional(),
  VOSO_CLIENT_ID: z.string().min(1).default(SANDBOX_CREDENTIALS.voso.clientId),
  VOSO_CLIENT_SECRET: z.string().min(1).default(SANDBOX_CREDENTIALS.voso.clientSecret),
  VOSO_TIMEOUT_MS: timeout,
  VOSO_MAX_SOCKETS: sockets,
  POSTMART_BASE_URL: z.string().url().optional(),
  POSTMART_PARTNER_ID: z.string().min(1).default(SANDBOX_CREDENTIALS.postmart.partnerId),
  POSTMART_PARTNER_KEY: z.string().min(1).default(SANDBOX_CREDENTIALS.postmart.partnerKey),
  POSTMART_SHOP_ID: z.string().min(1).default(SANDBOX_CREDENTIALS.postmart.shopId),
  POSTMART_TIMEOUT_MS: timeout,
  POSTMART_MAX_SOCKETS: sockets,
});

export interface SandboxPorts {
  vosoPort: number;
  postmartPort: number;
}

export function sandboxPortsFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxPorts {
  const parsed = parseEnv(env);
  return { vosoPort: parsed.VOSO_SANDBOX_PORT, postmartPort: parsed.POSTMART_SANDBOX_PORT };
}

export function connectorSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ConnectorSettings {
  const e = parseEnv(env);
  const settings: ConnectorSettings = {
    voso: {
      baseUrl: e.VOSO_BASE_URL ?? `http://127.0.0.1:${e.VOSO_SANDBOX_PORT}`,
      clientId: e.VOSO_CLIENT_ID,
      clientSecret: e.VOSO_CLIENT_SECRET,
      timeoutMs: e.VOSO_TIMEOUT_MS,
      maxSockets: e.VOSO_MAX_SOCKETS,
    },
    postmart: {
      baseUrl: e.POSTMART_BASE_URL ?? `http://127.0.0.1:${e.POSTMART_SANDBOX_PORT}`,
      partnerId: e.POSTMART_PARTNER_ID,
      partnerKey: e.POSTMART_PARTNER_KEY,
      shopId: e.POSTMART_SHOP_ID,
      timeoutMs: e.POSTMART_TIMEOUT_MS,
      maxSockets: e.POSTMART_MAX_SOCKETS,
    },
  };
  const problems: string[] = [];
  if (!isLocal(settings.voso.baseUrl) && settings.voso.clientSecret === SANDBOX_CREDENTIALS.voso.clientSecret) {
    problems.push('VOSO_CLIENT_ID/VOSO_CLIENT_SECRET: VOSO_BASE_URL points away from the sandbox but the credentials are the sandbox ones; set the real ones');
  }
  if (!isLocal(settings.postmart.baseUrl) && settings.postmart.partnerKey === SANDBOX_CREDENTIALS.postmart.partnerKey) {
    problems.push('POSTMART_PARTNER_ID/POSTMART_PARTNER_KEY/POSTMART_SHOP_ID: POSTMART_BASE_URL points away from the sandbox but the credentials are the sandbox ones; set the real ones');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}

function parseEnv(env: NodeJS.ProcessEnv) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

/** Whether a base URL is on this machine (the sandboxes), for the "running against sandboxes" notice. */
export function isLocal(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

/** One line per connector saying where it points, e.g. for `npm start`'s banner. */
export function describeConnectorTargets(settings: ConnectorSettings): Record<MarketplaceCode, string> {
  const describe = (url: string) => `${url}${isLocal(url) ? ' (local sandbox)' : ''}`;
  return { VOSO: describe(settings.voso.baseUrl), POSTMART: describe(settings.postmart.baseUrl) };
}
