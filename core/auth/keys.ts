import { createRemoteJWKSet, importSPKI, type JWTVerifyGetKey } from 'jose';

type PublicKey = Awaited<ReturnType<typeof importSPKI>>;
import type { HubConfig } from '../config.js';
import { readOrCreateSecretFile } from './secret-file.js';

export const EMBEDDED_SECRET_FILE = 'auth-secret.key';

/**
 * The embedded mode signs its own tokens with a secret generated on first start and kept in the
 * data directory, so no two installations share a key and none is ever written in the code.
 */
export function embeddedSecret(dataDir: string): Uint8Array {
  return readOrCreateSecretFile(dataDir, EMBEDDED_SECRET_FILE);
}

export type VerificationKey =
  | { kind: 'secret'; key: Uint8Array; algorithms: string[] }
  | { kind: 'public'; key: PublicKey; algorithms: string[] }
  | { kind: 'jwks'; key: JWTVerifyGetKey; algorithms: string[] };

export async function verificationKey(config: HubConfig): Promise<VerificationKey> {
  if (config.AUTH_JWKS_URL) {
    return { kind: 'jwks', key: createRemoteJWKSet(new URL(config.AUTH_JWKS_URL)), algorithms: [config.AUTH_ALGORITHM] };
  }
  if (config.AUTH_PUBLIC_KEY) {
    return { kind: 'public', key: await importSPKI(config.AUTH_PUBLIC_KEY, config.AUTH_ALGORITHM), algorithms: [config.AUTH_ALGORITHM] };
  }
  const key = config.AUTH_SECRET ? new TextEncoder().encode(config.AUTH_SECRET) : embeddedSecret(config.dataDir);
  return { kind: 'secret', key, algorithms: ['HS256'] };
}

/** The key `hub token` signs with: only a shared secret can sign; a JWKS or public key cannot. */
export function signingSecret(config: HubConfig): Uint8Array {
  if (config.AUTH_JWKS_URL || config.AUTH_PUBLIC_KEY) {
    throw new Error('hub token signs with the embedded or AUTH_SECRET key; with AUTH_JWKS_URL or AUTH_PUBLIC_KEY set, tokens come from your identity provider.');
  }
  return config.AUTH_SECRET ? new TextEncoder().encode(config.AUTH_SECRET) : embeddedSecret(config.dataDir);
}
