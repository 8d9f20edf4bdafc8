import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputLineError } from '../../../core/domain-errors.js';
import type { PaymentRecord } from '../../../connectors/statements/payment-record.js';
import { readStatement, type StatementReader } from '../../../connectors/statements/reader.js';
import { PROVIDERS, readerFor, UnknownProviderError } from '../../../connectors/statements/registry.js';

const samples = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../connectors/statements/samples');

async function readAll(reader: StatementReader, input: Readable): Promise<{ records: PaymentRecord[]; errors: InputLineError[] }> {
  const records: PaymentRecord[] = [];
  const errors: InputLineError[] = [];
  for await (const r of readStatement(reader, input, { source: 'test.csv', onError: (e) => errors.push(e) })) records.push(r);
  return { records, errors };
}

const text = (s: string) => Readable.from([Buffer.from(s, 'utf8')]);

describe('statement readers: the registry', () => {
  it('knows the three providers and names them when asked for another', () => {
    expect(PROVIDERS).toEqual(['viettel-money', 'vnpt-money', 'viviet']);
    expect(() => readerFor('momo')).toThrow(UnknownProviderError);
    expect(() => readerFor('momo')).toThrow(/Unknown statement provider "momo": use one of viettel-money, vnpt-money, viviet/);
  });
});

