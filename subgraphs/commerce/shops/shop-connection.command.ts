import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { AnyMarketplaceAdapter } from '../../../connectors/marketplace/adapter.js';
import { ConnectorError } from '../../../connectors/marketplace/contract.js';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';
import type { Viewer } from '../../../core/auth/viewer.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { requireProducerSteward } from '../catalogue/catalogue-access.rules.js';
import { loadProducerAccess } from '../catalogue/producer-access.query.js';
import type { Marketplace } from '../catalogue/marketplace.js';
import { Producer } from '../catalogue/producer.entity.js';
import { ShopConnection, ShopConnectionStatus } from './shop-connection.entity.js';
import { storeGrant } from './shop-connector-pool.js';
import type { ShopRuntime } from './shop-runtime.js';

/** How long the seller has to approve at the marketplace. */
export const AUTHORIZATION_WINDOW_MS = 15 * 60_000;

const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

function adapterOf(marketplace: Marketplace): AnyMarketplaceAdapter {
  const adapter = MARKETPLACE_ADAPTERS.find((a) => a.code === marketplace);
  if (!adapter) throw invalidInput(`Unknown marketplace ${marketplace}.`, 'input.marketplace');
  return adapter;
}

async function producerToConnect(em: EntityManager, viewer: Viewer | null, producerId: string): Promise<Producer> {
  const producer = await em.findOne(Producer, { id: producerId });
  if (!producer) throw invalidInput(`No producer has id "${producerId}": check the id.`, 'input.producerId');
  requireProducerSteward(viewer, await loadProducerAccess(em, viewer), producer, 'connect its marketplace shops');
  return producer;
}

async function connectionOf(em: EntityManager, producerId: string, marketplace: Marketplace): Promise<ShopConnection> {
  const existing = await em.findOne(ShopConnection, { producerId, marketplace });
  if (existing) return existing;
  return em.create(ShopConnection, { id: randomUUID(), producerId, marketplace, status: ShopConnectionStatus.PENDING, generation: 0, updatedAt: new Date() });
}

/**
 * Starts an OAuth2 authorization-code authorisation: a fresh `state` (only its hash is stored,
 * single use, 15 minutes) and the marketplace's consent URL to send the seller to. A connection
 * already CONNECTED keeps working until the new authorisation completes.
 */
export async function startShopAuthorization(
  em: EntityManager,
  viewer: Viewer | null,
  runtime: ShopRuntime,
  producerId: string,
  marketplace: Marketplace,
): Promise<{ authorizeUrl: string; expiresAt: Date; connection: ShopConnection }> {
  const adapter = adapterOf(marketplace);
  const shops = adapter.shops;
  if (shops?.kind !== 'AUTHORIZATION_CODE') {
    throw invalidInput(`${adapter.title} shops are not authorised by a redirect${shops ? ': use connectShop with the shop id' : ' (one shop for the whole hub)'}.`, 'input.marketplace');
  }
  return em.transactional(async (tx) => {
    await producerToConnect(tx, viewer, producerId);
    const connection = await connectionOf(tx, producerId, marketplace);
    const state = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + AUTHORIZATION_WINDOW_MS);
    connection.authStateHash = hashState(state);
    connection.authStateExpiresAt = expiresAt;
    connection.updatedAt = new Date();
    const authorizeUrl = shops.authorizeUrl(runtime.connectors[marketplace as keyof typeof runtime.connectors], { state, redirectUri: runtime.settings.callbackUrl });
    return { authorizeUrl, expiresAt, connection };
  });
}

/** Why a callback is refused; the route answers 400 with it (no token, no personal data). */
export class CallbackRefused extends Error {
  override readonly name = 'CallbackRefused';
}

/**
 * The marketplace sent the seller back: the state must be one the hub issued (unused, in time);
 * the code is traded for the shop's tokens, sealed and stored. A denial or a refused code leaves
 * an existing connection as it was and says why on it.
 */
export async function completeShopAuthorization(em: EntityManager, runtime: ShopRuntime, callback: { state?: string; code?: string; error?: string }): Promise<ShopConnection> {
  if (!callback.state) throw new CallbackRefused('The callback carries no state: start the authorisation from the hub (startShopAuthorization).');
  const stateHash = hashState(callback.state);
  const found = await em.fork().findOne(ShopConnection, { authStateHash: stateHash, authStateExpiresAt: { $gt: new Date() } });
  // Claim the state in its own conditional write: a replayed or concurrent callback finds nothing.
  const claimed = found ? await em.fork().nativeUpdate(ShopConnection, { id: found.id, authStateHash: stateHash }, { authStateHash: null, authStateExpiresAt: null }) : 0;
  if (!found || claimed !== 1) throw new CallbackRefused('Unknown, used or expired state: start the authorisation again from the hub.');
  const adapter = adapterOf(found.marketplace);
  const fork = em.fork();
  const connection = await fork.findOneOrFail(ShopConnection, found.id);
  const refuse = async (reason: string): Promise<never> => {
    connection.lastError = reason.slice(0, 1000);
    connection.updatedAt = new Date();
    await fork.flush();
    throw new CallbackRefused(reason);
  };
  if (callback.error || !callback.code) return refuse(`The seller did not authorise the hub at ${adapter.title} (${callback.error ?? 'no code'}): start again when ready.`);
  if (adapter.shops?.kind !== 'AUTHORIZATION_CODE') return refuse(`${adapter.title} shops are not authorised by a redirect.`);
  try {
    const grant = await adapter.shops.exchangeCode(runtime.connectors[found.marketplace as keyof typeof runtime.connectors], { code: callback.code, redirectUri: runtime.settings.callbackUrl });
    storeGrant(connection, grant, runtime.box, new Date());
    connection.connectedAt = new Date();
  } catch (error) {
    if (error instanceof ConnectorError) return refuse(`${adapter.title} refused the authorisation: ${error.message}`);
    throw error;
  }
  await fork.flush();
  return connection;
}

/**
 * Connects a shop whose marketplace authorises by shop id (postmart): the seller has authorised the
 * hub's partner for the shop at the marketplace; one signed read proves it before it is stored.
 */
export async function connectShopById(
  em: EntityManager,
  viewer: Viewer | null,
  runtime: ShopRuntime,
  producerId: string,
  marketplace: Marketplace,
  shopId: string,
): Promise<ShopConnection> {
  const adapter = adapterOf(marketplace);
  const shops = adapter.shops;
  if (shops?.kind !== 'SHOP_ID') throw invalidInput(`${adapter.title} shops ${shops ? 'authorise by a redirect: use startShopAuthorization' : 'are not authorised per producer (one shop for the whole hub)'}.`, 'input.marketplace');
  const trimmed = shopId.trim();
  if (!/^[0-9]{1,12}$/.test(trimmed)) throw invalidInput(`"${shopId}" is not a ${adapter.title} shop id: give the digits shown in the seller centre.`, 'input.shopId');
  await producerToConnect(em, viewer, producerId);
  try {
    await shops.verify(runtime.connectors[marketplace as keyof typeof runtime.connectors], trimmed);
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === 'AUTH') {
      throw invalidInput(`${adapter.title} refused the hub for shop ${trimmed} (${error.message}): authorise the hub's partner for this shop in the seller centre first.`, 'input.shopId', { marketplace });
    }
    throw error;
  }
  return em.transactional(async (tx) => {
    const connection = await connectionOf(tx, producerId, marketplace);
    storeGrant(connection, { shopId: trimmed, accessToken: null, refreshToken: null, accessExpiresAt: null, refreshExpiresAt: null }, runtime.box, new Date());
    connection.connectedAt = new Date();
    return connection;
  });
}
