import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../subgraphs/shared/roles.js';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL, type GraphQLResponse } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const ISSUE = `mutation ($input: IssueOutgoingDocumentInput!) {
  issueOutgoingDocument(input: $input) { document { id number symbol numberAndSymbol direction signed registeredOn recipients } }
}`;
const REGISTER = `mutation ($input: RegisterIncomingDocumentInput!) {
  registerIncomingDocument(input: $input) { document { id arrivalNumber arrivedOn issuingBody subject electronic } }
}`;
const SIGN = `mutation ($input: AttachSignatureInput!) {
  attachSignature(input: $input) { signature { kind certificateSerial } document { id } }
}`;
const DOCUMENTS = `query ($id: ID!, $filter: DocumentFilter, $first: Int, $after: String) {
  communeById(id: $id) {
    documents(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id numberAndSymbol direction registeredOn urgency signed signatures { kind } } }
    }
  }
}`;

describe('governance documents: register, issue, sign, list (through the gateway)', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let namThuong: Record<string, string>;
  let lienSon: Record<string, string>;
  const count = async (table: string) =>
    Number((await hub.subgraphs.governance!.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);
  const send = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = namThuong) =>
    postGraphQL<T>(hub.url, query, variables, headers);
  const outgoing = (extra: Record<string, unknown> = {}) => ({
    communeId: '05068/1',
    symbol: 'QĐ-UBND',
    documentType: 'DECISION',
    issuedOn: '2024-03-05',
    issuedPlace: 'Nam Thượng',
    issuingBody: 'UBND xã Nam Thượng',
    subject: 'Quyết định thành lập Tổ công nghệ số cộng đồng',
    signerName: 'Nguyễn Văn An',
    signerPosition: 'Chủ tịch',
    recipients: ['UBND huyện Kim Bôi', 'Lưu: VT'],
    ...extra,
  });
  const expectError = (response: GraphQLResponse, code: string, field?: string) => {
    expect(response.errors?.[0].extensions).toMatchObject(field ? { code, field } : { code });
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance'], seed: true });
    namThuong = bearer(await signHubToken(env.config, { subject: 'officer-nt', roles: [Role.OFFICER], communeCodes: ['05068'] }));
    lienSon = bearer(await signHubToken(env.config, { subject: 'officer-ls', roles: [Role.OFFICER], communeCodes: ['04960'] }));
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  it('issues an outgoing document with the next number of the year, then signs it; the KPIs follow', async () => {
    const before = await send<{ communeById: { documentStats: { outgoing: number; outgoingSigned: number } } }>(
      `{ communeById(id: "05068/1") { documentStats(year: 2024) { outgoing outgoingSigned } } }`,
      {},
    );
    expect(before.data?.communeById.documentStats).toEqual({ outgoing: 0, outgoingSigned: 0 });
    const first = await send<{ issueOutgoingDocument: { document: { id: string; number: number; numberAndSymbol: string; signed: boolean } } }>(ISSUE, { input: outgoing() });
    expect(first.errors).toBeUndefined();
    expect(first.data?.issueOutgoingDocument.document).toMatchObject({ number: 1, numberAndSymbol: '1/QĐ-UBND', direction: 'OUTGOING', signed: false });
    const second = await send<{ issueOutgoingDocument: { document: { number: number } } }>(ISSUE, { input: outgoing({ symbol: 'TB-UBND', documentType: 'NOTICE' }) });
    expect(second.data?.issueOutgoingDocument.document.number).toBe(2);

    const signed = await send(SIGN, {
      input: {
        documentId: first.data!.issueOutgoingDocument.document.id,
        kind: 'SIGNER',
        signerName: 'Nguyễn Văn An',
        signerPosition: 'Chủ tịch',
        signedAt: '2024-03-05T09:00:00+07:00',
        certificateSerial: '54010101a1b2',
        certificateIssuer: 'Ban Cơ yếu Chính phủ',
      },
    });
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.attachSignature).toMatchObject({ signature: { kind: 'SIGNER', certificateSerial: '54010101A1B2' } });
    const after = await send<{ communeById: { documentStats: unknown } }>(
      `{ communeById(id: "05068/1") { documentStats(year: 2024) { outgoing outgoingElectronic outgoingSigned signedRate } } }`,
      {},
    );
    expect(after.data?.communeById.documentStats).toEqual({ outgoing: 2, outgoingElectronic: 2, outgoingSigned: 1, signedRate: 0.5 });
  });

  it('rejects a duplicate number of the same issuer in the same year with CONFLICT, writing nothing', async () => {
    const before = await count('document');
    const duplicate = await send(ISSUE, { input: outgoing({ number: 1 }) });
    expectError(duplicate, 'CONFLICT', 'input.number');
    expect(duplicate.errors?.[0].message).toMatch(/1\/QĐ-UBND of 2024/);
    expect(await count('document')).toBe(before);
    // Numbering restarts on 1 January: number 1 of 2025 is free.
    const nextYear = await send(ISSUE, { input: outgoing({ number: 1, issuedOn: '2025-01-02' }) });
    expect(nextYear.errors).toBeUndefined();
  });

  it('registers an incoming document with the next arrival number and rejects one that arrived before it was issued', async () => {
    const input = {
      communeId: '04969/1',
      number: 9057,
      symbol: 'UBND-VP',
      documentType: 'OFFICIAL_LETTER',
      issuedOn: '2021-12-30',
      issuingBody: 'UBND huyện Lương Sơn',
      subject: 'V/v triển khai dịch vụ công trực tuyến toàn trình',
      arrivedOn: '2021-12-31',
    };
    const ok = await send<{ registerIncomingDocument: { document: { arrivalNumber: number; electronic: boolean } } }>(REGISTER, { input }, lienSon);
    expect(ok.errors).toBeUndefined();
    // The seed registered 3,177 incoming documents for Liên Sơn in 2021.
    expect(ok.data?.registerIncomingDocument.document).toMatchObject({ arrivalNumber: 3178, electronic: true });
    const before = await count('document');
    const early = await send(REGISTER, { input: { ...input, number: 9058, arrivedOn: '2021-12-29' } }, lienSon);
    expectError(early, 'BAD_USER_INPUT', 'input.arrivedOn');
    const takenArrival = await send(REGISTER, { input: { ...input, number: 9059, arrivalNumber: 12 } }, lienSon);
    expectError(takenArrival, 'CONFLICT', 'input.arrivalNumber');
    const classifiedOnline = await send(REGISTER, { input: { ...input, number: 9060, secrecy: 'SECRET' } }, lienSon);
    expectError(classifiedOnline, 'BAD_USER_INPUT', 'input.electronic');
    expect(await count('document')).toBe(before);
  });

  it('refuses officers of another commune, anonymous callers, and records dated outside the unit\'s life', async () => {
    const before = await count('document');
    expectError(await send(ISSUE, { input: outgoing({ issuedOn: '2024-04-01' }) }, lienSon), 'FORBIDDEN');
    expectError(await send(ISSUE, { input: outgoing({ issuedOn: '2024-04-01' }) }, {}), 'UNAUTHENTICATED');
    // Nam Thượng ended on 2025-06-30; a document of 2025-08-01 belongs to Hợp Kim (05068/2).
    expectError(await send(ISSUE, { input: outgoing({ issuedOn: '2025-08-01' }) }), 'BAD_USER_INPUT', 'input.issuedOn');
    expectError(await send(ISSUE, { input: outgoing({ communeId: '99999/1' }) }), 'BAD_USER_INPUT', 'input.communeId');
    expect(await count('document')).toBe(before);
  });

  it('refuses to sign an incoming document and a signature recorded twice', async () => {
    const page = await send<{ communeById: { documents: { edges: { node: { id: string } }[] } } }>(DOCUMENTS, {
      id: '05068/1',
      filter: { direction: 'INCOMING', year: 2021 },
      first: 1,
    });
    const incomingId = page.data!.communeById.documents.edges[0].node.id;
    const signature = { kind: 'SIGNER', signerName: 'X', signedAt: '2021-06-01T09:00:00+07:00', certificateSerial: 'AA', certificateIssuer: 'Ban Cơ yếu Chính phủ' };
    expectError(await send(SIGN, { input: { ...signature, documentId: incomingId } }), 'BAD_USER_INPUT', 'input.documentId');
    const signedPage = await send<{ communeById: { documents: { edges: { node: { id: string } }[] } } }>(DOCUMENTS, {
      id: '05068/1',
      filter: { direction: 'OUTGOING', year: 2021, signed: true },
      first: 1,
    });
    const signedId = signedPage.data!.communeById.documents.edges[0].node.id;
    const before = await count('document_signature');
    const first = await send(SIGN, { input: { ...signature, documentId: signedId } });
    expect(first.errors).toBeUndefined();
    expectError(await send(SIGN, { input: { ...signature, documentId: signedId } }), 'CONFLICT');
    expect(await count('document_signature')).toBe(before + 1);
  });

  it('pages through the register with filters: signed or not, urgency, year, direction', async () => {
    const list = async (filter: Record<string, unknown>, first = 100, after?: string) => {
      const response = await send<{
        communeById: { documents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; registeredOn: string; signed: boolean; urgency: string } }[] } };
      }>(DOCUMENTS, { id: '05068/1', filter, first, after });
      expect(response.errors).toBeUndefined();
      return response.data!.communeById.documents;
    };
    expect((await list({ direction: 'OUTGOING', year: 2021, signed: false })).totalCount).toBe(12);
    expect((await list({ direction: 'OUTGOING', year: 2021, signed: true })).totalCount).toBe(610);
    expect((await list({ direction: 'INCOMING', year: 2020 })).totalCount).toBe(1147);
    const urgent = await list({ year: 2021, urgency: 'FLASH' });
    expect(urgent.edges.every((e) => e.node.urgency === 'FLASH')).toBe(true);
    expect(urgent.totalCount).toBeGreaterThan(0);

    // Walk all 12 unsigned documents 5 at a time: no repeats, newest first, nothing missed.
    const seen: string[] = [];
    let after: string | undefined;
    let dates: string[] = [];
    for (;;) {
      const page = await list({ direction: 'OUTGOING', year: 2021, signed: false }, 5, after);
      seen.push(...page.edges.map((e) => e.node.id));
      dates = dates.concat(page.edges.map((e) => e.node.registeredOn));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    expect([...dates].sort().reverse()).toEqual(dates);

    const search = await list({ search: 'chu ky so' });
    expect(search.totalCount).toBeGreaterThan(0);
  });

  it('reads one document by id with its commune and signatures; an unknown id is null', async () => {
    const page = await send<{ communeById: { documents: { edges: { node: { id: string } }[] } } }>(DOCUMENTS, {
      id: '04969/1',
      filter: { direction: 'OUTGOING', year: 2021, signed: true },
      first: 1,
    }, lienSon);
    const id = page.data!.communeById.documents.edges[0].node.id;
    const one = await send<{ document: Record<string, unknown> }>(
      `query ($id: ID!) { document(id: $id) { id direction electronic signed commune { id name } issuingBody signerPosition signatures { kind certificateIssuer } } }`,
      { id },
      lienSon,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data?.document).toMatchObject({
      id,
      direction: 'OUTGOING',
      electronic: true,
      signed: true,
      commune: { id: '04969/1', name: 'Liên Sơn' },
      issuingBody: 'UBND xã Liên Sơn',
      signatures: [
        { kind: 'SIGNER', certificateIssuer: 'Ban Cơ yếu Chính phủ' },
        { kind: 'ORGANIZATION', certificateIssuer: 'Ban Cơ yếu Chính phủ' },
      ],
    });
    expect((await send<{ document: unknown }>(`{ document(id: "doc_nothing") { id } }`, {})).data?.document).toBeNull();
    expectError(await send(`query ($id: ID!) { document(id: $id) { id } }`, { id }, namThuong), 'FORBIDDEN');
  });

  it('bounds page sizes and keeps the register from anonymous callers and other communes', async () => {
    expectError(await send(DOCUMENTS, { id: '05068/1', first: 101 }), 'BAD_USER_INPUT', 'first');
    // Without a token the request fails as a whole (401), as every UNAUTHENTICATED error does.
    const anonymous = await send<{ communeById: { documents: unknown } }>(DOCUMENTS, { id: '05068/1' }, {});
    expect(anonymous.data?.communeById?.documents ?? null).toBeNull();
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const other = await send<{ communeById: { documents: unknown } }>(DOCUMENTS, { id: '05068/1' }, lienSon);
    expect(other.data?.communeById.documents).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
