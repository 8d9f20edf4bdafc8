/**
 * A sandbox's listings by id and by seller SKU. Seller SKUs are not unique at the marketplaces
 * (neither promises it), so a SKU maps to every listing created with it, oldest first; counting them
 * is how the tests check that the hub never created a listing twice.
 */
export class ListingTable<T> {
  private readonly byId = new Map<string, T>();
  private readonly idsBySku = new Map<string, string[]>();

  /** `skuOf` reads a record's seller SKU (the field's name differs per marketplace). */
  constructor(private readonly skuOf: (record: T) => string) {}

  add(id: string, record: T): void {
    this.byId.set(id, record);
    const sku = this.skuOf(record);
    const ids = this.idsBySku.get(sku) ?? [];
    ids.push(id);
    this.idsBySku.set(sku, ids);
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** Every listing created with `sellerSku`, oldest first. */
  forSku(sellerSku: string): T[] {
    return (this.idsBySku.get(sellerSku) ?? []).map((id) => this.byId.get(id) as T);
  }

  all(): T[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Listings per seller SKU. */
  countBySku(): Map<string, number> {
    return new Map([...this.idsBySku].map(([sku, ids]) => [sku, ids.length]));
  }

  /** SKUs holding more than one listing (should stay empty); with `isLive`, more than one live listing (what buyers can order). */
  duplicateSkus(isLive?: (record: T) => boolean): string[] {
    return [...this.idsBySku]
      .filter(([, ids]) => (isLive ? ids.filter((id) => isLive(this.byId.get(id) as T)).length : ids.length) > 1)
      .map(([sku]) => sku);
  }

  clear(): void {
    this.byId.clear();
    this.idsBySku.clear();
  }
}
