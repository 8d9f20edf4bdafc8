import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, signToken } from '../../../core/auth/tokens.js';
import { loadConfig } from '../../../core/config.js';

describe('auth: tokens', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hub-auth-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates the embedded secret in the data directory, private to its owner, and reuses it', async () => {
    const config = loadConfig({ HUB_DATA_DIR: dataDir });
    const token = await signToken(config, { subject: 'a', roles: ['officer'], scopes: { communes: ['05068'] } });
    const file = path.join(dataDir, 'auth-secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8');
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    const viewer = await (await createTokenVerifier(config))(`Bearer ${token}`);
    expect(viewer).toEqual({ subject: 'a', roles: ['officer'], scopes: { communes: ['05068'] } });
    expect(readFileSync(file, 'utf8')).toBe(secret);
  });

  it('gives two installations different secrets: a token from one is rejected by the other', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'hub-auth-'));
    try {
      const token = await signToken(loadConfig({ HUB_DATA_DIR: other }), { subject: 'a', roles: ['admin'] });
      const verify = await createTokenVerifier(loadConfig({ HUB_DATA_DIR: dataDir }));
      await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('treats no header as anonymous, and a malformed or expired token as UNAUTHENTICATED', async () => {
    const config = loadConfig({ HUB_DATA_DIR: dataDir });
    const verify = await createTokenVerifier(config);
    expect(await verify(undefined)).toBeNull();
    await expect(verify('Basic abc')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const expired = await signToken(config, { subject: 'a', roles: ['officer'], expiresIn: '-5m' });
    await expect(verify(`Bearer ${expired}`)).rejects.toThrow(/expired/);
  });

  it('verifies RS256 tokens with a configured public key, and through a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const issue = (kid?: string) =>
      new SignJWT({ roles: ['finance'], communes: [], producers: ['p-1'] })
        .setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}) })
        .setSubject('idp-user')
        .setIssuer('commune-hub')
        .setAudience('commune-hub')
        .setExpirationTime('5m')
        .sign(privateKey);
    const withKey = await createTokenVerifier(loadConfig({ HUB_DATA_DIR: dataDir, AUTH_PUBLIC_KEY: await exportSPKI(publicKey) }));
    expect(await withKey(`Bearer ${await issue()}`)).toMatchObject({ subject: 'idp-user', roles: ['finance'], scopes: { communes: [], producers: ['p-1'] } });

    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const withJwks = await createTokenVerifier(loadConfig({ HUB_DATA_DIR: dataDir, AUTH_JWKS_URL: url }));
      expect(await withJwks(`Bearer ${await issue('k1')}`)).toMatchObject({ subject: 'idp-user' });
      // An HS256 token signed with the embedded secret must not pass when a JWKS is configured.
      const embedded = await signToken(loadConfig({ HUB_DATA_DIR: dataDir }), { subject: 'x', roles: ['admin'] });
      await expect(withJwks(`Bearer ${embedded}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      server.close();
    }
  });
});
