import path from 'node:path';
import { z } from 'zod';
import { ConfigError, configProblemsOf, type ConfigSection } from './config-section.js';

export { ConfigError, configProblemsOf, defineConfigSection, type ConfigSection } from './config-section.js';

/**
 * Every setting the hub reads from the environment, validated once at start so that a typo fails
 * with a message naming the variable instead of surfacing later as a confusing runtime error. Core
 * owns the generic variables below; the per-subgraph ones derive from the subgraph registry
 * (`subgraphs/registry.ts`), and modules add their own sections (`ConfigSection`).
 */
const portSchema = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.string().url().optional();

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
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_PUBLIC_KEY: z.string().optional(),
  AUTH_JWKS_URL: optionalUrl,
  AUTH_ALGORITHM: z.enum(['RS256', 'ES256', 'EdDSA']).default('RS256'),
  AUTH_ISSUER: z.string().default('commune-hub'),
  AUTH_AUDIENCE: z.string().default('commune-hub'),
  /** Default: 'pilot' in embedded mode (no DATABASE_URL), 'none' with PostgreSQL. */
  HUB_SEED: z.enum(['pilot', 'none']).optional(),
});

/** One entry of the subgraph registry: its name and the port it listens on by default. */
export interface SubgraphEntry {
  readonly name: string;
  readonly defaultPort: number;
}

/** Where one subgraph listens and how the gateway reaches it: `<NAME>_PORT`, `<NAME>_URL`, `<NAME>_TIMEOUT_MS`. */
export interface SubgraphEndpoint {
  port: number;
  /** Overrides the supergraph's routing URL. */
  url?: string;
  /** The gateway's deadline for one call (default SUBGRAPH_TIMEOUT_MS). */
  timeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

export type HubConfig = z.infer<typeof envSchema> & {
  dataDir: string;
  seedPilot: boolean;
  /** Per registered subgraph, by name. */
  subgraphs: Readonly<Record<string, SubgraphEndpoint>>;
  /** The settings of a module's section, validated at start (or now, from the start-up snapshot of the environment). */
  get<T>(section: ConfigSection<T>): T;
  /** The same configuration with one section's settings replaced (e.g. connectors pointed at sandboxes started on free ports). */
  with<T>(section: ConfigSection<T>, settings: T): HubConfig;
};

export interface LoadConfigOptions {
  /** The subgraph registry: each entry gets its `<NAME>_PORT`, `<NAME>_URL` and `<NAME>_TIMEOUT_MS`. */
  subgraphs?: readonly SubgraphEntry[];
  /** Module sections validated now, with core's (their problems are reported together). */
  sections?: readonly ConfigSection<unknown>[];
}

function envName(subgraph: string, suffix: string): string {
  return `${subgraph.toUpperCase()}_${suffix}`;
}

function subgraphEndpoints(entries: readonly SubgraphEntry[], env: Env, defaultTimeoutMs: number | undefined) {
  const shape: z.ZodRawShape = {};
  for (const { name, defaultPort } of entries) {
    shape[envName(name, 'PORT')] = portSchema.default(defaultPort);
    shape[envName(name, 'URL')] = optionalUrl;
    shape[envName(name, 'TIMEOUT_MS')] = z.coerce.number().int().positive().optional();
  }
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) return { problems: configProblemsOf(parsed.error), endpoints: {} };
  const values = parsed.data as Record<string, number | string | undefined>;
  const endpoints = Object.fromEntries(
    entries.map(({ name }) => [
      name,
      {
        port: values[envName(name, 'PORT')] as number,
        url: values[envName(name, 'URL')] as string | undefined,
        timeoutMs: (values[envName(name, 'TIMEOUT_MS')] as number | undefined) ?? defaultTimeoutMs ?? 10_000,
      },
    ]),
  );
  return { problems: [] as string[], endpoints };
}

/**
 * Validates the environment once, at start-up, and keeps a snapshot of it: nothing reads
 * `process.env` afterwards. Every problem (core, subgraph endpoints, module sections) is reported in
 * one ConfigError naming each variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): HubConfig {
  const snapshot: Env = Object.freeze({ ...env });
  const problems: string[] = [];
  const parsed = envSchema.safeParse(snapshot);
  if (!parsed.success) problems.push(...configProblemsOf(parsed.error));
  const endpoints = subgraphEndpoints(options.subgraphs ?? [], snapshot, parsed.data?.SUBGRAPH_TIMEOUT_MS);
  problems.push(...endpoints.problems);
  const settings = new Map<ConfigSection<unknown>, unknown>();
  for (const section of options.sections ?? []) {
    try {
      settings.set(section, section.parse(snapshot));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.AUTH_SECRET && !config.AUTH_PUBLIC_KEY && !config.AUTH_JWKS_URL) {
    throw new ConfigError(['AUTH_JWKS_URL, AUTH_PUBLIC_KEY or AUTH_SECRET: production needs a token verification key; the generated embedded secret is for development only']);
  }
  const base = {
    ...config,
    dataDir: path.resolve(config.HUB_DATA_DIR),
    seedPilot: (config.HUB_SEED ?? (config.DATABASE_URL ? 'none' : 'pilot')) === 'pilot',
    subgraphs: endpoints.endpoints,
  };
  return withSettings(base, snapshot, settings);
}

function withSettings(base: Omit<HubConfig, 'get' | 'with'>, snapshot: Env, settings: Map<ConfigSection<unknown>, unknown>): HubConfig {
  return {
    ...base,
    get<T>(section: ConfigSection<T>): T {
      if (!settings.has(section)) settings.set(section, section.parse(snapshot));
      return settings.get(section) as T;
    },
    with<T>(section: ConfigSection<T>, value: T): HubConfig {
      return withSettings(base, snapshot, new Map(settings).set(section, value));
    },
  };
}

function endpoint(config: HubConfig, name: string): SubgraphEndpoint {
  const found = config.subgraphs[name];
  if (!found) throw new Error(`Subgraph "${name}" is not in the subgraph registry this configuration was loaded with (subgraphs/registry.ts).`);
  return found;
}

export function subgraphPort(config: HubConfig, name: string): number {
  return endpoint(config, name).port;
}

/** The gateway's deadline for one call to this subgraph: `<NAME>_TIMEOUT_MS`, else SUBGRAPH_TIMEOUT_MS. */
export function subgraphTimeoutMs(config: HubConfig, name: string): number {
  return config.subgraphs[name]?.timeoutMs ?? config.SUBGRAPH_TIMEOUT_MS;
}
