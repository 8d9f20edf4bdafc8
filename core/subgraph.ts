import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Registry } from 'prom-client';
import type { Express } from 'express';
import type { Command } from 'commander';
import type { NonEmptyArray } from 'type-graphql';
import type { ConfigSection, HubConfig } from './config.js';
import type { DatabaseDefinition, LazyDatabaseDefinition } from './db/database.js';
import type { ReferenceResolver } from './graphql/federated-schema.js';
import type { Logger } from './logger.js';
import type { TokenVerifier } from './auth/tokens.js';

export interface SubgraphRuntime {
  config: HubConfig;
  orm: MikroORM;
  logger: Logger;
  verifyToken: TokenVerifier;
  /** The subgraph's Prometheus registry (served at /metrics): parts add their own metrics to it. */
  metrics: Registry;
}

/** Something a subgraph runs beside its HTTP server (a sync worker, a status sweeper). */
export interface BackgroundTask {
  /** Stops; `graceMs`: work in flight may take this long to finish before it is interrupted (SIGTERM drain). */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** What a `hub` command of a subgraph gets: configuration on demand, and the subgraph's definition. */
export interface CommandContext {
  /** The validated configuration, read when a command runs (so `hub --help` works with a broken env). */
  config(): HubConfig;
  /** The subgraph the command belongs to: its database (loaded when opened) and settings (not its GraphQL layer). */
  subgraph: SubgraphDefinition;
}

/** Adds one or more `hub` commands to the program. */
export type CommandRegistration = (program: Command, context: CommandContext) => void;

/**
 * A subgraph without its GraphQL layer: its tables (entities and migrations, loaded when its
 * database is opened), the configuration sections its parts read, and its `hub` commands. Each
 * subgraph's `definition.ts` builds one; the CLI and the configuration load only these, so a
 * command such as `hub reconcile` carries no resolvers, and its own code, the ORM and the tables
 * are loaded when it runs.
 */
export interface SubgraphDefinition {
  /** Its name in the subgraph registry (subgraphs/registry.ts). */
  name: string;
  /** Its tables, loaded by `openDatabase` (or `database.load()`), not with the definition. */
  database: LazyDatabaseDefinition;
  /** Configuration sections its parts read (`config.get(section)`), validated at start with core's. */
  settings: ConfigSection<unknown>[];
  /** `hub` CLI commands this subgraph contributes. */
  commands: CommandRegistration[];
}

/** Adds a subgraph's commands to the program, each with its context. */
export function registerSubgraphCommands(program: Command, subgraph: SubgraphDefinition, config: () => HubConfig): void {
  for (const register of subgraph.commands) register(program, { config, subgraph });
}

/** A subgraph's tables: what its `tables.ts` exports. */
export interface SubgraphTables {
  entities: DatabaseDefinition['entities'];
  migrations: DatabaseDefinition['migrations'];
}

/**
 * A subgraph's definition. `tables` loads its entities and migrations (`() => import('./tables.js')`):
 * they bring MikroORM with them, so they are loaded when the database is opened, not with the
 * definition. An entity listed twice fails the load.
 */
export function defineSubgraph(definition: {
  name: string;
  tables: () => Promise<SubgraphTables>;
  settings?: ConfigSection<unknown>[];
  commands?: CommandRegistration[];
}): SubgraphDefinition {
  const { name, tables } = definition;
  let loaded: Promise<DatabaseDefinition> | undefined;
  const load = async (): Promise<DatabaseDefinition> => {
    const { entities, migrations } = await tables();
    if (new Set(entities).size !== entities.length) throw new Error(`Subgraph ${name} lists an entity twice`);
    return { name, entities, migrations };
  };
  return { name, database: { name, load: () => (loaded ??= load()) }, settings: definition.settings ?? [], commands: definition.commands ?? [] };
}

/**
 * A subgraph as its server runs it: its definition and the union of its parts' GraphQL layer,
 * seeds, routes, background work and metrics. Each subgraph's `index.ts` builds one of these.
 */
export interface SubgraphModule extends SubgraphDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: Record<string, ReferenceResolver>;
  /** Loads the pilot data of the embedded default. Must be idempotent. */
  seedPilot?(em: EntityManager, config: HubConfig): Promise<void>;
  /** Plain HTTP routes beside /graphql (e.g. a device heartbeat ingest). */
  routes?(app: Express, runtime: SubgraphRuntime): void;
  /** Work that runs while the subgraph runs, stopped on shutdown. */
  background?(runtime: SubgraphRuntime): Promise<BackgroundTask>;
  /** Adds the subgraph's own Prometheus metrics to `runtime.metrics` (served at /metrics). */
  metrics?(runtime: SubgraphRuntime): void;
}

/**
 * One area of a subgraph (e.g. governance's units, or its documents and dossiers): its resolvers
 * and what runs beside them. Its entities are listed in the subgraph's `tables.ts`, its settings
 * and commands in its `definition.ts`, which loads without them. A subgraph is the union of its parts; see `composeSubgraph`.
 */
export interface SubgraphPart {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers?: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: Record<string, ReferenceResolver>;
  seedPilot?(em: EntityManager, config: HubConfig): Promise<void>;
  routes?(app: Express, runtime: SubgraphRuntime): void;
  background?(runtime: SubgraphRuntime): Promise<BackgroundTask>;
  /** This part's Prometheus metrics, added to `runtime.metrics`. */
  metrics?(runtime: SubgraphRuntime): void;
}

export function composeSubgraph(definition: SubgraphDefinition, parts: SubgraphPart[]): SubgraphModule {
  const resolvers = parts.flatMap((p) => p.resolvers ?? []);
  if (!resolvers.length) throw new Error(`Subgraph ${definition.name} has no resolvers`);
  return {
    ...definition,
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: resolvers as NonEmptyArray<Function>,
    orphanedTypes: parts.flatMap((p) => p.orphanedTypes ?? []),
    referenceResolvers: Object.assign({}, ...parts.map((p) => p.referenceResolvers ?? {})),
    async seedPilot(em, config) {
      // Parts seed in order; each gets a clean fork so one part's identity map never leaks into another.
      for (const part of parts) await part.seedPilot?.(em.fork(), config);
    },
    routes(app, runtime) {
      for (const part of parts) part.routes?.(app, runtime);
    },
    async background(runtime) {
      const tasks: BackgroundTask[] = [];
      for (const part of parts) if (part.background) tasks.push(await part.background(runtime));
      return { stop: async (options) => void (await Promise.all(tasks.map((t) => t.stop(options)))) };
    },
    metrics(runtime) {
      for (const part of parts) part.metrics?.(runtime);
    },
  };
}
