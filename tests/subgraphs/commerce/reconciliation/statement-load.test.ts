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
  // Rows outside the period are listed after the row errors of the same parsed chunk, as when
  // whole chunks of records were handed over: which problems the first maxErrors are stays the same.
  it('lists a chunk\'s row errors before its rows outside the period, chunk after chunk', async () => {
    const rows = [
      row('T1', '01/11/2026 08:00:00'),
      row('T2', '05/12/2026 08:00:00'),
      row('T3', '01/11/2026 08:00:00', '150.000', 'USD'),
      row('T4', '06/12/2026 08:00:00'),
      row('T5', '01/11/2026 08:00:00', '1,5'),
    ];
    // csv-parse hands over the last record of a chunk with the next one (or at the end): T1–T4,
    // then T5. T3's currency is reported before T2's time, then T5 (maxErrors 3 lists no more).
    const oneChunk = await rejection(header + rows.join(''), 1 << 20, 3);
    expect(oneChunk).toBeInstanceOf(StatementRejectedError);
    expect(oneChunk.total).toBe(4);
    expect(oneChunk.errors.map((e) => e.line)).toEqual([4, 3, 5]);
    // Cut after T3's line: T1–T2, then T3–T4 (T3's currency before T4's time), then T5.
    const cut = Buffer.byteLength(header + rows.slice(0, 3).join(''), 'utf8');
    const twoChunks = await rejection(header + rows.join(''), cut, 20);
    expect(twoChunks.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(twoChunks.errors[0].message).toBe('s.csv:3: the transaction time 2026-12-05 08:00:00 (UTC+7) is outside the period 2026-11-01 of this run: is this the statement of another period?');
  });
});
