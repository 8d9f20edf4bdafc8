import { Readable } from 'node:stream';
import { setTimeout } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { readerFor } from '../../../../connectors/statements/registry.js';
import { parsePeriod } from '../../../../subgraphs/commerce/reconciliation/period.js';
import { loadStatement, StatementRejectedError } from '../../../../subgraphs/commerce/reconciliation/statement-load.js';

const header = 'Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';
const row = (id: string, time: string, amount = '150.000', currency = 'VND') => `${id},R${id},${time},${amount},0,${currency},Thành công,Thanh toán,,0901234567\n`;

async function rejection(text: string, chunkBytes: number, maxErrors: number): Promise<StatementRejectedError> {
  const bytes = Buffer.from(text, 'utf8');
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkBytes) }, (_, k) => bytes.subarray(k * chunkBytes, (k + 1) * chunkBytes));
  // A pause between chunks, as a file read from disk has: each is parsed and handed over on its own.
  async function* slowly() {
    for (const chunk of chunks) {
      yield chunk;
      await setTimeout(5);
    }
  }
  const load = loadStatement(readerFor('viettel-money'), Readable.from(slowly()), { period: parsePeriod('2026-11-01'), source: 's.csv', maxErrors });
  return (await load.catch((e: unknown) => e)) as StatementRejectedError;
}

describe('loading a statement', () => {
  // Rows outside the period are listed among the reader's own row errors, in line order, however
  // the file arrives in chunks: which problems the first maxErrors are does not depend on it.
  it('lists every problem in line order, whatever the chunks', async () => {
    const rows = [
      row('T1', '01/11/2026 08:00:00'),
      row('T2', '05/12/2026 08:00:00'),
      row('T3', '01/11/2026 08:00:00', '150.000', 'USD'),
      row('T4', '06/12/2026 08:00:00'),
      row('T5', '01/11/2026 08:00:00', '1,5'),
    ];
    const text = header + rows.join('');
    const cut = Buffer.byteLength(header + rows.slice(0, 3).join(''), 'utf8');
    for (const chunkBytes of [1 << 20, cut, cut - 1, 7]) {
      const first3 = await rejection(text, chunkBytes, 3);
      expect(first3).toBeInstanceOf(StatementRejectedError);
      expect(first3.total).toBe(4);
      expect(first3.errors.map((e) => e.line)).toEqual([3, 4, 5]);
      const all = await rejection(text, chunkBytes, 20);
      expect(all.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
      expect(all.errors[0].message).toBe('s.csv:3: the transaction time 2026-12-05 08:00:00 (UTC+7) is outside the period 2026-11-01 of this run: is this the statement of another period?');
    }
  });
});
