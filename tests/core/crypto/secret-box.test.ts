import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, parseSecretKey } from '../../../core/crypto/secret-box.js';
import { shopSettings } from '../../../subgraphs/commerce/shops/shop-settings.js';

describe('secret box (AES-256-GCM, shop tokens at rest)', () => {
  const key = randomBytes(32);

  it('seals to text without the secret, different every time, and opens it again', () => {
    const box = createSecretBox(key);
    const a = box.seal('access-token-123');
    const b = box.seal('access-token-123');
    expect(a).not.toContain('access-token-123');
    expect(a).not.toBe(b);
    expect(box.open(a)).toBe('access-token-123');
  });

  it('refuses a changed value, another key, or a changed key label', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('refresh-token');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => box.open([...parts.slice(0, 4), body.toString('base64url')].join('.'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow(/neither the current key nor a previous one/);
    expect(() => box.open(sealed.replace(parts[1]!, 'deadbeef'))).toThrow();
  });

  it('rotates: values of a previous key still open, are reported stale, and new values use the new key', () => {
    const old = createSecretBox(key);
    const sealed = old.seal('token');
    const rotated = createSecretBox(randomBytes(32), [key]);
    expect(rotated.open(sealed)).toBe('token');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal('token'))).toBe(false);
  });

  it('reads keys as 64 hex digits or base64, and refuses other lengths', () => {
    expect(parseSecretKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretKey(key.toString('base64'))).toEqual(key);
    expect(() => parseSecretKey('too-short')).toThrow(/32 bytes/);
  });

  it('production refuses to start without COMMERCE_TOKEN_KEY, and names the variable for a bad key', () => {
    const base = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), GATEWAY_SIGNING_KEY: 'y'.repeat(40) };
    expect(() => shopSettings.parse(base)).toThrow(/COMMERCE_TOKEN_KEY: production needs the key/);
    expect(() => shopSettings.parse({ ...base, COMMERCE_TOKEN_KEY: 'abc' })).toThrow(/COMMERCE_TOKEN_KEY/);
    const settings = shopSettings.parse({ ...base, COMMERCE_TOKEN_KEY: key.toString('base64') });
    expect(settings).toMatchObject({ tokenKey: key, fallback: 'none' });
    expect(shopSettings.parse({}).fallback).toBe('shared');
  });
});
