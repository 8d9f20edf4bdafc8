import { DocumentDirection } from './document-enums.js';
import type { DocumentRecord } from './document.entity.js';

/**
 * What of a document the month summary counts: its register's year and month (of registered_on, a
 * calendar date, so no time zone), and `signed`: at least one signature is recorded on it.
 */
export type CountedDocument = { communeId: string; direction: string; electronic: boolean; year: number; month: number; signed: boolean };

/** A document record as the summary counts it. */
export function countedDocument(r: Pick<DocumentRecord, 'communeId' | 'direction' | 'electronic' | 'registerYear' | 'registeredOn'>, signed: boolean): CountedDocument {
  return { communeId: r.communeId, direction: r.direction, electronic: r.electronic, year: r.registerYear, month: Number(r.registeredOn.slice(5, 7)), signed };
}

/** One summary row's key and counts (a delta when counts are negative). */
export interface DocumentSummaryCounts {
  communeId: string;
  year: number;
  month: number;
  incoming: number;
  incomingElectronic: number;
  outgoing: number;
  outgoingElectronic: number;
  outgoingSigned: number;
}

const COUNTS = ['incoming', 'incomingElectronic', 'outgoing', 'outgoingElectronic', 'outgoingSigned'] as const;

/** The document's contribution to its register month: the same definitions as documentStats (signed = outgoing, electronic, with a signature). */
export function documentContribution(d: CountedDocument, sign: 1 | -1 = 1): DocumentSummaryCounts {
  const incoming = d.direction === DocumentDirection.INCOMING;
  const outgoing = d.direction === DocumentDirection.OUTGOING;
  return {
    communeId: d.communeId,
    year: d.year,
    month: d.month,
    incoming: incoming ? sign : 0,
    incomingElectronic: incoming && d.electronic ? sign : 0,
    outgoing: outgoing ? sign : 0,
    outgoingElectronic: outgoing && d.electronic ? sign : 0,
    outgoingSigned: outgoing && d.electronic && d.signed ? sign : 0,
  };
}

/**
 * The summary changes of a set of document writes (each the document before, absent for a new one,
 * and after), netted per commune-month; changes that cancel out are left out.
 */
export function documentSummaryDeltas(changes: Iterable<{ before?: CountedDocument | null; after: CountedDocument }>): DocumentSummaryCounts[] {
  const byKey = new Map<string, DocumentSummaryCounts>();
  const add = (c: DocumentSummaryCounts) => {
    const key = `${c.communeId}|${c.year}|${c.month}`;
    const held = byKey.get(key);
    if (!held) byKey.set(key, { ...c });
    else for (const k of COUNTS) held[k] += c[k];
  };
  for (const { before, after } of changes) {
    if (before) add(documentContribution(before, -1));
    add(documentContribution(after));
  }
  return [...byKey.values()].filter((c) => COUNTS.some((k) => c[k] !== 0));
}
