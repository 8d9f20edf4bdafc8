import { MatchRule, ReconciliationOutcome } from './outcomes.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { JsonBytes } from './json-bytes.js';
import type { PlainRow } from './plain-row.js';
import type { ReconciliationItemPack } from './reconciliation-item-pack.entity.js';
import type { ResultItem } from './result-item.js';

/**
 * Plain MATCHED items, packed (reconciliation-item-pack.entity.ts): the run's ~99 % of items that
 * pair one statement row with one expected payment by reference, to the đồng. Everything else
 * about such an item follows from that, so a pack keeps per item only what varies, as one JSON
 * array: [seq, reference, transaction id, line, expected payment id, producer id ("" none), payer,
 * paid VND, fee VND, paid at ms, expected at ms].
 */
type PackedItem = [number, string, string, number, string, string, string | null, number, number, number | null, number | null];

/** Items per pack: a page of a run's items reads one or two packs; a million items make 1,000 rows. */
export const PACK_SIZE = 1000;

/** The columns of a pack as written (the id is the database's). */
export type PackValues = Omit<ReconciliationItemPack, 'id'>;

/**
 * A pack as PackBuilder hands it out: its items' JSON as UTF-8 bytes, valid until the builder is
 * given the next item. A pack's text is about 150 KB, and a string above 128 KB is allocated by V8
 * in its large-object space: making one cost ~0.8 ms against ~0.01 ms for 120 KB (a thousand packs:
 * most of what the text cost). SQLite takes the bytes as they are.
 */
export type BuiltPack = Omit<PackValues, 'itemsJson'> & { itemsJson: Buffer };

/** The pack with its text as a string (what the entity holds), copied out of the builder. */
export function packText(pack: BuiltPack): PackValues {
  return { ...pack, itemsJson: pack.itemsJson.toString('utf8') };
}

/**
 * True when the item is plain: MATCHED by reference, one row and one expectation quoting the same
 * reference, nothing reversed, not settling an open item of an earlier run. A plain item is
 * rebuilt from its pack exactly as a row of it would read.
 */
export function isPlainItem(item: ResultItem): boolean {
  return (
    item.outcome === ReconciliationOutcome.MATCHED &&
    item.rule === MatchRule.REFERENCE &&
    item.references.length === 1 &&
    item.transactionIds.length === 1 &&
    item.lines.length === 1 &&
    item.expectedPaymentIds.length === 1 &&
    item.producerIds.length <= 1 &&
    item.reversedVnd === 0 &&
    item.paidVnd === item.expectedVnd &&
    (item.carriedFromItemId ?? null) === null
  );
}

/**
 * Collects plain items in result order and hands out a pack every PACK_SIZE items. The items' JSON
 * is written as they come (json-bytes.ts: the text JSON.stringify would write for their arrays),
 * straight from the tables for a PlainRow, and made a string once per pack.
 */
export class PackBuilder {
  private readonly json = new JsonBytes();
  private count = 0;
  private firstSeq = 0;
  private lastSeq = 0;
  private paidVnd = 0;
  /** Items per producer in the order the pack first lists them (JSON.stringify of the counts keeps that order). */
  private readonly producers = new Map<string, number>();

  constructor(private readonly runId: string) {}

  /** Adds a plain item; returns the pack it completes, if it does. */
  add(item: ResultItem): BuiltPack | null {
    this.addPacked(packedItem(item));
    return this.count < PACK_SIZE ? null : this.flush();
  }

  /** Adds a plain item still in the tables; returns the pack it completes, if it does. */
  addRow(row: PlainRow): BuiltPack | null {
    this.next(row.seq, row.vnd, row.producerId);
    row.writeJson(this.json);
    return this.count < PACK_SIZE ? null : this.flush();
  }

  /** Adds an item as a pack holds it (no pack is handed out here). */
  addPacked(p: PackedItem): void {
    this.next(p[0], p[7], p[5]);
    const json = this.json;
    json.char(0x5b);
    for (let k = 0; k < p.length; k++) {
      if (k) json.char(0x2c);
      const value = p[k];
      if (value === null) json.null();
      else if (typeof value === 'number') json.number(value);
      else json.string(value);
    }
    json.char(0x5d);
  }

  private next(seq: number, paidVnd: number, producerId: string): void {
    this.json.char(this.count ? 0x2c : 0x5b);
    if (!this.count) this.firstSeq = seq;
    this.lastSeq = seq;
    this.count++;
    this.paidVnd += paidVnd;
    if (producerId) this.producers.set(producerId, (this.producers.get(producerId) ?? 0) + 1);
  }

