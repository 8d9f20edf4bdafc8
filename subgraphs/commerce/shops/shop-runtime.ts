import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { ConnectorSettings } from '../../../connectors/marketplace/registry.js';
import type { SecretBox } from '../../../core/crypto/secret-box.js';
import type { ShopSettings } from './shop-settings.js';

/** What the shop commands need from the configuration: the connector settings, the shop settings and the token box. */
export interface ShopRuntime {
  connectors: ConnectorSettings;
  settings: ShopSettings;
  box: SecretBox;
}

// Keyed by the ORM's configuration, which every fork of its EntityManager shares: resolvers only hold
// `context.em`, and two subgraphs in one process (tests) keep their own settings.
const runtimes = new WeakMap<object, ShopRuntime>();

export function registerShopRuntime(orm: MikroORM, runtime: ShopRuntime): void {
  runtimes.set(orm.config, runtime);
}

export function shopRuntimeOf(em: EntityManager): ShopRuntime {
  const runtime = runtimes.get(em.config);
  if (!runtime) throw new Error('the commerce shops part has not been started (its routes register the runtime)');
  return runtime;
}
