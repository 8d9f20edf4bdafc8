import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import { webhookSignature } from '../../../../connectors/marketplace/webhook-signature.js';
import { VOSO_SANDBOX_WEBHOOK_SECRET } from '../../../../connectors/voso/events.js';
import { createLogger } from '../../../../core/logger.js';
import { Product } from '../../../../subgraphs/commerce/catalogue/product.entity.js';
import { DriftAuditor } from '../../../../subgraphs/commerce/drift/drift-auditor.js';
import { DriftPolicy } from '../../../../subgraphs/commerce/drift/drift-kinds.js';
import type { DriftSettings } from '../../../../subgraphs/commerce/drift/drift-settings.js';
import { webhookPath } from '../../../../subgraphs/commerce/drift/marketplace-webhook.routes.js';
import { Listing } from '../../../../subgraphs/commerce/listings/listing.entity.js';
import { SyncJob, SyncJobStatus } from '../../../../subgraphs/commerce/sync/sync-job.entity.js';
import { signHubToken } from '../../../../subgraphs/shared/hub-token.js';
import { Role } from '../../../../subgraphs/shared/roles.js';
import type { SyncWorker } from '../../../../subgraphs/commerce/sync/sync-worker.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { bearer, postGraphQL } from '../../../helpers/graphql-client.js';
import { startHub, type TestHub } from '../../../helpers/hub.js';
import { createAndPublish } from '../support/bulk-catalogue.js';
import { producerToken, startWorker, waitFor } from '../support/commerce-harness.js';

const PRODUCER = 'pilot-postmart-01';
const INTERVAL_MS = 60_000;
const AUDIT: DriftSettings = { intervalMs: INTERVAL_MS, batch: 100, requestPollMs: 3_600_000, policy: { default: DriftPolicy.REASSERT }, webhookMaxBytes: 65_536 };

interface DriftView {
  field: string;
  hubValue: string;
  marketplaceValue: string;
  detectedAt: string;
  resolution: string | null;
}
interface ListingView {
  marketplace: string;
  status: string;
  externalId: string;
  duplicatesDelisted: number;
  drift: DriftView[];
}

