import path from 'node:path';
import { z } from 'zod';
import { ConfigError, configProblemsOf, type ConfigSection } from './config-section.js';
import { isTrustedProxyEntry } from './http/trusted-proxies.js';

export { ConfigError, configProblemsOf, defineConfigSection, type ConfigSection } from './config-section.js';

/**
 * Every setting the hub reads from the environment, validated once at start so that a typo fails
 * with a message naming the variable instead of surfacing later as a confusing runtime error. Core
 * owns the generic variables below; the per-subgraph ones derive from the subgraph registry
 * (`subgraphs/registry.ts`), and modules add their own sections (`ConfigSection`).
 */
const portSchema = z.coerce.number().int().min(0).max(65535);
const optionalUrl = z.string().url().optional();

// ---------------------------------------------------------------------------------------------
// The gateway edge: operation limits, HTTP, CORS, metrics, persisted operations, and the process
// isolation of `npm start`. Defaults suit anonymous public traffic (README, "Configuration").
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const positiveInt = z.coerce.number().int().positive();
/** A comma-separated allow-list of exact origins (scheme://host[:port]), or `*` for any origin. */
const originList = z.string().transform((value, ctx) => {
  const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    let valid = origin === '*';
    try {
      valid ||= new URL(origin).origin === origin;
    } catch {
      valid = false;
    }
    if (!valid) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${origin}" is not an origin like https://app.example.vn (scheme, host, optional port, no path)` });
  }
  return origins;
});
const gatewayEdgeEnv = {
  /** Deepest field nesting an operation may have (fragments do not add depth). */
  OPERATION_MAX_DEPTH: positiveInt.default(12),
  /** Aliased fields per operation (`__typename` aliases are free). */
  OPERATION_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  OPERATION_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  /** Lexical tokens per document: parsing stops at the first one over. */
  OPERATION_MAX_TOKENS: positiveInt.default(2000),
  /** Estimated cost: each field 1, times `first`/`limit` (default 20) or 10 for other lists. Anonymous callers. */
  OPERATION_MAX_COST: positiveInt.default(10_000),
  /** The same for callers with a verified token. */
  OPERATION_MAX_COST_AUTHENTICATED: positiveInt.default(100_000),
  OPERATION_NAME_MAX_LENGTH: positiveInt.default(100),
  /** Deadline for one whole operation at the gateway; its subgraph calls are aborted when it passes. */
  OPERATION_TIMEOUT_MS: positiveInt.default(15_000),
  /** Bytes one operation may receive from subgraphs in total (bounds the gateway's memory per request). */
  OPERATION_MAX_RESPONSE_BYTES: positiveInt.default(10 * 1024 * 1024),
  HTTP_MAX_BODY_BYTES: positiveInt.default(256 * 1024),
  /** Identical subgraph reads (same subgraph, document, variables and caller headers) in flight at once go out once. */
  GATEWAY_DEDUPLICATE_QUERIES: flag.default('true'),
  /** Automatic persisted queries: size of the in-memory cache of registered queries; 0 turns APQ off. */
  APQ_CACHE_MB: z.coerce.number().min(0).default(16),
  /** Whole answers whose every part is public and cacheable (cache hints), kept in memory up to this size; 0 turns the response cache off. Default: 32 in production, 0 elsewhere (responseCacheMb). */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).optional(),
  /** Trusted documents: an Apollo persisted query manifest (JSON); `enforce` runs only its operations. */
  TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).optional(),
  TRUSTED_DOCUMENTS_MODE: z.enum(['allow', 'enforce']).default('allow'),
  /** Default: localhost origins outside production, none in production. */
  CORS_ORIGINS: originList.optional(),
  CORS_CREDENTIALS: flag.default('false'),
  /** Serve /metrics on this separate listener instead of the public port (production: only there). */
  METRICS_PORT: portSchema.optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Distinct operation names kept as metric labels; others are counted as "other". */
  METRICS_MAX_OPERATIONS: z.coerce.number().int().min(0).default(100),
  /** `npm start`: heap limit of each subgraph's own process, and the longest wait before restarting one. */
  SUBGRAPH_MAX_OLD_SPACE_MB: z.coerce.number().int().min(64).default(1024),
  SUBGRAPH_RESTART_MAX_DELAY_MS: positiveInt.default(30_000),
};

