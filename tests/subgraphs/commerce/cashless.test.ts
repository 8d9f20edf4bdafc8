import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHubToken } from '../../../subgraphs/shared/hub-token.js';
import { PILOT_COMMUNES } from '../../../subgraphs/shared/pilot-communes.js';
import { Role } from '../../../subgraphs/shared/roles.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../helpers/hub.js';

const NT = PILOT_COMMUNES.namThuong;
const LS = PILOT_COMMUNES.lienSon;

const CASHLESS = `query ($id: ID!, $year: Int!, $month: String!) { communeById(id: $id) {
  cashless(year: $year) { year budgetPaidOfficials officialsWithAccount officialAccountShare producerAccounts cashPoints }
  cashPoints { id operator name throughput(month: $month) { cashInVnd cashOutVnd totalVnd } }
  cashPointThroughput(month: $month) { cashInVnd cashOutVnd totalVnd reportingPoints }
} }`;
type Cashless = {
  communeById: {
    cashless: { year: number; budgetPaidOfficials: number | null; officialsWithAccount: number; officialAccountShare: number | null; producerAccounts: number; cashPoints: number };
    cashPoints: { id: string; operator: string; throughput: { totalVnd: number } }[];
    cashPointThroughput: { cashInVnd: number; cashOutVnd: number; totalVnd: number; reportingPoints: number };
  };
};
const ACCOUNT = `mutation ($input: RecordCashlessAccountInput!) { recordCashlessAccount(input: $input) { cashless { officialsWithAccount producerAccounts officialAccountShare } } }`;
const STAFF = `mutation ($input: SetBudgetPaidOfficialsInput!) { setBudgetPaidOfficials(input: $input) { cashless { budgetPaidOfficials officialAccountShare } } }`;
const POINT = `mutation ($input: AddCashPointInput!) { addCashPoint(input: $input) { cashPoint { id } } }`;
const MONTH = `mutation ($input: RecordCashPointMonthInput!) { recordCashPointMonth(input: $input) { cashPoint { id throughput(month: "2022-01") { totalVnd } } } }`;

