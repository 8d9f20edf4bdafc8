import type { Express } from 'express';
import { listen } from '../../../../core/http/listen.js';
import type { RunningSandbox, SandboxStartOptions } from '../../../../connectors/marketplace/adapter.js';
import { createSandboxApp } from '../../../../connectors/marketplace/sandbox/app.js';
import { FaultInjector } from '../../../../connectors/marketplace/sandbox/faults.js';
import { ListingTable } from '../../../../connectors/marketplace/sandbox/listing-table.js';
import { OrderBook } from '../../../../connectors/marketplace/sandbox/order-book.js';
import { sendError } from '../../../../connectors/marketplace/sandbox/respond.js';

export interface ChoItem {
  id: string;
  sku: string;
  name: string;
  price: number;
  stock: number;
  hidden: boolean;
}

export const CHO_SANDBOX_KEY = 'cho-sandbox-key';

/** A sandbox of the toolkit's parts: control routes, faults, listing table, order book. */
export async function startChoSandbox(options: SandboxStartOptions<{ greeting: string }>): Promise<RunningSandbox & { greeting: string }> {
  const faults = new FaultInjector(options.faults);
  const items = new ListingTable<ChoItem>((i) => i.sku);
  const orders = new OrderBook((n) => `CHO-${n}`);
  const routes = (app: Express) => {
    app.use((req, res, next) => (req.headers['x-api-key'] === CHO_SANDBOX_KEY ? next() : sendError(res, 401, 'unauthorized', 'send x-api-key')));
    app.post('/items', (req, res) => {
      const item: ChoItem = { id: `i${items.size + 1}`, sku: req.body.sku, name: req.body.name, price: req.body.price, stock: req.body.stock, hidden: false };
      items.add(item.id, item);
      res.status(201).json({ item });
    });
    app.get('/items/by-sku', (req, res) => {
      const [item] = items.forSku(String(req.query.sku));
      return item ? res.json({ item }) : sendError(res, 404, 'not_found', 'no such sku');
    });
    app.get('/items/:id', (req, res) => {
      const item = items.get(req.params.id);
      return item ? res.json({ item }) : sendError(res, 404, 'not_found', 'no such item');
    });
    app.put('/items/:id', (req, res) => {
      const item = items.get(req.params.id);
      if (!item) return sendError(res, 404, 'not_found', 'no such item');
      Object.assign(item, req.body);
      res.json({ item });
    });
  };
  const app = createSandboxApp({
    faults,
    isWrite: (req) => req.method !== 'GET',
    routes,
    control: { summary: () => ({ marketplace: 'CHO', items: items.size }), placeOrder: () => ({}), setOrderStatus: (id, status) => orders.setStatus(id, status) },
  });
  const host = options.host ?? '127.0.0.1';
  const listening = await listen(app, options.port, host);
  return {
    url: `http://${host}:${listening.port}`,
    port: listening.port,
    faults,
    state: { listingCountBySku: () => items.countBySku(), duplicateSkus: () => items.duplicateSkus(), liveDuplicateSkus: () => items.duplicateSkus() },
    placeOrder: () => ({}),
    setOrderStatus: (id, status) => orders.setStatus(id, status),
    close: () => listening.close(),
    greeting: options.options?.greeting ?? 'xin chào',
  };
}
