import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../../../core/subgraph-server.js';
import { Listing } from '../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob } from '../../../subgraphs/commerce/sync/sync-job.entity.js';
import { seedPilotCatalogue } from '../../../subgraphs/commerce/seed/pilot-catalogue.js';
import { createTestEnvironment, type TestEnvironment } from '../../helpers/databases.js';
import { bearer, postGraphQL } from '../../helpers/graphql-client.js';
import { producerToken, startCommerce } from './support/commerce-harness.js';

const PRODUCTS = `query ($search: String, $communeCode: String, $category: String, $first: Int, $after: String) {
  products(search: $search, communeCode: $communeCode, category: $category, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name unit netWeightGrams priceVnd stock certifications { kind number expiresOn stars }
      listings { marketplace status externalUrl inSync lastError } } }
  }
}`;

const CREATE = `mutation ($input: CreateProductInput!) { createProduct(input: $input) { product { id name version priceVnd listings { marketplace status inSync } } } }`;

describe('commerce catalogue: producers, products, search and access', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let member: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment();
    subgraph = await startCommerce(env);
    member = bearer(await producerToken(env.config, ['pilot-voso-01']));
  });
  afterAll(async () => {
    await subgraph?.close();
    await env?.cleanup();
  });

  const count = async (table: string) => Number((await subgraph.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);

  it('seeds 54 pilot producers and 11 products idempotently, each product with a DRAFT voso listing', async () => {
    expect(await count('producer')).toBe(54);
    expect(await count('product')).toBe(11);
    expect(await count('listing')).toBe(11);
    await seedPilotCatalogue(subgraph.orm.em.fork());
    expect(await count('producer')).toBe(54);
    expect(await count('product')).toBe(11);
    expect(await count('listing')).toBe(11);
    const producers = await postGraphQL(subgraph.url, `{ producers(first: 100) { totalCount edges { node { kind marketplaces contact { phone } } } } }`);
    const nodes = (producers.data as { producers: { totalCount: number; edges: { node: { kind: string; marketplaces: string[]; contact: unknown } }[] } }).producers;
    expect(nodes.totalCount).toBe(54);
    expect(nodes.edges.filter((e) => e.node.marketplaces.includes('VOSO'))).toHaveLength(20);
    expect(nodes.edges.filter((e) => e.node.marketplaces.includes('POSTMART'))).toHaveLength(34);
    expect(nodes.edges.filter((e) => e.node.kind === 'COOPERATIVE').length).toBeGreaterThan(0);
    expect(nodes.edges.every((e) => e.node.contact === null)).toBe(true);
  });

  it('hides unpublished products from anonymous callers and shows them to the producer\'s members', async () => {
    const anonymous = await postGraphQL(subgraph.url, PRODUCTS, {});
    expect((anonymous.data as { products: { totalCount: number } }).products.totalCount).toBe(0);
    const mine = await postGraphQL(subgraph.url, PRODUCTS, {}, member);
    expect((mine.data as { products: { totalCount: number } }).products.totalCount).toBe(1);
  });

  it('finds "Bí xanh" when searching "bi xanh", ignoring diacritics and case', async () => {
    const found = await postGraphQL(subgraph.url, PRODUCTS, { search: 'BI XANH' }, member);
    const edges = (found.data as { products: { edges: { node: { name: string; unit: string; netWeightGrams: number; listings: unknown[] } }[] } }).products.edges;
    expect(edges.map((e) => e.node.name)).toEqual(['Bí xanh']);
    expect(edges[0].node).toMatchObject({ unit: 'kg', netWeightGrams: 1000, listings: [{ marketplace: 'VOSO', status: 'DRAFT', inSync: false, lastError: null }] });
  });

  it('creates a product with certifications, NFC name and DRAFT listings; rejects bad input before writing', async () => {
    const decomposed = 'Mật ong rừng'.normalize('NFD');
    const ok = await postGraphQL(
      subgraph.url,
      CREATE,
      {
        input: {
          producerId: 'pilot-voso-01', name: decomposed, category: 'honey', unit: 'hộp', netWeightGrams: 500, priceVnd: 250000, stock: 12,
          vietGap: { number: 'VG-17-0001', expiresOn: '2027-06-30' }, ocopStars: 4,
        },
      },
      member,
    );
    expect(ok.errors).toBeUndefined();
    const product = (ok.data as { createProduct: { product: { id: string; name: string; listings: unknown[] } } }).createProduct.product;
    expect(product.name).toBe('Mật ong rừng'.normalize('NFC'));
    expect(product.listings).toEqual([{ marketplace: 'VOSO', status: 'DRAFT', inSync: false }]);
    const read = await postGraphQL(subgraph.url, `query ($id: ID!) { product(id: $id) { certifications { kind number expiresOn stars } } }`, { id: product.id }, member);
    expect((read.data as { product: { certifications: unknown[] } }).product.certifications).toEqual([
      { kind: 'VIETGAP', number: 'VG-17-0001', expiresOn: '2027-06-30', stars: null },
      { kind: 'OCOP', number: null, expiresOn: null, stars: 4 },
    ]);
    expect((await postGraphQL(subgraph.url, `query ($id: ID!) { product(id: $id) { id } }`, { id: product.id })).data?.product).toBeNull();

    const base = { producerId: 'pilot-voso-01', name: 'Gạo', category: 'honey', unit: 'kg', priceVnd: 20000, stock: 1 };
    const fraction = await postGraphQL(subgraph.url, CREATE, { input: { ...base, priceVnd: 1999.5 } }, member);
    expect(fraction.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await postGraphQL(subgraph.url, CREATE, { input: { ...base, priceVnd: -1 } }, member);
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const category = await postGraphQL(subgraph.url, CREATE, { input: { ...base, category: 'gizmos' } }, member);
    expect(category.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.category' });
    const vietgap = await postGraphQL(subgraph.url, CREATE, { input: { ...base, vietGap: { number: 'X', expiresOn: '2035-01-01' } } }, member);
    expect(vietgap.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.vietGap.expiresOn' });
    expect(await count('product')).toBe(12);
  });

  it('lets only the producer\'s members change its products', async () => {
    const anonymous = await postGraphQL(subgraph.url, CREATE, { input: { producerId: 'pilot-voso-02', name: 'X', category: 'honey', unit: 'kg', priceVnd: 1, stock: 1 } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const other = await postGraphQL(subgraph.url, CREATE, { input: { producerId: 'pilot-voso-02', name: 'X', category: 'honey', unit: 'kg', priceVnd: 1, stock: 1 } }, member);
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const publish = await postGraphQL(
      subgraph.url,
      `mutation { publishProduct(input: { productId: "pilot-lac-lay", marketplaces: [VOSO] }) { product { id } } }`,
      {},
      member,
    );
    expect(publish.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('writes a product change and its sync job in one transaction, folding newer changes into the queued job', async () => {
    const publish = await postGraphQL(
      subgraph.url,
      `mutation { publishProduct(input: { productId: "pilot-bi-xanh", marketplaces: [VOSO, POSTMART] }) { product { listings { marketplace status } } } }`,
      {},
      member,
    );
    expect(publish.errors).toBeUndefined();
    expect((publish.data as { publishProduct: { product: { listings: unknown[] } } }).publishProduct.product.listings).toEqual([
      { marketplace: 'POSTMART', status: 'PENDING_SYNC' },
      { marketplace: 'VOSO', status: 'PENDING_SYNC' },
    ]);
    for (const price of [16000, 17000, 18000]) {
      const update = await postGraphQL(subgraph.url, `mutation ($p: Vnd!) { updateProduct(input: { productId: "pilot-bi-xanh", priceVnd: $p }) { product { version } } }`, { p: price }, member);
      expect(update.errors).toBeUndefined();
    }
    const em = subgraph.orm.em.fork();
    const listings = await em.find(Listing, { productId: 'pilot-bi-xanh' });
    const jobs = await em.find(SyncJob, { listingId: { $in: listings.map((l) => l.id) } });
    expect(jobs).toHaveLength(2);
    expect(jobs.every((j) => j.status === 'PENDING' && j.targetVersion === 4 && j.coalesced === 3)).toBe(true);
    const stale = await postGraphQL(subgraph.url, `mutation { updateProduct(input: { productId: "pilot-bi-xanh", expectedVersion: 2, stock: 5 }) { product { version } } }`, {}, member);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('pages with a stable cursor and validates filters', async () => {
    const admin = bearer(await producerToken(env.config, ['pilot-voso-01', 'pilot-voso-02', 'pilot-voso-03']));
    const first = await postGraphQL(subgraph.url, PRODUCTS, { first: 2 }, admin);
    const page1 = (first.data as { products: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { name: string } }[] } }).products;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await postGraphQL(subgraph.url, PRODUCTS, { first: 2, after: page1.pageInfo.endCursor }, admin);
    const page2 = (second.data as { products: { edges: { node: { name: string } }[] } }).products;
    expect(page2.edges.map((e) => e.node.name)).not.toContain(page1.edges[0].node.name);
    expect((await postGraphQL(subgraph.url, PRODUCTS, { communeCode: '5068' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeCode' });
    const byCommune = await postGraphQL(subgraph.url, PRODUCTS, { communeCode: '05068' }, admin);
    expect((byCommune.data as { products: { totalCount: number } }).products.totalCount).toBeGreaterThan(0);
  });
});
