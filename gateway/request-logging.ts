import type { ApolloServerPlugin } from '@apollo/server';
import { PUBLIC_ERROR_CODES } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { GatewayContext } from './context.js';
import type { GatewayMetrics } from './metrics.js';
import type { OperationLabels } from '../core/metrics/operation-labels.js';

/** Apollo Server's own codes a client may see besides the hub's (persisted-query protocol). */
const PROTOCOL_CODES = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * One JSON log line and the metrics of each request. Every label comes from a bounded set: the
 * operation from `labels`, the error code from the public codes, the subgraph from `isSubgraph`.
 */
export function requestLogging(metrics: GatewayMetrics, labels: OperationLabels, isSubgraph: (name: string) => boolean, logger: Pick<Logger, 'isLevelEnabled'>): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ errors, response, operationName, operation }) {
          const status = response.http.status ?? 200;
          const ran = response.body.kind === 'single' ? response.body.singleResult.data !== undefined : true;
          metrics.duration.observe({ operation: labels.label(operation ? operationName : null, ran) }, (performance.now() - started) / 1000);
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              const code = String(error.extensions?.code ?? '');
              const subgraph = String(error.extensions?.serviceName ?? '');
              metrics.errors.inc({ code: PUBLIC_ERROR_CODES.has(code) || PROTOCOL_CODES.has(code) ? code : 'OTHER', subgraph: isSubgraph(subgraph) ? subgraph : '' });
            }
          }
          // The request's own logger is made on first use (core/logger.ts): not for a line nobody keeps.
          if (!logger.isLevelEnabled('info')) return;
          // Only a resolved operation's name is logged: it passed the name-length limit.
          contextValue.logger.info(
            { operationName: operation ? operationName : undefined, ms: Math.round(performance.now() - started), errors: errors?.length ?? 0, status },
            'graphql request',
          );
        },
      };
    },
  };
}
