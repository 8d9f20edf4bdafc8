import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedSecret } from '../../../core/auth/keys.js';
import { createTokenVerifier, signToken } from '../../../core/auth/tokens.js';
import { loadConfig } from '../../../core/config.js';

/** The issue's tokens: no exp, a 100-year exp, no sub; and the clock skew the hub tolerates. */
describe('auth: token policy', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hub-policy-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const now = () => Math.floor(Date.now() / 1000);
  const issue = (claims: { sub?: string; iat?: number; exp?: number; nbf?: number }) => {
    let jwt = new SignJWT({ roles: ['health_staff'], communes: ['04969'] }).setProtectedHeader({ alg: 'HS256' }).setIssuer('commune-hub').setAudience('commune-hub');
    if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub);
    if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    if (claims.nbf !== undefined) jwt = jwt.setNotBefore(claims.nbf);
    return jwt.sign(embeddedSecret(dataDir));
  };

  it('refuses a token without exp, without sub, or living longer than AUTH_MAX_TOKEN_LIFETIME', async () => {
    const verify = await createTokenVerifier(loadConfig({ HUB_DATA_DIR: dataDir }));
    const refused = async (token: string, message: RegExp) => {
      await expect(verify(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(message) });
    };
    await refused(await issue({ sub: 'nurse', iat: now() }), /"exp"/);
    await refused(await issue({ iat: now(), exp: now() + 3600 }), /"sub"/);
    await refused(await issue({ sub: ' ', iat: now(), exp: now() + 3600 }), /subject/);
    await refused(await issue({ sub: 'nurse', iat: now(), exp: now() + 100 * 365 * 86_400 }), /longer than this hub allows/);
    // Without iat the remaining lifetime counts.
    await refused(await issue({ sub: 'nurse', exp: now() + 13 * 3600 }), /longer/);
    expect(await verify(`Bearer ${await issue({ sub: 'nurse', iat: now(), exp: now() + 12 * 3600 })}`)).toMatchObject({ subject: 'nurse' });
  });

  it('tolerates AUTH_CLOCK_SKEW on exp and nbf, and no more', async () => {
    const verify = await createTokenVerifier(loadConfig({ HUB_DATA_DIR: dataDir, AUTH_CLOCK_SKEW: '60s' }));
    expect(await verify(`Bearer ${await issue({ sub: 'n', iat: now() - 3600, exp: now() - 30 })}`)).toMatchObject({ subject: 'n' });
    expect(await verify(`Bearer ${await issue({ sub: 'n', iat: now(), exp: now() + 600, nbf: now() + 30 })}`)).toMatchObject({ subject: 'n' });
    await expect(verify(`Bearer ${await issue({ sub: 'n', iat: now() - 3600, exp: now() - 120 })}`)).rejects.toThrow(/expired/);
    await expect(verify(`Bearer ${await issue({ sub: 'n', iat: now(), exp: now() + 600, nbf: now() + 300 })}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('hub token refuses a lifetime over the maximum, and honours a configured one', async () => {
    const config = loadConfig({ HUB_DATA_DIR: dataDir });
    await expect(signToken(config, { subject: 'a', roles: ['officer'], expiresIn: '100y' })).rejects.toThrow(/at most 12 h/);
    await expect(signToken(config, { subject: 'a', roles: ['officer'], expiresIn: '13h' })).rejects.toThrow(/AUTH_MAX_TOKEN_LIFETIME/);
    await expect(signToken(config, { subject: 'a', roles: ['officer'], expiresIn: 'forever' })).rejects.toThrow(/not a lifetime/);
    expect(await signToken(config, { subject: 'a', roles: ['officer'], expiresIn: '12h' })).toMatch(/^ey/);
    const longer = loadConfig({ HUB_DATA_DIR: dataDir, AUTH_MAX_TOKEN_LIFETIME: '7d' });
    const token = await signToken(longer, { subject: 'a', roles: ['officer'], expiresIn: '3d' });
    expect(await (await createTokenVerifier(longer))(`Bearer ${token}`)).toMatchObject({ subject: 'a' });
    await expect((await createTokenVerifier(config))(`Bearer ${token}`)).rejects.toThrow(/longer/);
  });

  it('rejects a malformed AUTH_MAX_TOKEN_LIFETIME at start, naming it', () => {
    expect(() => loadConfig({ HUB_DATA_DIR: dataDir, AUTH_MAX_TOKEN_LIFETIME: 'a while' })).toThrow(/AUTH_MAX_TOKEN_LIFETIME/);
  });
});
