import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { rebuildMonthSummary } from '../../../subgraphs/governance/common/month-summary.store.js';
import { DOCUMENT_SUMMARY } from '../../../subgraphs/governance/documents/document-summary.cli.js';
import { readDocumentSummary, recountDocumentSummary } from '../../../subgraphs/governance/documents/document-summary.store.js';
import { governance } from '../../../subgraphs/governance/index.js';
import { runImport } from '../../../subgraphs/governance/imports/import-runner.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, TEST_DATABASE_URL, type TestEnvironment } from '../../helpers/databases.js';
import { startSubgraph } from '../../helpers/gateway-signing.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';

const ISSUE = 'mutation ($input: IssueOutgoingDocumentInput!) { issueOutgoingDocument(input: $input) { document { id } } }';
const REGISTER = 'mutation ($input: RegisterIncomingDocumentInput!) { registerIncomingDocument(input: $input) { document { id } } }';
const SIGN = 'mutation ($input: AttachSignatureInput!) { attachSignature(input: $input) { signature { id } } }';
const STATS = '{ communeById(id: "05068/1") { documentStats(year: 2021) { incoming incomingElectronic outgoing outgoingElectronic outgoingSigned } } }';

const outgoing = (extra: Record<string, unknown> = {}) => ({
  communeId: '05068/1',
  symbol: 'TB-UBND',
  documentType: 'NOTICE',
  issuedOn: '2021-01-31',
  issuingBody: 'UBND xã Nam Thượng',
  subject: 'Thông báo lịch tiếp công dân',
  signerName: 'Nguyễn Văn An',
  signerPosition: 'Chủ tịch',
  ...extra,
});
const incoming = (extra: Record<string, unknown> = {}) => ({
  communeId: '05068/1',
  number: 8801,
  symbol: 'UBND-VP',
  documentType: 'OFFICIAL_LETTER',
  issuedOn: '2021-02-26',
  issuingBody: 'UBND huyện Kim Bôi',
  subject: 'V/v báo cáo chuyển đổi số',
  arrivedOn: '2021-03-01',
  ...extra,
});
const signature = (documentId: string, serial: string, kind = 'SIGNER') => ({
  documentId,
  kind,
  signerName: 'Nguyễn Văn An',
  signerPosition: 'Chủ tịch',
  signedAt: '2021-02-01T09:00:00+07:00',
  certificateSerial: serial,
  certificateIssuer: 'Ban Cơ yếu Chính phủ',
});
/** One outgoing electronic document with both signatures and one incoming one, as an import file gives them. */
const importFile = (changes: { arrivedOn?: string; electronic?: boolean; signed?: boolean } = {}) =>
  JSON.stringify([
    {
      direction: 'OUTGOING',
      communeCode: '05068',
      number: 7701,
      symbol: 'KH-UBND',
      documentType: 'PLAN',
      issuedOn: '2021-05-31',
      issuingBody: 'UBND xã Nam Thượng',
      subject: 'Kế hoạch chuyển đổi số năm 2021',
      signerName: 'Nguyễn Văn An',
      signerPosition: 'Chủ tịch',
      electronic: true,
      ...(changes.signed === false ? {} : { signedAt: '2021-05-31T15:00:00+07:00', certificateSerial: 'imp-1', certificateIssuer: 'Ban Cơ yếu Chính phủ' }),
    },
    {
      direction: 'INCOMING',
      communeCode: '05068',
      number: 7702,
      symbol: 'STTTT-CĐS',
      documentType: 'OFFICIAL_LETTER',
      issuedOn: '2021-12-30',
      issuingBody: 'Sở Thông tin và Truyền thông tỉnh Hòa Bình',
      subject: 'V/v khảo sát hạ tầng số',
      arrivalNumber: 9901,
      arrivedOn: changes.arrivedOn ?? '2021-12-31',
      electronic: changes.electronic ?? true,
    },
  ]);