  /** The items added since the last pack, as a pack; null when there are none. */
  flush(): BuiltPack | null {
    if (!this.count) return null;
    this.json.char(0x5d);
    const counts: Record<string, number> = {};
    for (const [producerId, n] of this.producers) counts[producerId] = n;
    const producers = Object.keys(counts).sort();
    const pack: BuiltPack = {
      runId: this.runId,
      firstSeq: this.firstSeq,
      lastSeq: this.lastSeq,
      itemCount: this.count,
      paidVnd: this.paidVnd,
      producerKey: producers.length ? `|${producers.join('|')}|` : '',
      producerCountsJson: JSON.stringify(counts),
      itemsJson: this.json.view(),
    };
    this.json.reset();
    this.count = 0;
    this.paidVnd = 0;
    this.producers.clear();
    return pack;
  }
}

/** A plain ResultItem as its pack holds it. */
function packedItem(item: ResultItem): PackedItem {
  return [
    item.seq,
    item.references[0],
    item.transactionIds[0],
    item.lines[0],
    item.expectedPaymentIds[0],
    item.producerIds[0] ?? '',
    item.payer,
    item.paidVnd,
    item.feeVnd,
    item.paidAt ? item.paidAt.getTime() : null,
    item.expectedAt ? item.expectedAt.getTime() : null,
  ];
}

/** The pack of these items (in seq order), as PackBuilder writes it. */
function packValues(runId: string, items: readonly PackedItem[]): PackValues {
  const builder = new PackBuilder(runId);
  for (const p of items) builder.addPacked(p);
  return packText(builder.flush()!);
}

function toItem(runId: string, firstItemId: number, p: PackedItem): ReconciliationItem {
  return Object.assign(new ReconciliationItem(), {
    id: firstItemId + p[0],
    runId,
    seq: p[0],
    outcome: ReconciliationOutcome.MATCHED,
    rule: MatchRule.REFERENCE,
    referencesJson: JSON.stringify([p[1]]),
    transactionIdsJson: JSON.stringify([p[2]]),
    linesJson: `[${p[3]}]`,
    expectedPaymentIdsJson: JSON.stringify([p[4]]),
    producerKey: p[5] ? `|${p[5]}|` : '',
    payer: p[6],
    paidVnd: p[7],
    reversedVnd: 0,
    feeVnd: p[8],
    expectedVnd: p[7],
    paidAt: p[9] === null ? null : new Date(p[9]),
    expectedAt: p[10] === null ? null : new Date(p[10]),
    resolvedAt: null,
    resolvedBy: null,
    resolutionCategory: null,
    carriedFromItemId: null,
    settledByItemId: null,
    settledByRunId: null,
  });
}

function packedItems(pack: Pick<ReconciliationItemPack, 'itemsJson'>): PackedItem[] {
  return JSON.parse(pack.itemsJson) as PackedItem[];
}

/** A pack's items as the rows they stand for (not managed by any EntityManager), in seq order. */
export function unpackItems(pack: Pick<ReconciliationItemPack, 'runId' | 'itemsJson'>, firstItemId: number): ReconciliationItem[] {
  return packedItems(pack).map((p) => toItem(pack.runId, firstItemId, p));
}

/** Items of the pack for these producers (null: all). */
export function producerItemCount(pack: Pick<ReconciliationItemPack, 'itemCount' | 'producerCountsJson'>, producerIds: readonly string[] | null): number {
  if (!producerIds) return pack.itemCount;
  const counts = JSON.parse(pack.producerCountsJson) as Record<string, number>;
  return producerIds.reduce((n, id) => n + (Object.hasOwn(counts, id) ? counts[id] : 0), 0);
}

/**
 * Takes the item of `seq` out of the pack: the item, and the pack's values without it (null when it
 * was the pack's last item). Null when the pack does not hold that seq.
 */
export function withoutItem(
  pack: Pick<ReconciliationItemPack, 'runId' | 'itemsJson'>,
  seq: number,
  firstItemId: number,
): { item: ReconciliationItem; rest: PackValues | null } | null {
  const items = packedItems(pack);
  const at = items.findIndex((p) => p[0] === seq);
  if (at < 0) return null;
  const [taken] = items.splice(at, 1);
  return { item: toItem(pack.runId, firstItemId, taken), rest: items.length ? packValues(pack.runId, items) : null };
}

/** True when one of the pack's items expected this payment (a LIKE on the text finds candidates only). */
export function packExpects(pack: Pick<ReconciliationItemPack, 'itemsJson'>, expectedPaymentId: string): boolean {
  return packedItems(pack).some((p) => p[4] === expectedPaymentId);
}
