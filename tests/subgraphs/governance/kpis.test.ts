import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

/** DOMAIN.md section 1, read back through the gateway from the seeded records. */
const DOCUMENTS = [
  { id: '05068/1', year: 2020, incoming: 1147, incomingElectronic: 1147, outgoingElectronic: 0, outgoingSigned: 0, signedRate: null },
  { id: '05068/1', year: 2021, incoming: 1978, incomingElectronic: 1978, outgoingElectronic: 622, outgoingSigned: 610, signedRate: 0.981 },
  { id: '04969/1', year: 2020, incoming: 2045, incomingElectronic: 2045, outgoingElectronic: 976, outgoingSigned: 972, signedRate: 0.996 },
  { id: '04969/1', year: 2021, incoming: 3177, incomingElectronic: 3177, outgoingElectronic: 2015, outgoingSigned: 2015, signedRate: 1 },
];
const DOSSIERS = [
  { id: '05068/1', year: 2020, received: 2529, resolvedOnTime: 1669, resolvedOverdue: 2, online: 0, onlineRate: 0 },
  { id: '05068/1', year: 2021, received: 1964, resolvedOnTime: 1541, resolvedOverdue: 2, online: 411, onlineRate: 0.209 },
  { id: '04969/1', year: 2020, received: 2690, resolvedOnTime: 2137, resolvedOverdue: 14, online: 657, onlineRate: 0.244 },
  { id: '04969/1', year: 2021, received: 2749, resolvedOnTime: 1318, resolvedOverdue: 2, online: 2140, onlineRate: 0.778 },
];

const STATS = `query ($id: ID!, $year: Int!, $lineage: Boolean) {
  communeById(id: $id) {
    name
    documentStats(year: $year, includePredecessors: $lineage) {
      year communeIds incoming incomingElectronic outgoing outgoingElectronic outgoingSigned signedRate
      stated { indicator stated computed difference consistent source note }
    }
    dossierStats(year: $year, includePredecessors: $lineage) {
      year communeIds received resolvedOnTime resolvedOverdue unresolved online onlineRate onTimeRate targetMet
      target { indicator year minimum scope unitId source }
      stated { indicator stated computed difference consistent source note }
    }
  }
}`;

interface Stated { indicator: string; stated: number; computed: number | null; difference: number | null; consistent: boolean }
interface StatsData {
  communeById: {
    name: string;
    documentStats: Record<string, unknown> & { stated: Stated[] };
    dossierStats: Record<string, unknown> & { stated: Stated[]; target: { minimum: number; unitId: string } | null; targetMet: boolean | null };
  };
}

describe('governance KPIs through the gateway: the pilot figures of DOMAIN.md section 1', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const stats = async (id: string, year: number, lineage = false) => {
    const response = await postGraphQL<StatsData>(hub.url, STATS, { id, year, lineage });
    expect(response.errors).toBeUndefined();
    return response.data!.communeById;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'], seed: true });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it.each(DOCUMENTS)('documents of $id in $year', async ({ id, year, ...expected }) => {
    const { documentStats } = await stats(id, year);
    expect(documentStats).toMatchObject({ year, communeIds: [id], outgoing: expected.outgoingElectronic, ...expected });
  });

  it.each(DOSSIERS)('dossiers of $id in $year', async ({ id, year, ...expected }) => {
    const { dossierStats } = await stats(id, year);
    expect(dossierStats).toMatchObject({
      year,
      communeIds: [id],
      ...expected,
      onlineRate: expected.received ? expected.onlineRate : null,
      unresolved: expected.received - expected.resolvedOnTime - expected.resolvedOverdue,
    });
  });

  it('Liên Sơn 2021: online rate 0.778 (2,140/2,749), the province\'s 50% target met, the stated 77.8% consistent', async () => {
    const { dossierStats } = await stats('04969/1', 2021);
    expect(dossierStats.onlineRate).toBe(0.778);
    expect(dossierStats.target).toMatchObject({ indicator: 'ONLINE_RATE', year: 2021, minimum: 0.5, scope: 'PROVINCE', unitId: '17/1' });
    expect(dossierStats.targetMet).toBe(true);
    expect(dossierStats.stated).toEqual([expect.objectContaining({ indicator: 'ONLINE_RATE', stated: 0.778, computed: 0.778, difference: 0, consistent: true })]);
  });

  it('Nam Thượng 2021: online rate 0.209 (411/1,964), target not met, the stated 26.7% beside it', async () => {
    const { dossierStats } = await stats('05068/1', 2021);
    expect(dossierStats.onlineRate).toBe(0.209);
    expect(dossierStats.targetMet).toBe(false);
    expect(dossierStats.stated).toEqual([
      expect.objectContaining({ indicator: 'ONLINE_RATE', stated: 0.267, computed: 0.209, difference: -0.058, consistent: false }),
    ]);
  });

  it('Nam Thượng 2021: signed rate 0.981 (610/622), the stated 99.5% beside it', async () => {
    const { documentStats } = await stats('05068/1', 2021);
    expect(documentStats.signedRate).toBe(0.981);
    expect(documentStats.stated).toEqual([
      expect.objectContaining({ indicator: 'SIGNED_RATE', stated: 0.995, computed: 0.981, difference: -0.014, consistent: false }),
    ]);
  });

  it('keeps the other stated rates, which the counts confirm', async () => {
    const ls2020 = await stats('04969/1', 2020);
    expect(ls2020.documentStats.stated).toEqual([expect.objectContaining({ indicator: 'SIGNED_RATE', stated: 0.996, computed: 0.996, consistent: true })]);
    expect(ls2020.dossierStats.stated).toEqual([expect.objectContaining({ indicator: 'ONLINE_RATE', stated: 0.244, computed: 0.244, consistent: true })]);
    const ls2021 = await stats('04969/1', 2021);
    expect(ls2021.documentStats.stated).toEqual([expect.objectContaining({ indicator: 'SIGNED_RATE', stated: 1, computed: 1, consistent: true })]);
  });

  it('has no target for 2020, so targetMet is null', async () => {
    const { dossierStats } = await stats('04969/1', 2020);
    expect(dossierStats.target).toBeNull();
    expect(dossierStats.targetMet).toBeNull();
  });

  it('reports a merged commune across the 2025 reform with its predecessors', async () => {
    const alone = await stats('05068/2', 2021);
    expect(alone.dossierStats).toMatchObject({ communeIds: ['05068/2'], received: 0, onlineRate: null });
    const merged = await stats('05068/2', 2021, true);
    expect(merged.name).toBe('Hợp Kim');
    expect(merged.dossierStats).toMatchObject({ communeIds: ['05035/1', '05068/1', '05068/2', '05080/1'], received: 1964, online: 411, onlineRate: 0.209, stated: [] });
    expect(merged.documentStats).toMatchObject({ outgoingElectronic: 622, outgoingSigned: 610, signedRate: 0.981 });
    const lienSon = await stats('04960/2', 2020, true);
    expect(lienSon.dossierStats).toMatchObject({ received: 2690, online: 657 });
  });

  it('rejects an impossible year with BAD_USER_INPUT', async () => {
    const response = await postGraphQL(hub.url, STATS, { id: '05068/1', year: 20211 });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('lists the 2021 targets', async () => {
    const response = await postGraphQL<{ kpiTargets: unknown[] }>(hub.url, '{ kpiTargets(year: 2021) { indicator minimum scope unitId } }');
    expect(response.data?.kpiTargets).toEqual([{ indicator: 'ONLINE_RATE', minimum: 0.5, scope: 'PROVINCE', unitId: '17/1' }]);
  });
});
