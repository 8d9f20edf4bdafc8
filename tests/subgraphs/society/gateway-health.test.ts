import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../core/auth/roles.js';
import { signToken } from '../../../core/auth/tokens.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const HEALTH = `query ($id: ID!) {
  communeById(id: $id) {
    id name
    healthRecordStats { records population coverage }
    healthRecords(first: 2) { totalCount edges { node { id administrative { fullName } } } }
  }
}`;

describe('society through the gateway: health records', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let namThuongStaff: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'society'], seed: true });
    namThuongStaff = await signToken(env.config, { subject: 'nurse-nt', roles: [Role.HEALTH_STAFF], communeCodes: ['05068'] });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('gives an anonymous caller Nam Thượng\'s coverage but no record', async () => {
    const result = await postGraphQL(hub.url, HEALTH, { id: '05068/1' });
    expect(result.data?.communeById).toMatchObject({ name: 'Nam Thượng', healthRecordStats: { records: 3604, population: 3604, coverage: 1 }, healthRecords: null });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
