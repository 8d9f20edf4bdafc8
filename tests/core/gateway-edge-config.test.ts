import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';
import { gatewayOperationLimits, subgraphOperationLimits } from '../../core/graphql/operation-limits.js';

describe('configuration of the gateway edge', () => {
  it('has defaults for public traffic', () => {
    const config = loadConfig({});
    expect(gatewayOperationLimits(config)).toEqual({ maxDepth: 12, maxAliases: 30, maxDirectives: 50, maxTokens: 2000, maxCost: 10_000, maxCostAuthenticated: 100_000, maxOperationNameLength: 100 });
    expect(config).toMatchObject({ HTTP_MAX_BODY_BYTES: 262_144, OPERATION_TIMEOUT_MS: 15_000, APQ_CACHE_MB: 16, CORS_CREDENTIALS: false, METRICS_HOST: '127.0.0.1', SUBGRAPH_MAX_OLD_SPACE_MB: 1024 });
    expect(config.CORS_ORIGINS).toBeUndefined();
  });

  it('gives subgraphs headroom over the gateway for what the query planner adds', () => {
    const config = loadConfig({ OPERATION_MAX_DEPTH: '8', OPERATION_MAX_COST: '500' });
    expect(subgraphOperationLimits(config)).toMatchObject({ maxDepth: 10, maxCost: 2000, maxTokens: 8000 });
  });

  it('reads CORS_ORIGINS as a list of origins and refuses what is not one', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.hoabinh.gov.vn, http://localhost:5173' }).CORS_ORIGINS).toEqual(['https://app.hoabinh.gov.vn', 'http://localhost:5173']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.hoabinh.gov.vn/dashboard' })).toThrow(/CORS_ORIGINS: "https:\/\/app.hoabinh.gov.vn\/dashboard" is not an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_CREDENTIALS: 'yes' })).toThrow(/CORS_CREDENTIALS/);
  });

  it('names a bad limit', () => {
    expect(() => loadConfig({ OPERATION_MAX_DEPTH: '0' })).toThrow(/OPERATION_MAX_DEPTH/);
    expect(() => loadConfig({ METRICS_PORT: 'metrics' })).toThrow(/METRICS_PORT/);
  });
});
