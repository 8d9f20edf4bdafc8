import { conflict } from '../../../core/domain-errors.js';
import type { DocumentRecord } from './document.entity.js';

/** CONFLICT for a document whose natural key (issuer, year, number, symbol) is already in the register. */
export function documentAlreadyRegistered(record: DocumentRecord): Error {
  return conflict(
    `${record.issuingBody} already has document ${record.number}/${record.symbol} of ${record.issuedYear} in this register: ` +
      'numbers are unique per issuer and year. Check the number, or look the document up instead of registering it again.',
    { field: 'input.number' },
  );
}
