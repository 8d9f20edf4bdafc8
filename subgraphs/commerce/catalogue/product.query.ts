import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { foldForSearch } from '../../../core/text.js';
import { Listing } from '../listings/listing.entity.js';
import { PUBLIC_LISTING_STATUSES } from '../listings/listing-status.js';
import type { RowScope } from '../../shared/access-rule.js';
import { seesDraftsOf, visibleListings } from './catalogue-access.rules.js';
import { catalogueRows } from './catalogue-rows.query.js';
import { listingsByProductLoader } from './catalogue.store.js';
import { isProductCategory, PRODUCT_CATEGORIES } from './categories.js';
import { Producer } from './producer.entity.js';
import { Product } from './product.entity.js';

export interface ProductFilter {
  search?: string | null;
  /** GSO commune code: products of producers in any unit that bore it. */
  communeCode?: string | null;
  /** Commune.id values: products of producers in exactly these units. */
  communeIds?: string[] | null;
  category?: string | null;
  producerId?: string | null;
}

/** LIKE pattern for a substring. Wildcards typed by the caller are dropped (SQLite and PostgreSQL escape differently). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '')}%`;
}

/**
 * The rows of the viewer's scope (ACCESS_RULES, `catalogueRows`): all of them, or the products with at
 * least one live (PUBLISHED or DRIFTED) listing plus every product of the producers the scope names.
 */
function visibility(em: EntityManager, scope: RowScope): FilterQuery<Product> | null {
  if (scope.kind === 'all') return null;
  const members = scope.kind === 'producers' ? scope.producerIds : [];
  const published = (em as SqlEntityManager).createQueryBuilder(Listing, 'l').select('l.productId').where({ status: { $in: [...PUBLIC_LISTING_STATUSES] } }).getKnexQuery();
  const visible: FilterQuery<Product>[] = [{ id: { $in: published } } as unknown as FilterQuery<Product>];
  if (members.length) visible.push({ producerId: { $in: [...members] } });
  return { $or: visible };
}

export function validateProductFilter(filter: ProductFilter): void {
  if (filter.communeCode != null && !/^\d{5}$/.test(filter.communeCode)) {
    throw invalidInput(`"${filter.communeCode}" is not a GSO commune code: give 5 digits, e.g. "05068".`, 'communeCode');
  }
  if (filter.category != null && !isProductCategory(filter.category)) {
    throw invalidInput(`Unknown category "${filter.category}": use one of ${PRODUCT_CATEGORIES.join(', ')}.`, 'category');
  }
}

/** Products ordered by folded name then id (a stable keyset), filtered and scoped to the viewer. */
export async function findProducts(em: EntityManager, scope: RowScope, filter: ProductFilter, page: PageArgs): Promise<Connection<Product>> {
  validateProductFilter(filter);
  const { limit, after } = pageWindow(page);
  const conditions: FilterQuery<Product>[] = [];
  const search = filter.search ? foldForSearch(filter.search) : '';
  if (search) conditions.push({ nameSearch: { $like: containsPattern(search) } });
  if (filter.communeCode) conditions.push({ communeId: { $like: `${filter.communeCode}/%` } });
  if (filter.communeIds) conditions.push({ communeId: { $in: filter.communeIds } });
  if (filter.category) conditions.push({ category: filter.category });
  if (filter.producerId) conditions.push({ producerId: filter.producerId });
  const visible = visibility(em, scope);
  if (visible) conditions.push(visible);
  const where: FilterQuery<Product> = conditions.length ? { $and: conditions } : {};
  const keyset: FilterQuery<Product>[] = [];
  if (after) {
    const [name, id] = after;
    if (typeof name !== 'string' || typeof id !== 'string') throw invalidInput('The cursor is not one this list returned: pass a pageInfo.endCursor unchanged.', 'after');
    keyset.push({ $or: [{ nameSearch: { $gt: name } }, { nameSearch: name, id: { $gt: id } }] });
  }
  const [rows, total] = await Promise.all([
    em.find(Product, { $and: [where, ...keyset] }, { orderBy: [{ nameSearch: 'asc' }, { id: 'asc' }], limit: limit + 1 }),
    em.count(Product, where),
  ]);
  return toConnection(rows, limit, total, (p) => [p.nameSearch, p.id]);
}

/** Producers ordered by folded name then id. Producers are public (their contact is not). */
export async function findProducers(em: EntityManager, filter: { communeCode?: string | null; communeIds?: string[] | null }, page: PageArgs): Promise<Connection<Producer>> {
  validateProductFilter({ communeCode: filter.communeCode });
  const { limit, after } = pageWindow(page);
  const conditions: FilterQuery<Producer>[] = [];
  if (filter.communeCode) conditions.push({ communeId: { $like: `${filter.communeCode}/%` } });
  if (filter.communeIds) conditions.push({ communeId: { $in: filter.communeIds } });
  const where: FilterQuery<Producer> = conditions.length ? { $and: conditions } : {};
  const keyset: FilterQuery<Producer>[] = [];
  if (after) {
    const [name, id] = after;
    if (typeof name !== 'string' || typeof id !== 'string') throw invalidInput('The cursor is not one this list returned: pass a pageInfo.endCursor unchanged.', 'after');
    keyset.push({ $or: [{ nameSearch: { $gt: name } }, { nameSearch: name, id: { $gt: id } }] });
  }
  const [rows, total] = await Promise.all([
    em.find(Producer, { $and: [where, ...keyset] }, { orderBy: [{ nameSearch: 'asc' }, { id: 'asc' }], limit: limit + 1 }),
    em.count(Producer, where),
  ]);
  return toConnection(rows, limit, total, (p) => [p.nameSearch, p.id]);
}

/** True when the scope shows this product (see `visibility`). */
async function canSeeProduct(em: EntityManager, scope: RowScope, product: Product): Promise<boolean> {
  if (seesDraftsOf(scope, product.producerId)) return true;
  return (await em.count(Listing, { productId: product.id, status: { $in: [...PUBLIC_LISTING_STATUSES] } })) > 0;
}

/** One product by id when the viewer's scope shows it; null otherwise. The scope is read only for a product that exists. */
export async function findVisibleProduct(em: EntityManager, scope: () => Promise<RowScope>, id: string): Promise<Product | null> {
  const product = await em.findOne(Product, { id });
  return product && (await canSeeProduct(em, await scope(), product)) ? product : null;
}

/** A product's listings, one per marketplace, as the caller may see them (`Product.listings`: drafts for its producer's members). */
export async function productListings(context: SubgraphContext, product: { id: string; producerId: string }): Promise<Listing[]> {
  const [scope, listings] = await Promise.all([catalogueRows(context, 'Product.listings'), listingsByProductLoader(context).load(product.id)]);
  return visibleListings(scope, product.producerId, listings);
}