describe('Viettel Money reader (comma, dd/MM/yyyy UTC+7, "150.000", gross + fee)', () => {
  const reader = readerFor('viettel-money');

  it('reads the sample into canonical records', async () => {
    const { records, errors } = await readAll(reader, createReadStream(path.join(samples, 'viettel-money-2026-11-01.csv')));
    expect(errors).toEqual([]);
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual({
      provider: 'viettel-money',
      transactionId: 'VTM2611010000001',
      reference: 'DH-000101',
      kind: 'PAYMENT',
      originalTransactionId: null,
      amountVnd: 150_000,
      feeVnd: 1_650,
      occurredAt: new Date('2026-11-01T01:15:30Z'),
      status: 'SUCCESS',
      payer: '0987***321',
      line: 2,
    });
    expect(records[1].amountVnd).toBe(1_250_000);
    expect(records[2].status).toBe('FAILED');
    expect(records[3].reference).toBeNull();
    expect(records[4]).toMatchObject({ kind: 'REVERSAL', originalTransactionId: 'VTM2611010000002', amountVnd: 1_250_000 });
    // 23:59:59 in Vietnam is still day T: 16:59:59 UTC.
    expect(records[5].occurredAt.toISOString()).toBe('2026-11-01T16:59:59.000Z');
  });

  it('reads a field the same whether it is bare, quoted or holds doubled quotes (fields are compared and scanned in place)', async () => {
    const header = 'STT,Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';
    const { records, errors } = await readAll(
      reader,
      text(
        header +
          '1,T1,DH-1,01/11/2026 08:00:00,150.000,1.650,VND,Thành công,Thanh toán,,0987654321\n' +
          '2,"T2","DH-2","01/11/2026 08:00:00","150.000","","VND","Thành công","Thanh toán","","0987654321"\n' +
          '3,T3,DH-3,01/11/2026 08:00:00,150.000,0,VND,' + 'Thành công'.normalize('NFD') + ',THANH TOÁN,,\n' +
          '4,"T""4","DH-""4",01/11/2026 08:00:00,150.000,0,VND,Thành công,Hoàn tiền,"T""2",\n' +
          '5,T5,DH-5,"01/11/2026 08:00:0""0",150.000,0,VND,Thành công,Thanh toán,,\n' +
          '6,T6,DH-6,01/11/2026 08:00:00,"150."".000",0,VND,Thành công,Thanh toán,,\n' +
          '7,T7,DH-7,01/11/2026 08:00:00,150.000,0,"V""ND",Thành công,Thanh toán,,\n' +
          '8,T8,DH-8,01/11/2026 08:00:00,150.000,0, VND ,"Thành ""công",Thanh toán,,\n' +
          '9,T9,DH-9,31/11/2026 08:00:00,150.000,0,VND,Thành công,Thanh toán,,\n' +
          '10,T10,DH-10,01/11/2026 08:00:00,150.000,0,VNDD,Thành công,Thanh toán,,\n' +
          '11,T11,DH-11,01/11/2026 08:00:00,150.000,0,VND,Thành côngx,Thanh toán,,\n',
      ),
    );
    expect(records.map((r) => [r.transactionId, r.reference, r.amountVnd, r.feeVnd, r.status, r.kind, r.originalTransactionId, r.payer, r.occurredAt.toISOString()])).toEqual([
      ['T1', 'DH-1', 150_000, 1_650, 'SUCCESS', 'PAYMENT', null, '0987654321', '2026-11-01T01:00:00.000Z'],
      ['T2', 'DH-2', 150_000, 0, 'SUCCESS', 'PAYMENT', null, '0987654321', '2026-11-01T01:00:00.000Z'],
      ['T3', 'DH-3', 150_000, 0, 'SUCCESS', 'PAYMENT', null, null, '2026-11-01T01:00:00.000Z'],
      ['T"4', 'DH-"4', 150_000, 0, 'SUCCESS', 'REVERSAL', 'T"2', null, '2026-11-01T01:00:00.000Z'],
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'test.csv:6: "Thời gian giao dịch" "01/11/2026 08:00:0"0" is not dd/MM/yyyy HH:mm:ss',
      'test.csv:7: "Số tiền" "150.".000" is not an amount in this layout\'s format, dots group thousands, optional ",00" (e.g. 1.250.000 or 1.250.000,00)',
      'test.csv:8: "Loại tiền" is "V"ND", not VND: the hub reconciles đồng only',
      'test.csv:9: "Trạng thái" "Thành "công" is not one of Thành công, Đang xử lý, Thất bại',
      'test.csv:10: "Thời gian giao dịch" "31/11/2026 08:00:00" is not a real date and time',
      'test.csv:11: "Loại tiền" is "VNDD", not VND: the hub reconciles đồng only',
      'test.csv:12: "Trạng thái" "Thành côngx" is not one of Thành công, Đang xử lý, Thất bại',
    ]);
  });

  it('reports each bad row with its line and keeps reading', async () => {
    const header = 'STT,Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';
    const { records, errors } = await readAll(
      reader,
      text(
        header +
          '1,T1,R1,01/11/2026 08:00:00,"150.000,50",0,VND,Thành công,Thanh toán,,\n' +
          '2,T2,R2,01/11/2026 08:00:00,150.000,0,USD,Thành công,Thanh toán,,\n' +
          '3,T3,R3,31/11/2026 08:00:00,150.000,0,VND,Thành công,Thanh toán,,\n' +
          '4,T4,R4,01/11/2026 08:00:00,150.000,0,VND\n' +
          '5,T5,R5,01/11/2026 08:00:00,15O.000,0,VND,Thành công,Thanh toán,,\n' +
          '6,T6,R6,01/11/2026 08:00:00,150.000,0,VND,Thành công,Hoàn tiền,,\n' +
          '7,T7,R7,01/11/2026 08:00:00,150.000,0,VND,Thành công,Thanh toán,,\n',
      ),
    );
    expect(records.map((r) => r.transactionId)).toEqual(['T7']);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errors[0].message).toBe('test.csv:2: "Số tiền" "150.000,50" has a fraction of a đồng; VND amounts are whole numbers');
    expect(errors[1].message).toMatch(/test.csv:3: "Loại tiền" is "USD", not VND/);
    expect(errors[2].message).toMatch(/"31\/11\/2026 08:00:00" is not a real date/);
    expect(errors[3].message).toMatch(/expected 11 fields separated by ",", found 7: the row is malformed/);
    expect(errors[4].message).toMatch(/"15O.000" is not an amount in this layout's format, dots group thousands/);
    expect(errors[5].message).toMatch(/must name "Mã giao dịch gốc"/);
  });

  it('without onError, the first bad row throws with its line', async () => {
    const header = 'Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';
    const run = async () => {
      for await (const _ of readStatement(reader, text(header + 'T1,R1,01/11/2026 08:00:00,"1,5",0,VND,Thành công,Thanh toán,,\n'))) void _;
    };
    await expect(run()).rejects.toThrow(/^line 2: "Số tiền" "1,5" has a fraction of a đồng/);
  });

  it('counts lines as an editor shows them, across empty lines and quoted line breaks', async () => {
    const header = 'Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\r\n';
    const good = (id: string, ref: string) => `${id},${ref},01/11/2026 08:00:00,150.000,0,VND,Thành công,Thanh toán,,\r\n`;
    const file = header + good('T1', 'R1') + '\r\n' + good('T2', '"R2\r\nsecond line"') + good('T3', 'R3').replace('VND', 'USD') + '\r\n\r\n' + good('T4', 'R4').replace('150.000', '1,5');
    const { records, errors } = await readAll(reader, text(file));
    expect(records.map((r) => [r.transactionId, r.line])).toEqual([
      ['T1', 2],
      ['T2', 4],
    ]);
    expect(errors.map((e) => e.line)).toEqual([6, 9]);
  });

  it('counts the lines of a quoted line break first met deep into an LF file, however the file is cut into chunks', async () => {
    const header = 'Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';
    const good = (id: string, ref: string) => `${id},${ref},01/11/2026 08:00:00,150.000,0,VND,Thành công,Thanh toán,,\n`;
    const rows = Array.from({ length: 3000 }, (_, i) => good(`T${i}`, i === 2000 ? '"R\nspread over\nthree lines"' : `R${i}`));
    rows[2500] = rows[2500].replace('VND', 'USD');
    const file = Buffer.from(header + rows.join(''), 'utf8');
    for (const size of [7, 4096, 65_536, file.length]) {
      const chunks = Array.from({ length: Math.ceil(file.length / size) }, (_, k) => file.subarray(k * size, (k + 1) * size));
      for (const input of [Readable.from(chunks), Readable.from(chunks.map((c) => c.toString('latin1')).map((c) => Buffer.from(c, 'latin1')))]) {
        const { records, errors } = await readAll(reader, input);
        expect(records.find((r) => r.transactionId === 'T1999')!.line).toBe(2001);
        expect(records.find((r) => r.transactionId === 'T2000')!.line).toBe(2002);
        expect(records.find((r) => r.transactionId === 'T2001')!.line).toBe(2005);
        expect(errors.map((e) => e.line)).toEqual([2504]);
      }
    }
    // A stream of text rather than bytes, and a file whose lines end in CR alone.
    const asText = await readAll(reader, Readable.from([header + rows.slice(0, 2100).join('')]));
    expect(asText.records.at(-1)!.line).toBe(2103);
    const crOnly = await readAll(reader, text((header + rows.slice(0, 2100).join('')).replaceAll(',,\n', ',,\r').replace(/\n(?=T)/, '\r')));
    expect(crOnly.records.at(-1)!.line).toBe(2103);
  });

  it('refuses another provider\'s file at the header, naming what is missing', async () => {
    const run = readAll(reader, createReadStream(path.join(samples, 'vnpt-money-2026-11-01.csv')));
    await expect(run).rejects.toThrow(/test.csv:1: the header lacks "Mã giao dịch".*is this a Viettel Money statement\?/);
  });
});

