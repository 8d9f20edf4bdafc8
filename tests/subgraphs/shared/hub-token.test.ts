import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../../core/auth/tokens.js';
import { loadConfig } from '../../../core/config.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { actsForCommune, communeCodesOf, producerIdsOf, Role } from '../../../subgraphs/shared/roles.js';

describe('shared: the hub token (roles scoped to communes and producers)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hub-token-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('signs roles and scopes that the verifier gives back, and the role checks read', async () => {
    const config = loadConfig({ HUB_DATA_DIR: dataDir });
    const token = await signHubToken(config, { subject: 'a', roles: [Role.OFFICER, Role.PRODUCER], communeCodes: ['05068'], producerIds: ['p-1'] });
    const viewer = await (await createTokenVerifier(config))(`Bearer ${token}`);
    expect(communeCodesOf(viewer)).toEqual(['05068']);
    expect(actsForCommune(viewer, Role.OFFICER, '05068')).toBe(true);
    expect(actsForCommune(viewer, Role.OFFICER, '04969')).toBe(false);
    expect(actsForCommune(viewer, Role.HEALTH_STAFF, '05068')).toBe(false);
    expect(producerIdsOf(viewer)).toEqual(['p-1']);
  });

  it('refuses unknown roles and malformed commune codes when signing', async () => {
    const config = loadConfig({ HUB_DATA_DIR: dataDir });
    await expect(signHubToken(config, { subject: 'a', roles: ['mayor' as Role] })).rejects.toThrow(/Unknown role "mayor"/);
    await expect(signHubToken(config, { subject: 'a', roles: [Role.OFFICER], communeCodes: ['5068'] })).rejects.toThrow(/5-digit/);
  });
});
