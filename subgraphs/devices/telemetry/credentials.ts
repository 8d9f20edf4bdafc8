import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A device credential is "<device id>.<secret>", the secret 32 random bytes (base64url). Only the
 * SHA-256 of the whole credential is stored: the secret has 256 bits of entropy, so a slow password
 * hash adds nothing, and a stolen table gives no usable credential.
 */
export interface DeviceCredential {
  deviceId: string;
  credential: string;
}

const CREDENTIAL_RE = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export function hashCredential(credential: string): string {
  return createHash('sha256').update(credential, 'utf8').digest('hex');
}

export function issueCredential(deviceId: string): { credential: string; hash: string } {
  const credential = `${deviceId}.${randomBytes(32).toString('base64url')}`;
  return { credential, hash: hashCredential(credential) };
}

/** Reads "Authorization: Bearer <credential>"; null when missing or malformed. */
export function credentialFromHeader(authorization: string | undefined): DeviceCredential | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  const parts = match ? CREDENTIAL_RE.exec(match[1]) : null;
  return parts ? { deviceId: parts[1], credential: match![1] } : null;
}

const NO_DEVICE_HASH = hashCredential('no-such-device');

/**
 * Constant-time comparison of the presented credential with the stored hash. With no stored hash
 * (unknown device) it still hashes and compares, so timing does not tell unknown ids from bad secrets.
 */
export function credentialMatches(credential: string, storedHash: string | null): boolean {
  const presented = Buffer.from(hashCredential(credential), 'hex');
  const stored = Buffer.from(storedHash ?? NO_DEVICE_HASH, 'hex');
  const equal = stored.length === presented.length && timingSafeEqual(presented, stored);
  return equal && storedHash !== null;
}
