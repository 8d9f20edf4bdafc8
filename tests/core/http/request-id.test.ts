import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from '../../../core/http/request-id.js';

const request = (socket: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress: socket }, headers }) as unknown as IncomingMessage;

describe('the client address the gateway signs for subgraphs', () => {
  it('believes the proxy header only from a trusted proxy, and then only its last entry', () => {
    const proxies = ['127.0.0.1', '10.0.0.5'];
    expect(clientAddressOf(request('10.0.0.5', { 'x-forwarded-for': '1.2.3.4, 203.0.113.9' }), 'x-forwarded-for', proxies)).toBe('203.0.113.9');
    // A client that reaches the gateway directly cannot choose its address.
    expect(clientAddressOf(request('198.51.100.7', { 'x-forwarded-for': '203.0.113.9' }), 'x-forwarded-for', proxies)).toBe('198.51.100.7');
    expect(clientAddressOf(request('10.0.0.5', { 'x-forwarded-for': '203.0.113.9' }), undefined, proxies)).toBe('10.0.0.5');
    expect(clientAddressOf(request('10.0.0.5', { 'x-forwarded-for': 'not an address' }), 'x-forwarded-for', proxies)).toBe('10.0.0.5');
  });

  it('trusts proxies by range, and IPv4-mapped sockets as their IPv4 address', () => {
    const ranges = ['loopback', '10.0.0.0/8', 'fd00::/8'];
    const forwarded = { 'x-forwarded-for': '203.0.113.9' };
    expect(clientAddressOf(request('10.42.7.3', forwarded), 'x-forwarded-for', ranges)).toBe('203.0.113.9');
    expect(clientAddressOf(request('::ffff:10.1.2.3', forwarded), 'x-forwarded-for', ranges)).toBe('203.0.113.9');
    expect(clientAddressOf(request('::1', forwarded), 'x-forwarded-for', ranges)).toBe('203.0.113.9');
    expect(clientAddressOf(request('fd12::5', forwarded), 'x-forwarded-for', ranges)).toBe('203.0.113.9');
    // Just outside every range: the socket's own address counts.
    expect(clientAddressOf(request('11.0.0.1', forwarded), 'x-forwarded-for', ranges)).toBe('11.0.0.1');
    expect(clientAddressOf(request('fe80::1', forwarded), 'x-forwarded-for', ranges)).toBe('fe80::1');
  });
});