/** Settings of the gateway edge that only make sense together. */
function gatewayEdgeProblems(config: z.infer<z.ZodObject<typeof gatewayEdgeEnv>>): string[] {
  const problems: string[] = [];
  if (config.TRUSTED_DOCUMENTS_MODE === 'enforce' && !config.TRUSTED_DOCUMENTS_MANIFEST) {
    problems.push('TRUSTED_DOCUMENTS_MODE: enforce needs TRUSTED_DOCUMENTS_MANIFEST (the manifest of the operations allowed to run)');
  }
  if (config.CORS_CREDENTIALS && config.CORS_ORIGINS?.includes('*')) {
    problems.push('CORS_ORIGINS: "*" cannot be combined with CORS_CREDENTIALS=true; list the origins allowed to send credentials');
  }
  return problems;
}
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Operations: draining on SIGTERM and the PostgreSQL pool and its statements (README, "Running in production").
const operationsEnv = {
  /** On SIGTERM, /ready answers 503 at once and requests are still served this long, so a load balancer stops sending first. */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  /** Then no new connection is accepted and requests and jobs in flight get this long to finish; what remains is cut. */
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(25_000),
  /** PostgreSQL connections per subgraph process (each replica has its own pool). */
  DATABASE_POOL_MIN: z.coerce.number().int().min(0).default(0),
  DATABASE_POOL_MAX: positiveInt.default(10),
  /** PostgreSQL `statement_timeout` of every connection; 0 lets a statement run forever. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * The same for the bulk commands an operator runs (`hub reconcile`, `hub import ...`): one COPY of
   * a month's statement items may take minutes, and the serving bound would cancel it at its end.
   */
  DATABASE_BULK_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(3_600_000),
  /**
   * `off` behind PgBouncer in transaction or statement pooling: a named statement is prepared on one
   * server connection and may run on another, so raw reads there go unnamed (parsed and planned each time).
   */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(['on', 'off'], { errorMap: (_issue, ctx) => ({ message: `"${String(ctx.data)}" is not on or off (off behind PgBouncer in transaction or statement pooling)` }) })
    .default('on')
    .transform((value) => value === 'on'),
};
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Trust boundaries (README, "Trust boundaries"): how subgraphs know a request comes from the
// gateway, the token policy, and what production exposes.
/** A duration in seconds, or with a unit: `90`, `30s`, `15m`, `12h`, `7d`. */
const duration = z.string().transform((value, ctx) => {
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(value.trim());
  if (!match) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value}" is not a duration like 90, 30s, 15m, 12h or 7d` });
    return z.NEVER;
  }
  return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[(match[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
});
const trustEnv = {
  /** HS256 key (32+ characters) the gateway signs every subgraph request with; generated into the data dir outside production. */
  GATEWAY_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a gateway-signed subgraph request stays valid (seconds). */
  GATEWAY_ASSERTION_TTL: duration.default('30s'),
  /** Longest lifetime a caller's token may have (`exp - iat`, or `exp - now` without `iat`). */
  AUTH_MAX_TOKEN_LIFETIME: duration.default('12h'),
  /** Clock difference tolerated on `exp`, `nbf` and `iat` between the token issuer and the hub. */
  AUTH_CLOCK_SKEW: duration.default('30s'),
  /** Production: introspection and "Did you mean ..." suggestions are off unless set to true. */
  GRAPHQL_INTROSPECTION: flag.optional(),
  /** The local GraphQL explorer (GraphiQL) at GET /graphql: on outside production, off in production unless set to true. */
  GRAPHQL_EXPLORER: flag.optional(),
  /** Header a trusted reverse proxy puts the client address in (e.g. x-forwarded-for); unset: the socket's address. */
  TRUSTED_PROXY_HEADER: z.string().regex(/^[a-z0-9-]+$/i, 'must be an HTTP header name').transform((h) => h.toLowerCase()).optional(),
  /**
   * The proxies whose TRUSTED_PROXY_HEADER is believed, comma-separated: addresses, CIDR ranges
   * (10.0.0.0/8, fd00::/8) or proxy-addr's names (loopback, linklocal, uniquelocal). A request from
   * any other address is counted by its own address, so a client that reaches the gateway directly
   * cannot choose one. Ranges are for proxies whose addresses move (an ingress controller's pods).
   * Default: loopback, a proxy on the same host.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('loopback')
    .transform((list) => list.split(',').map((a) => a.trim()).filter(Boolean))
    .superRefine((list, ctx) => {
      for (const entry of list) {
        if (!isTrustedProxyEntry(entry)) ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address, CIDR range or one of loopback, linklocal, uniquelocal` });
      }
    }),
};
// ---------------------------------------------------------------------------------------------

const envSchema = z.object({
  ...gatewayEdgeEnv,
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
  ...operationsEnv,
  ...trustEnv,
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
  const edgeProblems = gatewayEdgeProblems(config);
  if (edgeProblems.length) throw new ConfigError(edgeProblems);
  if (config.DATABASE_POOL_MIN > config.DATABASE_POOL_MAX) {
    throw new ConfigError([`DATABASE_POOL_MIN: ${config.DATABASE_POOL_MIN} is above DATABASE_POOL_MAX (${config.DATABASE_POOL_MAX})`]);
  }
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

/** Introspection and field suggestions: on outside production, off in production unless GRAPHQL_INTROSPECTION=true. */
/**
 * The gateway's response cache size: RESPONSE_CACHE_MB, else 32 MiB in production and off
 * elsewhere, where a developer (and a test) expects to see a change the moment it is made rather
 * than up to a max-age later, and a stopped subgraph to show at once.
 */
export function responseCacheMb(config: HubConfig): number {
  return config.RESPONSE_CACHE_MB ?? (config.NODE_ENV === 'production' ? 32 : 0);
}

export function schemaDetailsVisible(config: HubConfig): boolean {
  return config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production';
}

/** The local GraphQL explorer at GET /graphql: on outside production, off in production unless GRAPHQL_EXPLORER=true. */
export function explorerEnabled(config: HubConfig): boolean {
  return config.GRAPHQL_EXPLORER ?? config.NODE_ENV !== 'production';
}
