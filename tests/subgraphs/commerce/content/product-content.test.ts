import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import { ConnectorError } from '../../../../connectors/marketplace/contract.js';
import type { RunningSubgraph } from '../../../../core/subgraph-server.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import type { SyncWorker } from '../../../../subgraphs/commerce/sync/sync-worker.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { listingContent } from '../../../connectors/fixtures.js';
import { producerToken, startCommerce, startWorker, waitFor } from '../support/commerce-harness.js';

const PRODUCER = 'pilot-voso-05';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('product content: stored images uploaded to each marketplace, category attributes, package data', () => {
  let env: TestEnvironment;
  let subgraph: RunningSubgraph;
  let sandboxes: MarketplaceSandboxes;
  let worker: SyncWorker | undefined;
  let member: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 50, timeoutMs: 15_000 });
    subgraph = await startCommerce(env);
    member = bearer(await producerToken(env.config, [PRODUCER]));
    worker = startWorker(subgraph, { connectors: createConnectors(sandboxes.settings) }, { retries: 3 });
  });
  afterAll(async () => {
    await worker?.stop();
    await subgraph?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await postGraphQL(subgraph.url, query, variables, member);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const origin = () => new URL(subgraph.url).origin;
  const upload = (productId: string, body: Buffer, headers: Record<string, string> = member) =>
    fetch(`${origin()}/products/${productId}/images`, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body });
  const listing = (productId: string, marketplace: 'VOSO' | 'POSTMART') => subgraph.orm.em.fork().findOneOrFail(Listing, { productId, marketplace });

  it('refuses to publish a product missing a category attribute, naming the marketplace and the rule; the sandboxes refuse it too', async () => {
    const created = await gql(
      `mutation { createProduct(input: { producerId: "${PRODUCER}", name: "Thịt lợn bản", category: "meat", unit: "kg", netWeightGrams: 1000, priceVnd: 160000, stock: 10 }) { product { id } } }`,
    );
    const id = created.createProduct.product.id as string;
    const refused = await postGraphQL(subgraph.url, `mutation { publishProduct(input: { productId: "${id}", marketplaces: [VOSO] }) { product { id } } }`, {}, member);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', marketplace: 'VOSO', rule: 'CATEGORY_ATTRIBUTE', field: 'input.marketplaces' });
    expect(refused.errors?.[0]?.message).toMatch(/needs the attributes origin, quarantine_certificate/);
    expect((await listing(id, 'VOSO')).status).toBe('DRAFT');

    // With them, it publishes and the marketplace holds them.
    await gql(`mutation { updateProduct(input: { productId: "${id}", attributes: [{ name: "origin", value: "Hà Giang" }, { name: "quarantine_certificate", value: "KD-2026-0117" }] }) { product { version } } }`);
    await gql(`mutation { publishProduct(input: { productId: "${id}", marketplaces: [VOSO] }) { product { id } } }`);
    await waitFor('published', async () => (await listing(id, 'VOSO')).status === 'PUBLISHED');
    const sku = (await gql(`{ product(id: "${id}") { sellerSku attributes { name value } } }`)).product;
    expect(sku.attributes).toEqual([{ name: 'origin', value: 'Hà Giang' }, { name: 'quarantine_certificate', value: 'KD-2026-0117' }]);
    expect(sandboxes.VOSO.state.products.forSku(sku.sellerSku)[0]?.attributes).toEqual([{ name: 'origin', value: 'Hà Giang' }, { name: 'quarantine_certificate', value: 'KD-2026-0117' }]);

    // The sandboxes apply the same rule to a create that skips the hub's check.
    for (const code of ['VOSO', 'POSTMART'] as const) {
      const connector = createConnectors(sandboxes.settings)[code];
      const error = await connector.createListing(listingContent({ category: 'meat', attributes: { origin: 'Hà Giang' } })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ kind: 'REJECTED', message: expect.stringMatching(/quarantine_certificate/) });
    }
  });

  it('stores images (type from the bytes, size limit), uploads them through each marketplace\'s media call before create, and references them', { timeout: 120_000 }, async () => {
    const created = await gql(
      `mutation { createProduct(input: { producerId: "${PRODUCER}", name: "Bí đỏ hồ lô", category: "vegetables", unit: "quả", netWeightGrams: 2000, priceVnd: 30000, stock: 25, images: ["https://example.org/bi-do.jpg"],
        package: { weightGrams: 2300, lengthCm: 30, widthCm: 20, heightCm: 20 } }) { product { id sellerSku package { weightGrams lengthCm } } } }`,
    );
    const { id, sellerSku } = created.createProduct.product as { id: string; sellerSku: string };
    expect(created.createProduct.product.package).toEqual({ weightGrams: 2300, lengthCm: 30 });

    const notImage = await upload(id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    expect(notImage.status).toBe(400);
    expect(await notImage.json()).toMatchObject({ error: 'BAD_USER_INPUT', message: expect.stringMatching(/not a JPEG, PNG or WebP/) });
    const tooLarge = await upload(id, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect(tooLarge.status).toBe(413);
    const anonymous = await upload(id, PNG, {});
    expect(anonymous.status).toBe(401);
    const other = await upload(id, PNG, bearer(await producerToken(env.config, ['pilot-voso-06'])));
    expect(other.status).toBe(403);

    const stored = await upload(id, PNG);
    expect(stored.status).toBe(201);
    const image = (await stored.json()) as { id: string; contentType: string; byteSize: number; path: string };
    expect(image).toMatchObject({ contentType: 'image/png', byteSize: PNG.length });
    const served = await fetch(`${origin()}${image.path}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);

    await gql(`mutation { publishProduct(input: { productId: "${id}", marketplaces: [VOSO, POSTMART] }) { product { id } } }`);
    await waitFor('published on both', async () => (await listing(id, 'VOSO')).status === 'PUBLISHED' && (await listing(id, 'POSTMART')).status === 'PUBLISHED');

    const sha = createHash('sha256').update(PNG).digest('hex');
    const vosoProduct = sandboxes.VOSO.state.products.forSku(sellerSku)[0]!;
    const postmartItem = sandboxes.POSTMART.state.items.forSku(sellerSku)[0]!;
    expect(vosoProduct.images).toEqual([(await listing(id, 'VOSO')).mediaUrls[sha], 'https://example.org/bi-do.jpg']);
    expect(vosoProduct.images[0]).toMatch(new RegExp(`^${sandboxes.urls.VOSO}/media/`));
    expect(postmartItem.input.image_urls[0]).toBe((await listing(id, 'POSTMART')).mediaUrls[sha]);
    for (const url of [vosoProduct.images[0]!, postmartItem.input.image_urls[0]!]) {
      expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(PNG);
    }
    // Package data went with the create: voso's package, postmart's shipping weight and dimension.
    expect(vosoProduct.package).toEqual({ weight_g: 2300, length_cm: 30, width_cm: 20, height_cm: 20 });
    expect(postmartItem.input).toMatchObject({ weight: 2.3, dimension: { package_length: 30, package_width: 20, package_height: 20 } });

    // A later content change re-sends the same URL without uploading again.
    const uploads = sandboxes.VOSO.state.requestsByRoute.get('POST /v1/media/images');
    await gql(`mutation { updateProduct(input: { productId: "${id}", description: "Bí đỏ hồ lô trồng trên nương" }) { product { version } } }`);
    await waitFor('description synced', async () => sandboxes.VOSO.state.products.forSku(sellerSku)[0]?.description === 'Bí đỏ hồ lô trồng trên nương');
    expect(sandboxes.VOSO.state.requestsByRoute.get('POST /v1/media/images')).toBe(uploads);
    expect(sandboxes.VOSO.state.products.forSku(sellerSku)[0]?.images[0]).toBe(vosoProduct.images[0]);

    const shown = await gql(`{ product(id: "${id}") { storedImages { id contentType path position } } }`);
    expect(shown.product.storedImages).toEqual([{ id: image.id, contentType: 'image/png', path: image.path, position: 0 }]);
  });
});
