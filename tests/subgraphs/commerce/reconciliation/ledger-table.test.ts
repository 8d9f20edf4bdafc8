import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerTable } from '../../../../subgraphs/commerce/reconciliation/tables.js';

/** A ledger of these references, in order (a reference may repeat: several orders of one checkout). */
function ledgerOf(references: string[]): LedgerTable {
  const table = new LedgerTable();
  references.forEach((reference, x) => table.pushValues(`o${x}`, reference, 1000, x, null, 'p1'));
  return table;
}

describe('LedgerTable.firstWithReference', () => {
  it('finds the first row of a reference whatever order the lookups come in, -1 for one it lacks', () => {
    const reference = fc.constantFrom('DH-1', 'DH-2', 'DH-3', 'CK-4', 'Đơn-5', 'DH-6', 'X');
    fc.assert(
      fc.property(fc.array(reference, { maxLength: 40 }), fc.array(reference, { maxLength: 80 }), fc.boolean(), (ledgerRefs, lookups, inOrder) => {
        const table = ledgerOf(ledgerRefs);
        const asked = inOrder ? [...ledgerRefs, ...lookups] : [...lookups, ...ledgerRefs];
        for (const r of asked) expect(table.firstWithReference(r)).toBe(ledgerRefs.indexOf(r));
      }),
      { numRuns: 300 },
    );
  });
});