describe('drift: listings changed at the marketplace are found, shown and settled', () => {
  let env: TestEnvironment;
  let hub: TestHub;
  let sandboxes: MarketplaceSandboxes;
  let worker: SyncWorker;
  let member: Record<string, string>;
  let auditors: DriftAuditor[] = [];
  const em = () => hub.subgraphs.commerce!.orm.em.fork();
  const commerceUrl = () => `http://127.0.0.1:${hub.subgraphs.commerce!.port}`;

  beforeAll(async () => {
    env = await createTestEnvironment();
    hub = await startHub({ env, subgraphs: ['governance', 'commerce'], seed: true });
    sandboxes = await startMarketplaceSandboxes({ moderationDelayMs: 0, webhookUrls: { VOSO: `${commerceUrl()}${webhookPath('VOSO')}` } });
    worker = startWorker(hub.subgraphs.commerce!, { connectors: createConnectors(sandboxes.settings) });
    member = bearer(await producerToken(env.config, [PRODUCER]));
  });
  afterEach(async () => {
    await Promise.all(auditors.map((a) => a.stop()));
    auditors = [];
  });
  afterAll(async () => {
    await worker?.stop();
    await hub?.close();
    await sandboxes?.close();
    await env?.cleanup();
  });

  /** A clock for the auditor's schedules: `tick(ms)` moves it on and runs what falls due. */
  const clock = () => {
    let now = 0;
    const schedules: { every: number; next: number; task: () => void }[] = [];
    return {
      every: (ms: number, task: () => void) => {
        const entry = { every: ms, next: now + ms, task };
        schedules.push(entry);
        return () => void schedules.splice(schedules.indexOf(entry), 1);
      },
      tick: (ms: number) => {
        now += ms;
        for (const s of schedules) {
          while (s.next <= now) {
            s.next += s.every;
            s.task();
          }
        }
      },
    };
  };

  const auditor = (settings: Partial<DriftSettings> = {}, every?: (ms: number, task: () => void) => () => void) => {
    const created = new DriftAuditor(hub.subgraphs.commerce!.orm, { connectors: createConnectors(sandboxes.settings) }, { ...AUDIT, ...settings }, createLogger('test-audit', 'silent'), {
      limiter: (m) => worker.limiter(m),
      every,
    });
    auditors.push(created);
    return created;
  };

  /** A product published and in sync at both sandboxes, its sync jobs settled (the audit leaves a listing with a job open alone). */
  const publishedProduct = async (prefix: string) => {
    const [id] = await createAndPublish(hub.subgraphs.commerce!.orm, 1, { producerId: PRODUCER, prefix });
    await waitFor('published at both marketplaces', async () => {
      const product = await em().findOneOrFail(Product, { id: id! });
      const listings = await em().find(Listing, { productId: id! });
      const open = await em().count(SyncJob, { listingId: { $in: listings.map((l) => l.id) }, status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } });
      return open === 0 && listings.length === 2 && listings.every((l) => l.status === 'PUBLISHED' && l.syncedVersion === product.version);
    });
    return em().findOneOrFail(Product, { id: id! });
  };

  const listingsOf = async (productId: string): Promise<ListingView[]> => {
    const result = await postGraphQL(hub.url, `query ($id: ID!) { product(id: $id) { listings { marketplace status externalId duplicatesDelisted drift { field hubValue marketplaceValue detectedAt resolution } } } }`, { id: productId }, member);
    expect(result.errors).toBeUndefined();
    return (result.data as { product: { listings: ListingView[] } }).product.listings;
  };
  const listingAt = async (productId: string, marketplace: string) => (await listingsOf(productId)).find((l) => l.marketplace === marketplace)!;

  const sellerEdit = async (marketplace: 'VOSO' | 'POSTMART', id: string, edit: Record<string, unknown>) => {
    const res = await fetch(`${sandboxes.urls[marketplace]}/_sandbox/seller/listings/${id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(edit) });
    expect(res.status).toBe(200);
  };

  it('a price changed in the seller centre is DRIFTED after one audit interval, with what differs, and the hub\'s price is written back', async () => {
    const product = await publishedProduct('Bí drift giá');
    const voso = await listingAt(product.id, 'VOSO');
    await sellerEdit('VOSO', voso.externalId, { priceVnd: product.priceVnd + 5_000 });

    // The worker writes the hub's price back within milliseconds: paused, the graph shows the drift as it stands.
    await worker.stop();
    const time = clock();
    const audit = auditor({}, time.every).start();
    time.tick(INTERVAL_MS - 1);
    await audit.idle();
    expect((await listingAt(product.id, 'VOSO')).status).toBe('PUBLISHED');

    time.tick(1);
    await audit.idle();
    const drifted = await listingAt(product.id, 'VOSO');
    expect(drifted.status).toBe('DRIFTED');
    expect(drifted.drift).toEqual([{ field: 'PRICE', hubValue: String(product.priceVnd), marketplaceValue: String(product.priceVnd + 5_000), detectedAt: expect.any(String), resolution: null }]);
    // Anonymous callers still see the product: the listing is live at the marketplace.
    const anonymous = await postGraphQL(hub.url, `query ($id: ID!) { product(id: $id) { listings { marketplace status } } }`, { id: product.id });
    expect((anonymous.data as { product: { listings: { marketplace: string }[] } }).product.listings.map((l) => l.marketplace)).toContain('VOSO');

    worker = startWorker(hub.subgraphs.commerce!, { connectors: createConnectors(sandboxes.settings) });

    await waitFor('the hub\'s price back at voso and the drift settled', async () => {
      const listing = await listingAt(product.id, 'VOSO');
      return listing.status === 'PUBLISHED' && listing.drift[0]?.resolution === 'REASSERTED';
    });
    expect(sandboxes.VOSO.state.products.get(voso.externalId)!.price).toBe(product.priceVnd);
    expect((await em().findOneOrFail(Product, { id: product.id })).priceVnd).toBe(product.priceVnd);
    // postmart was not touched by the edit: no drift there.
    expect((await listingAt(product.id, 'POSTMART')).drift).toEqual([]);
  });

  it('a listing deactivated in the seller centre (postmart, which pushes nothing) is found and listed again; a duplicate is delisted', async () => {
    const product = await publishedProduct('Bí drift ẩn');
    const postmart = await listingAt(product.id, 'POSTMART');
    await sellerEdit('POSTMART', postmart.externalId, { active: false });
    const copy = await fetch(`${sandboxes.urls.POSTMART}/_sandbox/seller/listings/${postmart.externalId}/copy`, { method: 'POST' });
    expect(copy.status).toBe(201);
    expect(sandboxes.POSTMART.state.listingCountBySku().get(product.sellerSku)).toBe(2);

    const round = await auditor().auditRound();
    expect(round.drifted).toBeGreaterThanOrEqual(1);
    const drifted = await listingAt(product.id, 'POSTMART');
    expect(drifted.drift.map((d) => [d.field, d.hubValue, d.marketplaceValue]).sort()).toEqual(
      [['DUPLICATE', postmart.externalId, expect.any(String)], ['STATUS', 'PUBLISHED', 'DELISTED']].sort(),
    );
    expect(drifted.drift.find((d) => d.field === 'DUPLICATE')!.resolution).toBe('DUPLICATE_DELISTED');

    await waitFor('listed again at postmart', async () => {
      const listing = await listingAt(product.id, 'POSTMART');
      return listing.status === 'PUBLISHED' && listing.drift.every((d) => d.resolution !== null);
    });
    expect(sandboxes.POSTMART.item(postmart.externalId)!.item_status).toBe('NORMAL');
    expect(sandboxes.POSTMART.state.liveDuplicateSkus()).not.toContain(product.sellerSku);
    expect((await listingAt(product.id, 'POSTMART')).duplicatesDelisted).toBe(1);
  });

  it('with the ADOPT policy for a marketplace the hub takes its price, and the other marketplace follows', async () => {
    const product = await publishedProduct('Bí drift nhận');
    const postmart = await listingAt(product.id, 'POSTMART');
    await sellerEdit('POSTMART', postmart.externalId, { priceVnd: 77_000 });
    await auditor({ policy: { default: DriftPolicy.REASSERT, POSTMART: DriftPolicy.ADOPT } }).auditRound();
    const adopted = await listingAt(product.id, 'POSTMART');
    expect(adopted.status).toBe('PUBLISHED');
    expect(adopted.drift).toMatchObject([{ field: 'PRICE', marketplaceValue: '77000', resolution: 'ADOPTED' }]);
    expect((await em().findOneOrFail(Product, { id: product.id })).priceVnd).toBe(77_000);
    const voso = await listingAt(product.id, 'VOSO');
    await waitFor('voso follows the adopted price', async () => sandboxes.VOSO.state.products.get(voso.externalId)!.price === 77_000);
    expect(sandboxes.POSTMART.item(postmart.externalId)!.original_price).toBe(77_000);
  });

  it('a listing\'s own policy wins over its marketplace\'s: ADOPT under a REASSERT marketplace, REASSERT under an ADOPT one; INHERIT follows the marketplace again', async () => {
    const setPolicy = (headers: Record<string, string>, productId: string, marketplace: string, policy: string) =>
      postGraphQL(
        hub.url,
        `mutation ($i: SetListingDriftPolicyInput!) { setListingDriftPolicy(input: $i) { listing { marketplace driftPolicySetting driftPolicy } } }`,
        { i: { productId, marketplace, policy } },
        headers,
      );
    const communeId = ((await postGraphQL(hub.url, `query ($p: ID!) { producer(id: $p) { commune { id } } }`, { p: PRODUCER })).data as { producer: { commune: { id: string } } }).producer.commune.id;
    const managerOf = async (code: string) => bearer(await signHubToken(env.config, { subject: `manager-${code}`, roles: [Role.COOPERATIVE_MANAGER], communeCodes: [code] }));
    const manager = await managerOf(communeId.split('/')[0]!);

    // ADOPT on one listing while the marketplace (and the default) re-asserts; set by the producer's member.
    const adopting = await publishedProduct('Bí chính sách nhận');
    const set = await setPolicy(member, adopting.id, 'VOSO', 'ADOPT');
    expect(set.errors).toBeUndefined();
    expect(set.data).toEqual({ setListingDriftPolicy: { listing: { marketplace: 'VOSO', driftPolicySetting: 'ADOPT', driftPolicy: 'ADOPT' } } });
    const vosoAdopting = await listingAt(adopting.id, 'VOSO');
    await sellerEdit('VOSO', vosoAdopting.externalId, { priceVnd: 66_000 });
    await auditor({ policy: { default: DriftPolicy.REASSERT } }).auditRound();
    expect((await listingAt(adopting.id, 'VOSO')).drift).toMatchObject([{ field: 'PRICE', marketplaceValue: '66000', resolution: 'ADOPTED' }]);
    expect((await em().findOneOrFail(Product, { id: adopting.id })).priceVnd).toBe(66_000);
    const postmartAdopting = await listingAt(adopting.id, 'POSTMART');
    await waitFor('postmart follows the adopted price', async () => sandboxes.POSTMART.item(postmartAdopting.externalId)!.original_price === 66_000);

    // REASSERT on one listing while its marketplace adopts; set by a cooperative manager of the producer's commune.
    const reasserting = await publishedProduct('Bí chính sách giữ');
    expect((await setPolicy(manager, reasserting.id, 'POSTMART', 'REASSERT')).data).toEqual({
      setListingDriftPolicy: { listing: { marketplace: 'POSTMART', driftPolicySetting: 'REASSERT', driftPolicy: 'REASSERT' } },
    });
    const postmartReasserting = await listingAt(reasserting.id, 'POSTMART');
    await sellerEdit('POSTMART', postmartReasserting.externalId, { priceVnd: 88_000 });
    await auditor({ policy: { default: DriftPolicy.REASSERT, POSTMART: DriftPolicy.ADOPT } }).auditRound();
    await waitFor('the hub\'s price back at postmart', async () => (await listingAt(reasserting.id, 'POSTMART')).drift[0]?.resolution === 'REASSERTED');
    expect(sandboxes.POSTMART.item(postmartReasserting.externalId)!.original_price).toBe(reasserting.priceVnd);
    expect((await em().findOneOrFail(Product, { id: reasserting.id })).priceVnd).toBe(reasserting.priceVnd);

    // INHERIT: the marketplace's policy again (this hub's is REASSERT), and the listing's row says so.
    expect((await setPolicy(member, adopting.id, 'VOSO', 'INHERIT')).data).toEqual({
      setListingDriftPolicy: { listing: { marketplace: 'VOSO', driftPolicySetting: 'INHERIT', driftPolicy: 'REASSERT' } },
    });
    expect((await em().findOneOrFail(Listing, { productId: adopting.id, marketplace: 'VOSO' })).driftPolicy).toBeNull();

    // Nobody else sets it: anonymous, a manager of another commune, a member of another producer.
    const outsiders = [{}, await managerOf('04969'), bearer(await producerToken(env.config, ['pilot-voso-01']))];
    for (const headers of outsiders) {
      const refused = await setPolicy(headers, reasserting.id, 'POSTMART', 'ADOPT');
      expect(refused.errors?.[0]?.extensions?.code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    }
    expect((await em().findOneOrFail(Listing, { productId: reasserting.id, marketplace: 'POSTMART' })).driftPolicy).toBe(DriftPolicy.REASSERT);
    const bad = await setPolicy(member, reasserting.id, 'POSTMART', 'SOMETIMES');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('voso\'s signed push makes the hub audit that listing at once; the name changed there is written back', async () => {
    const product = await publishedProduct('Bí drift đẩy');
    const voso = await listingAt(product.id, 'VOSO');
    await sellerEdit('VOSO', voso.externalId, { name: 'Tên người bán tự sửa' });
    await waitFor('the push accepted', async () => (await em().findOneOrFail(Listing, { productId: product.id, marketplace: 'VOSO' })).auditRequestedAt != null);
    expect(sandboxes.VOSO.pusher.counts.failed).toBe(0);
    await auditor().auditRequested();
    expect((await listingAt(product.id, 'VOSO')).drift).toMatchObject([{ field: 'NAME', hubValue: product.name, marketplaceValue: 'Tên người bán tự sửa' }]);
    await waitFor('the hub\'s name back at voso', async () => sandboxes.VOSO.state.products.get(voso.externalId)!.name === product.name);
  });

  it('refuses pushes that are unsigned, badly signed, stale, altered (401) or too large (413), and takes a good one (202)', async () => {
    const url = `${commerceUrl()}${webhookPath('VOSO')}`;
    const body = JSON.stringify({ events: [{ event_id: 'e1', type: 'product.updated', product_id: 'VS00000001', seller_sku: 'x', occurred_at: '2026-12-02T08:00:00+07:00' }] });
    const now = Math.floor(Date.now() / 1000);
    const send = (headers: Record<string, string>, payload = body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
    const signed = (secret: string, ts: number, payload = body) => ({ 'x-voso-timestamp': String(ts), 'x-voso-signature': `sha256=${webhookSignature(secret, ts, payload)}` });

    const unsigned = await send({});
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: 'invalid_signature' });
    expect((await send(signed('not-the-secret-at-all', now))).status).toBe(401);
    expect((await send(signed(VOSO_SANDBOX_WEBHOOK_SECRET, now - 3600))).status).toBe(401);
    // The signature of other bytes: the body was changed on the way.
    expect((await send(signed(VOSO_SANDBOX_WEBHOOK_SECRET, now), body.replace('VS00000001', 'VS00000002'))).status).toBe(401);
    const huge = JSON.stringify({ events: [], pad: 'x'.repeat(70_000) });
    expect((await send(signed(VOSO_SANDBOX_WEBHOOK_SECRET, now, huge), huge)).status).toBe(413);
    expect((await send(signed(VOSO_SANDBOX_WEBHOOK_SECRET, now, '{"nope":1}'), '{"nope":1}')).status).toBe(400);
    const good = await send(signed(VOSO_SANDBOX_WEBHOOK_SECRET, now));
    expect(good.status).toBe(202);
  });
});
