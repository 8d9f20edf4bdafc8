import { ConnectorError, type MarketplaceConnector } from '../../../connectors/marketplace/contract.js';

/**
 * Wraps a shop's connector so that every refusal of its credentials (AUTH) goes through `onRefused`
 * first (which marks the connection and words the error for the producer). Other failures pass
 * unchanged: the engine's retries decide about those.
 */
export function guardShopConnector(connector: MarketplaceConnector, onRefused: (error: ConnectorError) => Promise<ConnectorError>): MarketplaceConnector {
  return new Proxy(connector, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          if (error instanceof ConnectorError && error.kind === 'AUTH') throw await onRefused(error);
          throw error;
        }
      };
    },
  });
}