describe.each([
  { label: 'SQLite', postgres: false },
  { label: 'PostgreSQL', postgres: true },
])('governance: the document month summary equals a recount of the register ($label)', ({ postgres }) => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let officer: Record<string, string>;

  beforeAll(async () => {
    if (postgres && !TEST_DATABASE_URL) return;
    env = await createTestEnvironment({ postgres });
    subgraph = await startSubgraph(governance, { config: env.config, port: 0, host: '127.0.0.1', seed: true, target: env.target('governance') });
    // Nam Thượng ended on 2025-06-30: its register is kept by Hợp Kim's officers (05068).
    officer = bearer(await signHubToken(env.config, { subject: 'officer-doc-summary', roles: [Role.OFFICER], communeCodes: ['05068'] }));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const em = () => subgraph.orm.em.fork();
  const expectSummaryExact = async () => {
    const summary = await readDocumentSummary(em());
    expect(summary.length).toBeGreaterThan(0);
    expect(summary).toEqual(await recountDocumentSummary(em()));
  };
  const send = async <T>(query: string, input: Record<string, unknown>) => {
    const response = await postGraphQL<T>(subgraph.url, query, { input }, officer);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const stats = async () => (await postGraphQL<{ communeById: { documentStats: Record<string, number> } }>(subgraph.url, STATS, {})).data!.communeById.documentStats;

  it.skipIf(postgres && !TEST_DATABASE_URL)('after the seed, each mutation, each import, and a re-seed', async () => {
    await expectSummaryExact();
    const seeded = await stats();
    // The README's figures for Nam Thượng 2021: 610 of 622 outgoing documents signed.
    expect(seeded).toMatchObject({ outgoing: 622, outgoingSigned: 610 });

    // Mutations: a new outgoing document (electronic, unsigned) and incoming ones, paper and electronic.
    const issued = await send<{ issueOutgoingDocument: { document: { id: string } } }>(ISSUE, outgoing());
    await send(REGISTER, incoming());
    await send(REGISTER, incoming({ number: 8802, electronic: false }));
    await expectSummaryExact();
    // The first signature makes it signed; the second (the organisation's) changes no count.
    const id = issued.issueOutgoingDocument.document.id;
    await send(SIGN, signature(id, 'sum-1'));
    await expectSummaryExact();
    await send(SIGN, signature(id, 'sum-2', 'ORGANIZATION'));
    await expectSummaryExact();
    // A refused write (the same signature again) leaves the summary as it was.
    expect((await postGraphQL(subgraph.url, SIGN, { input: signature(id, 'sum-1') }, officer)).errors?.[0].extensions?.code).toBe('CONFLICT');
    await expectSummaryExact();
    expect(await stats()).toEqual({
      ...seeded,
      incoming: seeded.incoming! + 2,
      incomingElectronic: seeded.incomingElectronic! + 1,
      outgoing: seeded.outgoing! + 1,
      outgoingElectronic: seeded.outgoingElectronic! + 1,
      outgoingSigned: seeded.outgoingSigned! + 1,
    });

    // Imports: new documents (one unsigned), then the same ones changed: signed, moved to another register year, no longer electronic.
    const imported = async (text: string) => {
      const report = await runImport(em(), { kind: 'documents', format: 'json', text, source: 'summary.json' });
      expect(report.errors).toEqual([]);
      await expectSummaryExact();
      return report;
    };
    expect(await imported(importFile({ signed: false }))).toMatchObject({ created: 2 });
    expect(await imported(importFile())).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await imported(importFile({ arrivedOn: '2022-01-03', electronic: false }))).toMatchObject({ updated: 1 });
    expect(await imported(importFile({ arrivedOn: '2022-01-03', electronic: false }))).toMatchObject({ unchanged: 2 });

    // The pilot seed again (it recounts the pilot communes) keeps what was written since.
    await governance.seedPilot!(em(), env.config);
    await expectSummaryExact();
  });

  it.skipIf(postgres && !TEST_DATABASE_URL)('`hub documents rebuild-summary` recounts a summary that rows written past the hub left stale', async () => {
    await em().getConnection().execute(`update ${postgres ? 'governance.' : ''}document_month_summary set outgoing_signed = outgoing_signed + 3`);
    expect(await readDocumentSummary(em())).not.toEqual(await recountDocumentSummary(em()));
    const { communeMonths } = await rebuildMonthSummary(em(), DOCUMENT_SUMMARY);
    expect(communeMonths).toBeGreaterThan(0);
    await expectSummaryExact();
  });
});