describe('VNPT Money reader (semicolon, yyyyMMddHHmmss UTC, amounts ×100, net + fee)', () => {
  const reader = readerFor('vnpt-money');

  it('divides by 100 and adds the fee back to get the gross amount', async () => {
    const { records, errors } = await readAll(reader, createReadStream(path.join(samples, 'vnpt-money-2026-11-01.csv')));
    expect(errors).toEqual([]);
    expect(records).toHaveLength(6);
    // AMOUNT 14835000 (net ×100) + FEE 165000 (×100) = 150.000 đồng gross, fee 1.650.
    expect(records[0]).toMatchObject({ transactionId: 'VP26110100000001', amountVnd: 150_000, feeVnd: 1_650, occurredAt: new Date('2026-11-01T01:15:30Z') });
    expect(records[3].status).toBe('FAILED');
    expect(records[4]).toMatchObject({ kind: 'REVERSAL', originalTransactionId: 'VP26110100000001', amountVnd: 50_000, feeVnd: 0 });
    expect(records[5]).toMatchObject({ reference: null, amountVnd: 300_000, payer: '84977***333' });
  });

  it('rejects an amount that is not a whole number of đồng once divided by 100', async () => {
    const header = 'TRANS_ID;PARTNER_REF;TRANS_TIME;AMOUNT;FEE;CURRENCY;STATUS;TRANS_TYPE;ORIGINAL_TRANS_ID;PAYER\n';
    const { errors } = await readAll(
      reader,
      text(header + 'V1;R1;20261101011530;14835050;0;VND;00;PAY;;\nV2;R2;20261101011530;100;0;VND;XX;PAY;;\nV3;R3;2026-11-01 01:15;100;0;VND;00;PAY;;\n'),
    );
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(errors[0].message).toMatch(/AMOUNT "14835050" is 148350.5 đồng, a fraction of a đồng: this provider sends amounts × 100/);
    expect(errors[1].message).toMatch(/STATUS "XX"/);
    expect(errors[2].message).toMatch(/TRANS_TIME "2026-11-01 01:15" is not yyyyMMddHHmmss \(UTC\)/);
  });

  it('stops at broken quoting with the line where reading stopped', async () => {
    const header = 'TRANS_ID;PARTNER_REF;TRANS_TIME;AMOUNT;FEE;CURRENCY;STATUS;TRANS_TYPE;ORIGINAL_TRANS_ID;PAYER\n';
    const run = readAll(reader, text(header + 'V1;R1;20261101011530;100;0;VND;00;PAY;;\nV2;"R2;20261101011530;100;0;VND;00;PAY;;\n'));
    await expect(run).rejects.toThrow(/is not valid VNPT Money CSV/);
  });
});

