import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Registry } from 'prom-client';
import type { Express } from 'express';
import type { Command } from 'commander';
import type { NonEmptyArray } from 'type-graphql';
import type { ConfigSection, HubConfig } from './config.js';
import type { DatabaseDefinition } from './db/database.js';
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

/** What a `hub` command of a subgraph gets: configuration on demand, and the composed subgraph. */
export interface CommandContext {
  /** The validated configuration, read when a command runs (so `hub --help` works with a broken env). */
  config(): HubConfig;
  /** The subgraph the command belongs to, as composed: its database definition, its parts. */
  subgraph: SubgraphModule;
}

/**
 * What a subgraph folder exports: everything the shared server, the CLI and the schema tooling
 * need to know about it. Each subgraph's `index.ts` builds one of these.
 */
export interface SubgraphModule {
  /** Its name in the subgraph registry (subgraphs/registry.ts). */
  name: string;
  database: DatabaseDefinition;
  /** Configuration sections its parts read (`config.get(section)`), validated at start with core's. */
  settings: ConfigSection<unknown>[];
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
  /** `hub` CLI commands this subgraph contributes. */
  commands?(program: Command, context: Omit<CommandContext, 'subgraph'>): void;
}

/**
 * One area of a subgraph (e.g. governance's units, or its documents and dossiers), owning its own
 * entities and resolvers. A subgraph is the union of its parts; see `composeSubgraph`.
 */
export interface SubgraphPart {
  entities?: DatabaseDefinition['entities'];
  /** Configuration sections this part reads. */
  settings?: ConfigSection<unknown>[];
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
  /** `hub` CLI commands of this part; the context carries the composed subgraph (no import of the index back). */
  commands?(program: Command, context: CommandContext): void;
}

export function composeSubgraph(
  name: string,
  migrations: DatabaseDefinition['migrations'],
  parts: SubgraphPart[],
): SubgraphModule {
  const resolvers = parts.flatMap((p) => p.resolvers ?? []);
  if (!resolvers.length) throw new Error(`Subgraph ${name} has no resolvers`);
  const module: SubgraphModule = {
    name,
    // A part lists every entity it reads, so two parts may name the same one.
    database: { name, entities: [...new Set(parts.flatMap((p) => p.entities ?? []))], migrations },
    settings: [...new Set(parts.flatMap((p) => p.settings ?? []))],
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
    commands(program, context) {
      for (const part of parts) part.commands?.(program, { ...context, subgraph: module });
    },
  };
  return module;
}
