import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the hub reads from the environment, validated once at start so that a typo fails
 * with a message naming the variable instead of surfacing later as a confusing runtime error.
 */
const portSchema = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.string().url().optional();

export const SUBGRAPH_NAMES = ['governance', 'society', 'devices', 'commerce'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  governance: 4001,
  society: 4002,
  devices: 4003,
  commerce: 4004,
};

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HUB_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PORT: portSchema.default(4000),
  HOST: z.string().default('0.0.0.0'),
  GOVERNANCE_PORT: portSchema.default(DEFAULT_SUBGRAPH_PORTS.governance),
  SOCIETY_PORT: portSchema.default(DEFAULT_SUBGRAPH_PORTS.society),
  DEVICES_PORT: portSchema.default(DEFAULT_SUBGRAPH_PORTS.devices),
  COMMERCE_PORT: portSchema.default(DEFAULT_SUBGRAPH_PORTS.commerce),
  GOVERNANCE_URL: optionalUrl,
  SOCIETY_URL: optionalUrl,
  DEVICES_URL: optionalUrl,
  COMMERCE_URL: optionalUrl,
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  GOVERNANCE_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  SOCIETY_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  DEVICES_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  COMMERCE_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_JWKS_URL: optionalUrl,
  AUTH_ALGORITHM: z.enum(['RS256', 'ES256', 'EdDSA']).default('RS256'),
  AUTH_ISSUER: z.string().default('commune-hub'),
  AUTH_AUDIENCE: z.string().default('commune-hub'),
  /** Default: 'pilot' in embedded mode (no DATABASE_URL), 'none' with PostgreSQL. */
  HUB_SEED: z.enum(['pilot', 'none']).optional(),
});

export type HubConfig = z.infer<typeof envSchema> & { dataDir: string; seedPilot: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nFix these environment variables (see the README's configuration table) and start again.`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.AUTH_SECRET && !config.AUTH_PUBLIC_KEY && !config.AUTH_JWKS_URL) {
    throw new ConfigError(['AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_SECRET: production needs a token verification key; the generated embedded secret is for development only']);
  }
  return { ...config, dataDir: path.resolve(config.HUB_DATA_DIR), seedPilot: (config.HUB_SEED ?? (config.DATABASE_URL ? 'none' : 'pilot')) === 'pilot' };
}

export function subgraphPort(config: HubConfig, name: SubgraphName): number {
  return config[`${name.toUpperCase()}_PORT` as `${Uppercase<SubgraphName>}_PORT`];
}

/** The gateway's deadline for one call to this subgraph: `<NAME>_TIMEOUT_MS`, else SUBGRAPH_TIMEOUT_MS. */
export function subgraphTimeoutMs(config: HubConfig, name: string): number {
  const key = `${name.toUpperCase()}_TIMEOUT_MS` as `${Uppercase<SubgraphName>}_TIMEOUT_MS`;
  return (SUBGRAPH_NAMES as readonly string[]).includes(name) ? (config[key] ?? config.SUBGRAPH_TIMEOUT_MS) : config.SUBGRAPH_TIMEOUT_MS;
}

export function subgraphUrlOverride(config: HubConfig, name: SubgraphName): string | undefined {
  return config[`${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`];
}