describe('commerce through the gateway: cashless accounts and cash-in/cash-out points', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  const token = async (roles: Role[], codes: string[]) => bearer(await signHubToken(env.config, { subject: `${roles.join('+')}@${codes.join(',')}`, roles, communeCodes: codes }));

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'commerce'], seed: true });
  });
  afterAll(async () => {
    await hub?.close();
    await env?.cleanup();
  });

  const read = async (id: string, year: number, month: string) => {
    const response = await postGraphQL<Cashless>(hub.url, CASHLESS, { id, year, month });
    expect(response.errors).toBeUndefined();
    return response.data!.communeById;
  };

  it('reads the pilot publicly: every budget-paid official with an account in 2021; Viettel points at 4.5 billion in December 2021', async () => {
    const nt = await read(NT.id, 2021, '2021-12');
    const ls = await read(LS.id, 2021, '2021-12');
    for (const c of [nt, ls]) expect(c.cashless).toMatchObject({ budgetPaidOfficials: 21, officialsWithAccount: 21, officialAccountShare: 1, cashPoints: 1 });
    expect(nt.cashPoints[0]).toMatchObject({ operator: 'VIETTEL', throughput: { totalVnd: 2_000_000_000 } });
    const total = nt.cashPointThroughput.totalVnd + ls.cashPointThroughput.totalVnd;
    expect(total).toBeGreaterThanOrEqual(4_000_000_000);
    expect(total).toBeLessThanOrEqual(5_000_000_000);
    expect((await read(NT.id, 2020, '2020-12')).cashless).toMatchObject({ budgetPaidOfficials: null, officialsWithAccount: 0, officialAccountShare: null });
  });

  it('lets finance record accounts, staffing and point figures; a second account with the same provider is a CONFLICT', async () => {
    // Liên Sơn (04969) ended on 2025-06-30; its successor's finance staff (04960) keep its records.
    const finance = await token([Role.FINANCE], ['04960']);
    const staffed = await postGraphQL(hub.url, STAFF, { input: { communeId: LS.id, year: 2022, budgetPaidOfficials: 22, source: 'Phòng Nội vụ' } }, finance);
    expect(staffed.data).toEqual({ setBudgetPaidOfficials: { cashless: { budgetPaidOfficials: 22, officialAccountShare: 0.955 } } });
    const wallet = await postGraphQL(hub.url, ACCOUNT, { input: { communeId: LS.id, holderKind: 'PRODUCER', holderRef: 'pilot-postmart-02', provider: 'LPBANK', accountKind: 'E_WALLET', openedOn: '2022-01-05' } }, finance);
    expect(wallet.data).toMatchObject({ recordCashlessAccount: { cashless: { producerAccounts: 1 } } });
    const twice = await postGraphQL(hub.url, ACCOUNT, { input: { communeId: LS.id, holderKind: 'PRODUCER', holderRef: 'pilot-postmart-02', provider: 'LPBANK', accountKind: 'E_WALLET', openedOn: '2022-01-06' } }, finance);
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    const month = await postGraphQL(hub.url, MONTH, { input: { cashPointId: 'cashpoint-04969-viettel', month: '2022-01', cashInVnd: 1_000_000_000, cashOutVnd: 500_000_000 } }, finance);
    expect(month.data).toMatchObject({ recordCashPointMonth: { cashPoint: { throughput: { totalVnd: 1_500_000_000 } } } });
    const stranger = await postGraphQL(hub.url, POINT, { input: { communeId: LS.id, operator: 'VNPT', name: 'Điểm VNPT', address: 'Chợ' } }, await token([Role.FINANCE], [NT.code]));
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with BAD_USER_INPUT and writes nothing', async () => {
    const finance = await token([Role.FINANCE], [NT.code]);
    const account = { communeId: NT.id, holderKind: 'BUDGET_PAID_OFFICIAL', holderRef: 'CB-99', provider: 'VIETTEL_MONEY', accountKind: 'MOBILE_MONEY', openedOn: '2023-01-01' };
    for (const [change, field] of [
      [{ holderRef: 'Nguyễn Văn A 0912345678' }, 'input.holderRef'],
      [{ openedOn: '2999-01-01' }, 'input.openedOn'],
      [{ communeId: 'x' }, 'input.communeId'],
    ] as const) {
      const response = await postGraphQL(hub.url, ACCOUNT, { input: { ...account, ...change } }, finance);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(response.errors?.[0].message).not.toContain('0912345678');
    }
    for (const [change, field] of [
      [{ year: 1800 }, 'input.year'],
      [{ budgetPaidOfficials: 0 }, 'input.budgetPaidOfficials'],
      [{ source: ' ' }, 'input.source'],
    ] as const) {
      const base = { communeId: NT.id, year: 2023, budgetPaidOfficials: 20, source: 'x' };
      const response = await postGraphQL(hub.url, STAFF, { input: { ...base, ...change } }, finance);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badPoint = await postGraphQL(hub.url, POINT, { input: { communeId: NT.id, operator: 'VIETTEL', name: '', address: 'x' } }, finance);
    expect(badPoint.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    for (const [change, field] of [
      [{ month: '2022-13' }, 'input.month'],
      [{ month: '2999-01' }, 'input.month'],
    ] as const) {
      const base = { cashPointId: 'cashpoint-05068-viettel', month: '2022-02', cashInVnd: 1, cashOutVnd: 1 };
      const response = await postGraphQL(hub.url, MONTH, { input: { ...base, ...change } }, finance);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const negative = await postGraphQL(hub.url, MONTH, { input: { cashPointId: 'cashpoint-05068-viettel', month: '2022-02', cashInVnd: -5, cashOutVnd: 1 } }, finance);
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const after = await read(NT.id, 2023, '2022-02');
    expect(after.cashless).toMatchObject({ budgetPaidOfficials: null, officialsWithAccount: 21, cashPoints: 1 });
    expect(after.cashPointThroughput.reportingPoints).toBe(0);
  });
});
