import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../../core/db/database.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { commerceHub, reconciliationOnly, VIETTEL_HEADER, writeFile } from './fixtures.js';

describe('hub import payments', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await env?.cleanup();
  });

  const hub = (...args: string[]) => commerceHub(env, ...args);

  const stored = async () => {
    const orm = await openDatabase(reconciliationOnly.database, env.target('commerce'));
    try {
      return (await orm.em.fork().find(ExpectedPayment, {}, { orderBy: { id: 'asc' } })).map((e) => [e.id, e.provider, e.reference, e.amountVnd, e.expectedAt.toISOString(), e.payer ?? null, e.producerId]);
    } finally {
      await orm.close(true);
    }
  };

  const CSV =
    '\uFEFFid,provider,reference,amountVnd,expectedAt,payer,producerId\r\n' +
    'cho-1,viettel-money,CHO-0001,150000,2026-11-01 08:00,0987654321,p1\r\n' +
    'cho-2,vnpt-money,CHO-0002,45000,2026-11-01T02:00:00Z,,p2\r\n';

  it('refuses a file with bad rows, listing every problem with its line, and writes nothing', async () => {
    const file = writeFile(
      env.dataDir,
      'bad.csv',
      'id,provider,reference,amountVnd,expectedAt,payer,producerId\n' +
        'x1,momo,R1,150000,2026-11-01 08:00,,p1\n' +
        'x2,viettel-money,R2,"150,000",2026-11-01 08:00,,p1\n' +
        'x3,viettel-money,R3,150000,31/11/2026,,p1\n' +
        'x1,viettel-money,R4,1000,2026-11-01 08:00,,p1\n' +
        'x5,viettel-money,R5,100,2026-11-01 08:00,,\n',
    );
    const { err, exitCode } = await hub('import', 'payments', file);
    expect(exitCode).toBe(1);
    expect(err.split('\n')).toEqual([
      'bad.csv:2: provider "momo" is not one of viettel-money, vnpt-money, viviet',
      'bad.csv:3: amountVnd "150,000" must be whole đồng written as digits only, from 1 to 10000000000',
      'bad.csv:4: expectedAt "31/11/2026" must be "yyyy-mm-dd HH:mm[:ss]" (Vietnam time) or ISO 8601 with its offset',
      'bad.csv:5: id "x1" is already on line 2: each expected payment once',
      'bad.csv:6: producerId (the seller the payment is for) must be 1 to 64 characters',
      'bad.csv: 5 problem(s) in 5 row(s); nothing was imported. Fix the rows and run the import again.',
    ]);
    expect(await stored()).toEqual([]);
  });

  it('imports CSV (BOM, CRLF, Vietnam time) once: importing again changes nothing', async () => {
    const file = writeFile(env.dataDir, 'payments.csv', CSV);
    expect((await hub('import', 'payments', file, '--dry-run')).out).toBe('payments.csv: 2 expected payments read; 2 would be created, 0 unchanged.');
    expect(await stored()).toEqual([]);
    expect((await hub('import', 'payments', file)).out).toBe('payments.csv: 2 expected payments read; 2 were created, 0 unchanged.');
    expect((await hub('import', 'payments', file)).out).toBe('payments.csv: 2 expected payments read; 0 were created, 2 unchanged.');
    expect(await stored()).toEqual([
      ['cho-1', 'viettel-money', 'CHO-0001', 150_000, '2026-11-01T01:00:00.000Z', '0987654321', 'p1'],
      ['cho-2', 'vnpt-money', 'CHO-0002', 45_000, '2026-11-01T02:00:00.000Z', null, 'p2'],
    ]);
  });

  it('imports JSON; an id already stored with other values is a conflict, not an overwrite', async () => {
    const json = writeFile(
      env.dataDir,
      'payments.json',
      JSON.stringify([
        { id: 'cho-3', provider: 'viviet', reference: 'CHO-0003', amountVnd: 200000, expectedAt: '2026-11-01T09:00:00+07:00', producerId: 'p1' },
        { id: 'cho-1', provider: 'viettel-money', reference: 'CHO-0001', amountVnd: 150000, expectedAt: '2026-11-01 08:00', payer: '0987654321', producerId: 'p1' },
      ]),
    );
    expect((await hub('import', 'payments', json)).out).toBe('payments.json: 2 expected payments read; 1 were created, 1 unchanged.');
    const changed = writeFile(env.dataDir, 'changed.json', JSON.stringify([{ id: 'cho-2', provider: 'vnpt-money', reference: 'CHO-0002', amountVnd: 46000, expectedAt: '2026-11-01T02:00:00Z', producerId: 'p2' }]));
    const { err, exitCode } = await hub('import', 'payments', changed);
    expect(exitCode).toBe(1);
    expect(err).toContain('changed.json:1: id "cho-2" is already stored with other values (reference CHO-0002, 45000 đồng): an expected payment is not changed by an import');
    expect((await stored()).map((r) => [r[0], r[3]])).toEqual([
      ['cho-1', 150_000],
      ['cho-2', 45_000],
      ['cho-3', 200_000],
    ]);
  });

  it('the imported payments are what reconciliation matches against', async () => {
    const statement = writeFile(env.dataDir, 'vtm.csv', VIETTEL_HEADER + '1,T1,CHO-0001,01/11/2026 08:05:00,150.000,1.650,VND,Thành công,Thanh toán,,0987***321\n');
    const { out } = await hub('reconcile', '--provider', 'viettel-money', '--file', statement, '--period', '2026-11-01');
    expect(out).toMatch(/ MATCHED\s+\|\s+1\n/);
    expect(out).toMatch(/ MISSING_IN_LEDGER\s+\|\s+0\n/);
  });
});
