import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyTooLarge, MALFORMED_JSON, operationNameRefusal, sendRefusal } from '../../../core/http/request-refusals.js';

describe('request refusals', () => {
  it('refuses an operation name only when it is a string over the maximum, and says by how much', () => {
    expect(operationNameRefusal('Dashboard', 9)).toBeNull();
    expect(operationNameRefusal(undefined, 9)).toBeNull();
    expect(operationNameRefusal(['x'.repeat(50)], 9)).toBeNull();
    const refusal = operationNameRefusal('x'.repeat(10), 9);
    expect(refusal).toEqual({
      status: 400,
      message: 'The operation name is 10 characters long; at most 9 are allowed. Use a short, stable name.',
      extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'operationName', maximum: 9, actual: 10 },
    });
  });

  it('never echoes the refused name back (it may be megabytes of anything)', () => {
    const refusal = operationNameRefusal('Secret' + 'y'.repeat(300), 200)!;
    expect(JSON.stringify(refusal)).not.toContain('Secret');
  });

  it('says the size limit, with the declared length when there is one', () => {
    expect(bodyTooLarge(1000, 5000).extensions).toEqual({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'size', maximum: 1000, actual: 5000 });
    expect(bodyTooLarge(1000).extensions).not.toHaveProperty('actual');
    expect(bodyTooLarge(1000).status).toBe(413);
    expect(MALFORMED_JSON.extensions.code).toBe('BAD_USER_INPUT');
  });

  describe('sendRefusal', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((_req, res) => sendRefusal(res, bodyTooLarge(10, 20)));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('answers in the GraphQL-over-HTTP error shape, as JSON with its length', async () => {
      const response = await fetch(url, { method: 'POST' });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = await response.text();
      expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
      expect(JSON.parse(text)).toEqual({ errors: [{ message: bodyTooLarge(10, 20).message, extensions: bodyTooLarge(10, 20).extensions }] });
    });
  });
});
