import express, { type ErrorRequestHandler, type Express, type NextFunction, type Request, type Response } from 'express';
import type { AnyMarketplaceAdapter } from '../../../connectors/marketplace/adapter.js';
import { MARKETPLACE_ADAPTERS } from '../../../connectors/marketplace/registry.js';
import { marketplaceSettings } from '../../../connectors/marketplace/settings.js';
import { checkWebhookSignature } from '../../../connectors/marketplace/webhook-signature.js';
import type { SubgraphRuntime } from '../../../core/subgraph.js';
import { Product } from '../catalogue/product.entity.js';
import { Listing } from '../listings/listing.entity.js';
import { driftSettings } from './drift-settings.js';

/** Where a marketplace pushes its events: `POST /webhooks/marketplaces/<code in lower case>`. */
export function webhookPath(code: string): string {
  return `/webhooks/marketplaces/${code.toLowerCase()}`;
}

/**
 * The receiver of marketplace event pushes, one route per adapter that declares `events` (voso).
 * Checks, in order: size (413), signature and replay window over the exact bytes (401, also when
 * unsigned), shape (400). A verified push only asks for an audit of the listings it names: the
 * drift auditor re-reads them at the marketplace, so a push never writes a value into the hub.
 * Answers 202 with how many listings were asked for; never echoes the body.
 */
export function registerMarketplaceWebhooks(app: Express, runtime: SubgraphRuntime, adapters: readonly AnyMarketplaceAdapter[] = MARKETPLACE_ADAPTERS): void {
  const settings = runtime.config.get(marketplaceSettings) as Record<string, unknown>;
  const { webhookMaxBytes } = runtime.config.get(driftSettings);
  for (const adapter of adapters) {
    const events = adapter.events;
    if (!events) continue;
    const secret = events.webhookSecret(settings[adapter.code]);
    const tooLarge: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
      if (error.type === 'entity.too.large') return void res.status(413).json({ error: 'payload_too_large', message: `pushes are limited to ${webhookMaxBytes} bytes` });
      next(error);
    };
    app.post(
      webhookPath(adapter.code),
      express.raw({ type: () => true, limit: webhookMaxBytes }),
      tooLarge,
      async (req: Request, res: Response, next: NextFunction) => {
        try {
          const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
          const check = checkWebhookSignature({ secret, timestamp: header(events.timestampHeader), signature: header(events.signatureHeader), body, nowMs: Date.now() });
          if (!check.ok) {
            runtime.logger.info({ marketplace: adapter.code, reason: check.reason }, 'marketplace push refused');
            return void res.status(401).json({ error: 'invalid_signature', message: check.reason });
          }
          let parsed: unknown;
          try {
            parsed = JSON.parse(body.toString('utf8'));
          } catch {
            return void res.status(400).json({ error: 'invalid_json', message: 'the body is not JSON' });
          }
          const named = events.parse(parsed);
          if (!named) return void res.status(400).json({ error: 'invalid_events', message: 'the body is not an event push of this marketplace' });
          const requested = await requestAudits(runtime, adapter.code, named);
          res.status(202).json({ accepted: named.length, listingsToAudit: requested });
        } catch (error) {
          next(error);
        }
      },
    );
  }
}

/** Marks the named listings for an audit now; a copy the hub does not know is found through its seller SKU. */
async function requestAudits(runtime: SubgraphRuntime, marketplace: string, named: { externalId: string; sellerSku: string | null }[]): Promise<number> {
  const em = runtime.orm.em.fork();
  const now = new Date();
  let requested = 0;
  for (const { externalId, sellerSku } of named) {
    let count = await em.nativeUpdate(Listing, { marketplace: marketplace as Listing['marketplace'], externalId }, { auditRequestedAt: now });
    if (!count && sellerSku) {
      const product = await em.findOne(Product, { sellerSku }, { fields: ['id'] });
      if (product) count = await em.nativeUpdate(Listing, { marketplace: marketplace as Listing['marketplace'], productId: product.id, externalId: { $ne: null } }, { auditRequestedAt: now });
    }
    requested += count;
  }
  return requested;
}
