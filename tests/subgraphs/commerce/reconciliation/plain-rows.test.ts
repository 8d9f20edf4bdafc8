import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainItem, PackBuilder, packText, type BuiltPack, type PackValues } from '../../../../subgraphs/commerce/reconciliation/item-pack.js';
import { JsonBytes } from '../../../../subgraphs/commerce/reconciliation/json-bytes.js';
import { PackedStrings } from '../../../../subgraphs/commerce/reconciliation/packed-strings.js';
import { PayerColumn } from '../../../../subgraphs/commerce/reconciliation/payer-column.js';
import { PlainRow } from '../../../../subgraphs/commerce/reconciliation/plain-row.js';
import { resultEntries, resultItems } from '../../../../subgraphs/commerce/reconciliation/result-items.js';
import { matchedTables } from './plain-rows-fixture.js';

/** What `write` puts into a JsonBytes, as a string. */
function written(write: (out: JsonBytes) => void): string {
  const out = new JsonBytes();
  write(out);
  return out.text();
}

describe('JSON written as bytes', () => {
  it('writes strings and numbers as JSON.stringify does (escapes, lone surrogates, UTF-8, whole and other numbers)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (value) => {
        expect(written((out) => out.string(value))).toBe(JSON.stringify(value));
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double(), fc.constantFrom(0, -0, 1e9, 1e9 - 1, 1e9 + 1, 2 ** 53, 1e21, 1.5e300, NaN)), (value) => {
        expect(written((out) => out.number(value))).toBe(JSON.stringify(value));
      }),
    );
  });

  it('copies a packed column row as JSON.stringify writes its string, escaping where it must', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 30 }), (values) => {
        const column = new PackedStrings();
        for (const v of values) column.push(v);
        values.forEach((_, i) => expect(written((out) => column.writeJson(i, out))).toBe(JSON.stringify(column.get(i))));
      }),
    );
  });

  it('writes a payer as JSON.stringify writes the payer read back, coded (digits and masks, 0 to 14) or not', () => {
    const payer = fc.oneof(fc.stringMatching(/^[0-9*]{0,16}$/), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(payer, { maxLength: 30 }), (payers) => {
        const column = new PayerColumn();
        payers.forEach((p, row) => column.set(row, p));
        payers.forEach((p, row) => {
          const text = written((out) => expect(column.writeJson(row, out)).toBe(p !== null));
          expect(text).toBe(p === null ? '' : JSON.stringify(column.get(row)));
        });
      }),
    );
  });
});

describe('plain items straight from the tables', () => {
  const { payments, ledger, result } = matchedTables(5_000);

  it('are the items resultItems builds, and most items are such', () => {
    const items = [...resultItems(payments, ledger, result)];
    const entries = [...resultEntries(payments, ledger, result)];
    const rows = entries.filter((e) => e instanceof PlainRow);
    expect(entries.map((e) => (e instanceof PlainRow ? e.item() : e))).toEqual(items);
    // Every plain row is a plain item, and every plain item of an import comes as a row.
    expect(rows.every((r) => isPlainItem(items[r.seq]))).toBe(true);
    expect(rows.length).toBeGreaterThan(0.8 * items.length);
    expect(items.filter(isPlainItem).length - rows.length).toBe(0);
  });

  it('pack to the same text as the items do, pack by pack', () => {
    // A built pack's bytes are the builder's until its next item: each is copied out as it comes.
    const packs = (feed: (builder: PackBuilder, keep: (pack: BuiltPack | null) => void) => void) => {
      const builder = new PackBuilder('run-1');
      const kept: PackValues[] = [];
      const keep = (pack: BuiltPack | null) => void (pack && kept.push(packText(pack)));
      feed(builder, keep);
      keep(builder.flush());
      return kept;
    };
    const fromRows = packs((b, keep) => {
      for (const e of resultEntries(payments, ledger, result)) keep(e instanceof PlainRow ? b.addRow(e) : isPlainItem(e) ? b.add(e) : null);
    });
    const fromItems = packs((b, keep) => {
      for (const i of resultItems(payments, ledger, result)) keep(isPlainItem(i) ? b.add(i) : null);
    });
    expect(fromRows.length).toBeGreaterThan(3);
    expect(fromRows).toEqual(fromItems);
    // The text is JSON.stringify's of the items' arrays, as packs were always written.
    const items = [...resultItems(payments, ledger, result)].filter(isPlainItem);
    const first = items.slice(0, 1000).map((i) => [i.seq, i.references[0], i.transactionIds[0], i.lines[0], i.expectedPaymentIds[0], i.producerIds[0] ?? '', i.payer, i.paidVnd, i.feeVnd, i.paidAt?.getTime() ?? null, i.expectedAt?.getTime() ?? null]);
    expect(fromRows[0].itemsJson).toBe(JSON.stringify(first));
    const counts: Record<string, number> = {};
    for (const p of first) if (p[5]) counts[p[5] as string] = (counts[p[5] as string] ?? 0) + 1;
    expect(fromRows[0].producerCountsJson).toBe(JSON.stringify(counts));
  });
});
