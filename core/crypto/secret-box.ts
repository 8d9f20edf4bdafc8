/**
 * Secrets at rest (marketplace tokens): AES-256-GCM with a random 96-bit nonce per value, the key id
 * and a version in front so keys can rotate: new values use the current key, old values still open
 * with the keys listed as previous until they are rewritten. Tampering or a wrong key fails loudly.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface SecretBox {
  /** Id of the key new values are sealed with (the first 8 hex digits of its SHA-256). */
  readonly keyId: string;
  seal(plain: string): string;
  open(sealed: string): string;
  /** True when `sealed` was sealed with a previous key (rewrite it to finish a rotation). */
  isStale(sealed: string): boolean;
}

/** A 32-byte key from 64 hex digits or base64/base64url text; anything else is refused. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('a key must be 32 bytes: 64 hex digits or 44 base64 characters (e.g. `openssl rand -base64 32`)');
  return key;
}

const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createSecretBox(current: Buffer, previous: readonly Buffer[] = []): SecretBox {
  const keys = new Map([current, ...previous].map((key) => [keyIdOf(key), key] as const));
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, nonce);
      // The key id is authenticated too: a value cannot be moved under another key's label.
      cipher.setAAD(Buffer.from(`${VERSION}.${keyId}`));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [VERSION, keyId, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, id, nonce, tag, body] = sealed.split('.');
      if (version !== VERSION || !id || nonce === undefined || tag === undefined || body === undefined) throw new Error('not a sealed value');
      const key = keys.get(id);
      if (!key) throw new Error(`sealed with key ${id}, which is neither the current key nor a previous one`);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(`${VERSION}.${id}`));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    isStale(sealed) {
      return sealed.split('.')[1] !== keyId;
    },
  };
}
