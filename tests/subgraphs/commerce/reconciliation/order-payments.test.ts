import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectors } from '../../../../connectors/marketplace/index.js';
import { startMarketplaceSandboxes, type MarketplaceSandboxes } from '../../../../connectors/marketplace/sandboxes.js';
import { openDatabase } from '../../../../core/db/database.js';
import { createLogger } from '../../../../core/logger.js';
import { composeSubgraph } from '../../../../core/subgraph.js';
import { todayInVietnam } from '../../../../core/time.js';
import { createCataloguePart } from '../../../../subgraphs/commerce/catalogue/catalogue.part.js';
import { Product } from '../../../../subgraphs/commerce/catalogue/product.entity.js';
import { commerceDefinition } from '../../../../subgraphs/commerce/definition.js';
import { OrderPuller } from '../../../../subgraphs/commerce/orders/order-puller.js';
import { ExpectedPayment } from '../../../../subgraphs/commerce/reconciliation/expected-payment.entity.js';
import { reconcileStatement } from '../../../../subgraphs/commerce/reconciliation/reconcile.command.js';
import { reconciliationPart } from '../../../../subgraphs/commerce/reconciliation/reconciliation.part.js';
import { pilotProductId } from '../../../../subgraphs/commerce/seed/pilot-catalogue.js';
import { createTestEnvironment, type TestEnvironment } from '../../../helpers/databases.js';
import { itemsOfRun, VIETTEL_HEADER, writeFile } from './fixtures.js';

const commerceWithoutWorker = composeSubgraph(commerceDefinition, [createCataloguePart({ runWorker: false }), reconciliationPart]);

/** dd/MM/yyyy HH:mm:ss in Vietnam time, as Viettel Money writes it. */
function viettelTime(at: Date): string {
  const v = new Date(at.getTime() + 7 * 3_600_000).toISOString();
  return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)} ${v.slice(11, 19)}`;
}
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

describe('marketplace orders become expected payments and reconcile against a statement built from them', () => {
  let env: TestEnvironment;
  let sandboxes: MarketplaceSandboxes;
  let orm: MikroORM;
  let puller: OrderPuller;

  beforeAll(async () => {
    env = await createTestEnvironment();
    sandboxes = await startMarketplaceSandboxes();
    orm = await openDatabase(commerceWithoutWorker.database, env.target('commerce'));
    await commerceWithoutWorker.seedPilot!(orm.em.fork(), env.config);
    const connectors = createConnectors(sandboxes.settings);
    puller = new OrderPuller(orm, { connectors }, { orderPageSize: 50, orderPaymentProviders: { VOSO: 'viettel-money' } }, createLogger('test', 'silent'), false);
    // Two pilot products listed on the VOSO sandbox, so buyers can order them there.
    for (const key of ['bi-xanh', 'buoi']) {
      const p = await orm.em.fork().findOneOrFail(Product, { id: pilotProductId(key) });
      await connectors.VOSO!.createListing({ sellerSku: p.sellerSku, name: p.name, description: p.description || p.name, category: p.category, unit: p.unit, netWeightGrams: p.netWeightGrams ?? null, priceVnd: p.priceVnd, stock: p.stock, images: p.images, version: p.version });
    }
  });
  afterAll(async () => {
    await orm?.close(true);
    await sandboxes?.close();
    await env?.cleanup();
  });

  it('pulls orders into expected payments (order code, total, masked buyer phone, producer) and matches every one', async () => {
    const em = () => orm.em.fork();
    const sku = async (key: string) => (await em().findOneOrFail(Product, { id: pilotProductId(key) })).sellerSku;
    const a = sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: await sku('bi-xanh'), quantity: 3 }], buyerName: 'Nguyễn Văn An', buyerPhone: '0912345678' });
    const b = sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: await sku('buoi'), quantity: 2 }], buyerName: 'Trần Thị Bình', buyerPhone: '+84 868 123 123' });
    const c = sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: await sku('bi-xanh'), quantity: 1 }], buyerName: 'Lê C', buyerPhone: '0977000111' });
    await puller.pull('VOSO');

    const expected = await em().find(ExpectedPayment, {}, { orderBy: { reference: 'asc' } });
    expect(expected.map((e) => [e.provider, e.reference, e.amountVnd, e.payer])).toEqual(
      [a, b, c]
        .map((o) => ['viettel-money', o.order_id, o.total_amount, `*******${String(o.buyer.phone).replace(/\D/g, '').slice(-3)}`])
        .sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    );
    const bixanh = await em().findOneOrFail(Product, { id: pilotProductId('bi-xanh') });
    expect(expected.find((e) => e.reference === a.order_id)?.producerId).toBe(bixanh.producerId);

    // Pulled again: nothing doubles. Order c is cancelled before payment: its expectation goes.
    sandboxes.VOSO.setOrderStatus(c.order_id, 'CANCELLED');
    await puller.pull('VOSO');
    const left = await em().find(ExpectedPayment, {}, { orderBy: { expectedAt: 'asc', id: 'asc' } });
    expect(left.map((e) => e.reference).sort()).toEqual([a.order_id, b.order_id].sort());

    // The wallet's statement of the day: a quotes its order code; b pays without a code, from 84868***123.
    const period = todayInVietnam(left[0].expectedAt);
    const rows = [
      `1,VT1,${a.order_id},${viettelTime(left.find((e) => e.reference === a.order_id)!.expectedAt)},${grouped(a.total_amount)},0,VND,Thành công,Thanh toán,,0912***678`,
      `2,VT2,,${viettelTime(left.find((e) => e.reference === b.order_id)!.expectedAt)},${grouped(b.total_amount)},0,VND,Thành công,Thanh toán,,84868***123`,
    ];
    const file = writeFile(env.dataDir, 'vtm-orders.csv', VIETTEL_HEADER + rows.join('\n') + '\n');
    const { run } = await reconcileStatement(em(), { provider: 'viettel-money', file, period, importedBy: 'test' });
    expect(run).toMatchObject({ matchedCount: 2, missingInLedgerCount: 0, missingInStatementCount: 0, amountMismatchCount: 0, matchedVnd: a.total_amount + b.total_amount });
    const items = await itemsOfRun(em(), run.id);
    expect(items.map((i) => [i.outcome, i.rule])).toEqual([
      ['MATCHED', 'REFERENCE'],
      ['MATCHED', 'AMOUNT_TIME'],
    ]);

    // Cancelled after the run used its expectation: it stays, the run's item still names it.
    // An order pulled after the run and cancelled: no run can have used it, it goes.
    const d = sandboxes.VOSO.placeOrder({ lines: [{ sellerSku: await sku('buoi'), quantity: 1 }], buyerName: 'Phạm D', buyerPhone: '0988000222' });
    await puller.pull('VOSO');
    expect((await em().find(ExpectedPayment, { reference: d.order_id })).length).toBe(1);
    sandboxes.VOSO.setOrderStatus(a.order_id, 'CANCELLED');
    sandboxes.VOSO.setOrderStatus(d.order_id, 'CANCELLED');
    await puller.pull('VOSO');
    const kept = await em().find(ExpectedPayment, {}, { orderBy: { reference: 'asc' } });
    expect(kept.map((e) => e.reference).sort()).toEqual([a.order_id, b.order_id].sort());
  });
});
