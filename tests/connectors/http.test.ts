import type { AxiosResponse } from 'axios';
import { describe, expect, it } from 'vitest';
import { failureFromResponse, failureFromTransport, parseRetryAfter, type CallContext } from '../../connectors/marketplace/http.js';
import { sandboxSettings } from '../../connectors/marketplace/sandbox/sandbox-settings.js';
import { describeConnectorTargets, marketplaceSettings } from '../../connectors/marketplace/settings.js';

const connectorSettingsFromEnv = (env: Record<string, string>) => marketplaceSettings.parse(env);

const write: CallContext = { marketplace: 'VOSO', operation: 'createListing', write: true };
const read: CallContext = { marketplace: 'VOSO', operation: 'getListing', write: false };

function response(status: number, headers: Record<string, string> = {}, data: unknown = { error: 'e', message: 'm', request_id: 'r-1' }): AxiosResponse {
  return { status, headers, data, statusText: '', config: {} as AxiosResponse['config'] };
}

describe('failure classification', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter('0')).toBe(0);
    const now = Date.parse('2026-11-27T07:00:00Z');
    expect(parseRetryAfter('Fri, 27 Nov 2026 07:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 06:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('maps statuses to kinds', () => {
    expect(failureFromResponse(response(429, { 'retry-after': '2' }), write)).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 2_000, requestId: 'r-1' } });
    expect(failureFromResponse(response(429), write).details.retryAfterMs).toBeUndefined();
    expect(failureFromResponse(response(500), write).kind).toBe('TRANSIENT');
    expect(failureFromResponse(response(503), write).kind).toBe('TRANSIENT');
    expect(failureFromResponse(response(502), write).kind).toBe('UNKNOWN_OUTCOME');
    expect(failureFromResponse(response(504), write).kind).toBe('UNKNOWN_OUTCOME');
    expect(failureFromResponse(response(504), read).kind).toBe('TRANSIENT');
    expect(failureFromResponse(response(408), write).kind).toBe('TRANSIENT');
    expect(failureFromResponse(response(401), write).kind).toBe('AUTH');
    expect(failureFromResponse(response(403), write).kind).toBe('AUTH');
    expect(failureFromResponse(response(404), write).kind).toBe('NOT_FOUND');
    expect(failureFromResponse(response(400), write).kind).toBe('REJECTED');
    expect(failureFromResponse(response(409), write).kind).toBe('REJECTED');
    expect(failureFromResponse(response(422, {}, 'plain text'), write)).toMatchObject({ kind: 'REJECTED', message: expect.stringMatching(/plain text/) });
  });

  it('maps transport errors by whether the request may have gone out', () => {
    const error = (code: string, syscall?: string) => Object.assign(new Error(code), { code, syscall });
    expect(failureFromTransport(error('ECONNREFUSED', 'connect'), write).kind).toBe('TRANSIENT');
    expect(failureFromTransport(error('ENOTFOUND', 'getaddrinfo'), write).kind).toBe('TRANSIENT');
    expect(failureFromTransport(error('ETIMEDOUT', 'connect'), write).kind).toBe('TRANSIENT');
    expect(failureFromTransport(error('ETIMEDOUT'), write).kind).toBe('UNKNOWN_OUTCOME');
    expect(failureFromTransport(error('ECONNRESET'), write).kind).toBe('UNKNOWN_OUTCOME');
    expect(failureFromTransport(error('ECONNRESET'), read).kind).toBe('TRANSIENT');
  });
});

describe('settings', () => {
  it('default to the local sandboxes', () => {
    const settings = connectorSettingsFromEnv({});
    expect(settings.VOSO.baseUrl).toBe('http://127.0.0.1:4101');
    expect(settings.POSTMART.baseUrl).toBe('http://127.0.0.1:4102');
    expect(describeConnectorTargets(settings)).toEqual({ VOSO: 'http://127.0.0.1:4101 (local sandbox)', POSTMART: 'http://127.0.0.1:4102 (local sandbox)' });
    expect(connectorSettingsFromEnv({ VOSO_SANDBOX_PORT: '5101' }).VOSO.baseUrl).toBe('http://127.0.0.1:5101');
  });

  it('point at a real marketplace by configuration, and refuse sandbox credentials there', () => {
    const settings = connectorSettingsFromEnv({
      VOSO_BASE_URL: 'https://partner-api.voso.vn',
      VOSO_CLIENT_ID: 'real-id',
      VOSO_CLIENT_SECRET: 'real-secret',
      VOSO_WEBHOOK_SECRET: 'real-webhook-secret-from-voso',
      VOSO_TIMEOUT_MS: '4000',
    });
    expect(settings.VOSO).toMatchObject({ baseUrl: 'https://partner-api.voso.vn', clientId: 'real-id', timeoutMs: 4_000 });
    // The sandbox's public push secret is refused against the real voso: anyone could forge its pushes.
    expect(() => connectorSettingsFromEnv({ VOSO_BASE_URL: 'https://partner-api.voso.vn', VOSO_CLIENT_ID: 'real-id', VOSO_CLIENT_SECRET: 'real-secret' })).toThrow(/VOSO_WEBHOOK_SECRET/);
    expect(() => connectorSettingsFromEnv({ POSTMART_BASE_URL: 'https://partner.postmart.vn' })).toThrow(/POSTMART_PARTNER_KEY/);
    expect(() => connectorSettingsFromEnv({ VOSO_TIMEOUT_MS: 'soon' })).toThrow(/VOSO_TIMEOUT_MS/);
  });

  it('read sandbox faults from env, marketplace-specific first', () => {
    expect(sandboxSettings.parse({ SANDBOX_ERROR_RATE: '0.2', VOSO_SANDBOX_ERROR_RATE: '0.1', SANDBOX_RPS: '50', SANDBOX_DROP_RATE: '0.1' }).VOSO.faults).toEqual({
      errorRate: 0.1,
      requestsPerSecond: 50,
      dropRate: 0.1,
    });
    expect(() => sandboxSettings.parse({ SANDBOX_DROP_RATE: '2' })).toThrow(/SANDBOX_DROP_RATE/);
  });
});

describe('the per-request timeout', () => {
  it('bounds the whole call, even when the answer trickles in', async () => {
    const http = await import('node:http');
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const { createHttpClient, send } = await import('../../connectors/marketplace/http.js');
    const client = createHttpClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 });
    try {
      // The server never finishes its answer: the calls end only because the deadline covers the whole call.
      await expect(send(client, { method: 'POST', url: '/x', data: {} }, write)).rejects.toMatchObject({ kind: 'UNKNOWN_OUTCOME', message: expect.stringMatching(/timed out/) });
      await expect(send(client, { method: 'GET', url: '/x' }, read)).rejects.toMatchObject({ kind: 'TRANSIENT' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