describe('ViViet reader (tab, title lines, dd-MM-yyyy HH:mm UTC+7, credit/debit columns)', () => {
  const reader = readerFor('viviet');

  it('skips the title and totals lines, keeps file line numbers, reads debits as reversals', async () => {
    const { records, errors } = await readAll(reader, createReadStream(path.join(samples, 'viviet-2026-11-01.tsv')));
    expect(errors).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([5, 6, 7, 8, 9]);
    expect(records[0]).toMatchObject({ transactionId: 'FT26305000001', reference: 'DH-000301', amountVnd: 200_000, occurredAt: new Date('2026-11-01T00:45:00Z') });
    // Booked on 02-11 but made on 01-11: the transaction time counts.
    expect(records[3]).toMatchObject({ amountVnd: 75_000, occurredAt: new Date('2026-11-01T16:50:00Z') });
    expect(records[4]).toMatchObject({ kind: 'REVERSAL', originalTransactionId: 'FT26305000001', amountVnd: 200_000, reference: null });
  });

  it('rejects "150000.50" and a row with both credit and debit', async () => {
    const head = 'T\nA\nB\nNgay hach toan\tNgay giao dich\tSo tham chieu\tMa thanh toan\tDien giai\tGhi co\tGhi no\tPhi\tLoai tien\tSo tham chieu goc\tTai khoan doi ung\n';
    const { errors } = await readAll(
      reader,
      text(head + '01-11-2026\t01-11-2026 07:45\tFT1\tR\tx\t150000.50\t0\t0\tVND\t\t\n01-11-2026\t01-11-2026 07:45\tFT2\tR\tx\t100\t100\t0\tVND\t\t\n'),
    );
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [5, '"Ghi co" "150000.50" has a fraction of a đồng; VND amounts are whole numbers'],
      [6, 'exactly one of "Ghi co" (credit) and "Ghi no" (debit) must be above 0'],
      [7, 'the closing TONG CONG line is missing: the file may be truncated; ask the provider for the whole statement'],
    ]);
  });
});

describe('streaming', () => {
  it('reads a large generated statement chunk by chunk', async () => {
    const reader = readerFor('vnpt-money');
    const n = 50_000;
    async function* lines() {
      yield 'TRANS_ID;PARTNER_REF;TRANS_TIME;AMOUNT;FEE;CURRENCY;STATUS;TRANS_TYPE;ORIGINAL_TRANS_ID;PAYER\n';
      for (let i = 0; i < n; i++) yield `V${i};R${i};20261101011530;${(i + 1) * 100};0;VND;00;PAY;;\n`;
    }
    let count = 0;
    let sum = 0;
    for await (const r of readStatement(reader, Readable.from(lines()))) {
      count++;
      sum += r.amountVnd;
    }
    expect(count).toBe(n);
    expect(sum).toBe((n * (n + 1)) / 2);
  });
});
