import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { startSubgraph } from '../../../helpers/gateway-signing.js';
import { governance } from '../../../../subgraphs/governance/index.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { postGraphQL } from '../../../helpers/graphql-client.js';

/** A commune list's registry fields: each reads other units (province, district, predecessors, successor, lineage). */
const REGISTRY_FIELDS = 'id name provinceName districtName predecessors { name } successor { name } lineageIds';
/** The sample query's governance part. */
const SAMPLE_FIELDS = `id name districtName provinceName predecessors { name }
  dossierStats(year: 2021, includePredecessors: true) { received online onlineRate target { minimum } targetMet }
  documentStats(year: 2021, includePredecessors: true) { outgoing outgoingSigned signedRate }`;

/**
 * SQL statements per request, counted at the driver: a list must cost a bounded number of
 * statements whatever its length (batched loads, no statement per item), and the registry reads
 * (a commune by code, its province, district, predecessors) none once the registry is in memory.
 * A list's KPIs (dossierStats, documentStats) are batched per year the same way.
 */
describe('governance: SQL statements per request', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  const statements: string[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, background: false, target: env.target('governance') });
    const knex = (subgraph.orm.em.getConnection() as unknown as { getKnex(): { on(event: 'query', listener: (query: { sql: string }) => void): void } }).getKnex();
    knex.on('query', (query) => statements.push(query.sql));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  async function count(query: string, variables: Record<string, unknown> = {}): Promise<{ statements: number; data: Record<string, unknown> }> {
    // Once first, so a registry load is not counted against the request measured.
    await postGraphQL(subgraph.url, query, variables);
    statements.length = 0;
    const answer = await postGraphQL(subgraph.url, query, variables);
    expect(answer.errors).toBeUndefined();
    return { statements: statements.length, data: answer.data! };
  }

  it('a commune list costs the same number of statements however many communes it holds', async () => {
    // The pilot's communes before the 2025 reform, and the fewer ones they were merged into.
    const list = `query($on: Date) { communes(on: $on) { ${REGISTRY_FIELDS} } }`;
    const before = await count(list, { on: '2021-06-01' });
    const after = await count(list, { on: '2025-08-01' });
    const [many, few] = [before.data.communes as unknown[], after.data.communes as unknown[]];
    expect(few.length).toBeGreaterThan(0);
    expect(many.length).toBeGreaterThan(few.length);
    expect(before.statements).toBe(after.statements);
    expect(before.statements).toBe(0);
  });

  it('a commune list with its KPIs costs the same number of statements however many communes it holds', async () => {
    const list = `query($on: Date) { communes(on: $on) { id ${SAMPLE_FIELDS.replace(/^id /, '')} y2020: dossierStats(year: 2020) { received target { minimum } } } }`;
    const before = await count(list, { on: '2021-06-01' });
    const after = await count(list, { on: '2025-08-01' });
    const [many, few] = [before.data.communes as unknown[], after.data.communes as unknown[]];
    expect(many.length).toBeGreaterThan(few.length);
    // Per year: dossier counts, document counts, targets, stated figures, each batched over the list
    // (a batch may split where one commune awaits its lineage first: 6 or 7 measured, never per item,
    // which would be 24 or more for the six communes of 2021).
    expect(before.statements).toBeLessThanOrEqual(8);
    expect(after.statements).toBeLessThanOrEqual(8);
  });

  it('a lookup by code reads no table; the sample query reads only its aggregates', async () => {
    expect((await count('query($code: String!, $on: Date) { commune(code: $code, on: $on) { id name provinceName districtName predecessors { name } } }', { code: '05068', on: '2021-06-01' })).statements).toBe(0);
    const sample = await count(`query($code: String!, $on: Date) { commune(code: $code, on: $on) { ${SAMPLE_FIELDS} } }`, { code: '05068', on: '2021-06-01' });
    expect(sample.data.commune).toMatchObject({ name: 'Nam Thượng', dossierStats: { received: 1964, online: 411 } });
    // The targets (commune's and province's in one); dossierStats' and documentStats' counts in one statement (union all).
    expect(sample.statements).toBe(2);
    // The counts come from the month summaries (≤ 12 rows a commune-year), never from the dossiers or the register.
    const tables = statements.flatMap((sql) => [...sql.matchAll(/\bfrom\s+[`"]?(?:governance[`"]?\.[`"]?)?(\w+)/gi)].map((m) => m[1]));
    expect(tables).toContain('document_month_summary');
    expect(tables).toContain('dossier_month_summary');
    expect(tables.filter((table) => table === 'document' || table === 'dossier' || table === 'document_signature')).toEqual([]);
    // Read together, each kind's figures are those it has when read alone (one summary, one statement).
    const one = (fields: string) => `query($code: String!, $on: Date) { commune(code: $code, on: $on) { ${fields} } }`;
    const [dossiersAlone, documentsAlone] = [SAMPLE_FIELDS.match(/dossierStats.*}/)![0], SAMPLE_FIELDS.match(/documentStats.*}/)![0]];
    for (const fields of [dossiersAlone, documentsAlone]) {
      const alone = await count(one(fields), { code: '05068', on: '2021-06-01' });
      expect(alone.statements).toBe(fields.startsWith('dossier') ? 2 : 1);
      expect(sample.data.commune).toMatchObject(alone.data.commune as object);
    }
    // The whole governance part of the README's sample adds the portal's first page, whose count comes with it (one statement, not two).
    const withPosts = await count(`query($code: String!, $on: Date) { commune(code: $code, on: $on) { ${SAMPLE_FIELDS} portalPosts(first: 1) { totalCount edges { node { title category publishAt } } } } }`, { code: '05068', on: '2021-06-01' });
    expect(withPosts.data.commune).toMatchObject({ portalPosts: { totalCount: 1, edges: [{ node: { category: 'NEWS_ANNOUNCEMENTS' } }] } });
    expect(withPosts.statements).toBe(3);
  });

  it('reads the stated figures only for a response that asks for them', async () => {
    const stats = (fields: string) => `{ commune(code: "05068", on: "2021-06-01") { dossierStats(year: 2021) { ${fields} } } }`;
    const plain = await count(stats('received onlineRate targetMet'));
    const withStated = await count(stats('received onlineRate targetMet stated { stated computed }'));
    // The counts and the targets; then the stated figures too.
    expect(plain.statements).toBe(2);
    expect(withStated.statements).toBe(3);
    expect(withStated.data.commune).toEqual({ dossierStats: { received: 1964, onlineRate: 0.209, targetMet: false, stated: [{ stated: 0.267, computed: 0.209 }] } });
  });

  it('commune(code) { dossierStats } as a frontend sends it (the units-scale benchmark): its counts and its targets, 2 statements', async () => {
    const query = 'query CommuneStats($code: String!, $year: Int!) { commune(code: $code) { dossierStats(year: $year) { received online onlineRate onTimeRate targetMet } } }';
    // Today's 05068 is Hợp Kim (created in 2025, so no 2021 dossiers of its own); the lookup by code and its province are the registry in memory.
    const merged = await count(query, { code: '05068', year: 2021 });
    expect(merged.data.commune).toEqual({ dossierStats: { received: 0, online: 0, onlineRate: null, onTimeRate: null, targetMet: null } });
    expect(merged.statements).toBe(2);
    const withData = await count(query.replace('commune(code: $code)', 'commune(code: $code, on: "2021-06-01")'), { code: '05068', year: 2021 });
    expect(withData.data.commune).toMatchObject({ dossierStats: { received: 1964, online: 411, targetMet: false } });
    expect(withData.statements).toBe(2);
  });
});
