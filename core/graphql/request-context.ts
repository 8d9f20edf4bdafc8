import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { VerifiedAssertion } from '../auth/gateway-assertion.js';
import type { HubConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { SubgraphContext } from './context.js';

interface Lazy {
  orm: MikroORM;
  parent: Logger;
  em?: EntityManager;
  logger?: Logger;
}

/**
 * A subgraph request's context. Its EntityManager fork and its child logger are made on first use:
 * a lookup answered from the unit registry in memory needs neither, and a fork (identity map, unit
 * of work, their bookkeeping) was a tenth of such a request's CPU. The getters live on the class and
 * read shared state, so a context derived with `Object.create(context)` shares the fork and logger.
 * One class for every request keeps resolvers' property reads monomorphic.
 */
class RequestContext {
  constructor(private readonly lazy: Lazy) {}

  get em(): EntityManager {
    return (this.lazy.em ??= this.lazy.orm.em.fork());
  }

  get registryEm(): EntityManager {
    return this.lazy.orm.em;
  }

  get logger(): Logger {
    const lazy = this.lazy;
    return (lazy.logger ??= lazy.parent.child({ requestId: (this as unknown as SubgraphContext).requestId }));
  }
}

/** The context of one /graphql request, from what the gateway verified (the viewer, its request id): never the caller's word. */
export function createRequestContext(orm: MikroORM, logger: Logger, config: HubConfig, assertion: VerifiedAssertion): SubgraphContext {
  return Object.assign(new RequestContext({ orm, parent: logger }), {
    viewer: assertion.viewer,
    requestId: assertion.requestId,
    callerRequestId: assertion.callerRequestId,
    clientAddress: assertion.clientAddress,
    config,
    loaders: new Map(),
    atEnd: new Map(),
  });
}
