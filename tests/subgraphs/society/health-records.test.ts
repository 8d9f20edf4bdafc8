import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../core/auth/roles.js';
import { signToken } from '../../../core/auth/tokens.js';
import { startSubgraph, type RunningSubgraph } from '../../../core/subgraph-server.js';
import { society } from '../../../subgraphs/society/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';

const NAM_THUONG = '05068/1';
const LIEN_SON = '04969/1';

/** The subgraph alone: Commune fields through the federation `_entities` entry point. */
const entity = (fields: string) => `query ($id: ID!) { _entities(representations: [{ __typename: "Commune", id: $id }]) { ... on Commune { ${fields} } } }`;

describe('society: health records (subgraph alone)', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let namThuongStaff: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    const started = Date.now();
    subgraph = await startSubgraph(society, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('society') });
    console.log(`society start with pilot seed: ${Date.now() - started} ms`);
    namThuongStaff = await signToken(env.config, { subject: 'nurse-nt', roles: [Role.HEALTH_STAFF], communeCodes: ['05068'] });
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  it('gives anyone the coverage, and no one without the role a record', async () => {
    const result = await postGraphQL(subgraph.url, entity('healthRecordStats { records population coverage } healthRecords(first: 1) { totalCount }'), { id: NAM_THUONG });
    const commune = (result.data?._entities as Record<string, unknown>[])[0];
    expect(commune.healthRecordStats).toEqual({ records: 3604, population: 3604, coverage: 1 });
    expect(commune.healthRecords).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets Nam Thượng health staff read records, and audits each read', async () => {
    const read = await postGraphQL(
      subgraph.url,
      entity('healthRecords(first: 3) { totalCount edges { node { id recordNumber administrative { fullName sex birthDate } history { kind } vaccinations { vaccine dose givenOn } examinations { examinedOn reason } } } }'),
      { id: NAM_THUONG },
      bearer(namThuongStaff),
    );
    expect(read.errors).toBeUndefined();
    const page = (read.data?._entities as { healthRecords: { totalCount: number; edges: { node: { id: string; examinations: unknown[] } }[] } }[])[0].healthRecords;
    expect(page.totalCount).toBe(3604);
    expect(page.edges).toHaveLength(3);
    expect(page.edges[0].node.examinations).toHaveLength(1);
    const log = await postGraphQL(subgraph.url, entity('healthRecordReads(first: 10) { totalCount edges { node { recordId readerSubject via readAt } } }'), { id: NAM_THUONG }, bearer(namThuongStaff));
    const reads = (log.data?._entities as { healthRecordReads: { totalCount: number; edges: { node: { recordId: string; readerSubject: string } }[] } }[])[0].healthRecordReads;
    expect(reads.totalCount).toBe(3);
    expect(reads.edges.map((e) => e.node.recordId).sort()).toEqual(page.edges.map((e) => e.node.id).sort());
    expect(reads.edges.every((e) => e.node.readerSubject === 'nurse-nt')).toBe(true);
  });

  it('refuses the same token Liên Sơn\'s records', async () => {
    const result = await postGraphQL(subgraph.url, entity('healthRecords { totalCount }'), { id: LIEN_SON }, bearer(namThuongStaff));
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
