/**
 * The express scaffolding both sandboxes share: request ids, the /_sandbox control routes (never
 * faulted, no auth: tests and demos use them), JSON body parsing that keeps the raw bytes (postmart
 * signs them), fault injection in front of the API routes, and JSON 404/500 answers.
 */
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { z } from 'zod';
import { requestIdFrom } from '../../../core/http/request-id.js';
import { faultSettingsSchema, type FaultInjector } from './faults.js';
import type { PlaceOrderInput, SandboxOrderStatus } from './order-book.js';
import { sendError } from './respond.js';

export interface SandboxControl {
  /** Counts and settings, as JSON (GET /_sandbox/state). */
  summary(): unknown;
  placeOrder(input: PlaceOrderInput): unknown;
  setOrderStatus(orderId: string, status: SandboxOrderStatus): unknown;
  /** The marketplace's own control routes under /_sandbox (e.g. a seller revoking a shop's authorisation). */
  routes?(router: express.Router): void;
}

export interface SandboxAppOptions {
  faults: FaultInjector;
  /** Which API requests are writes (accept-then-drop applies to them only). */
  isWrite(req: Request): boolean;
  /** Which API requests create a listing (the slow-create fault holds them only). */
  isCreate?(req: Request): boolean;
  control: SandboxControl;
  routes(app: Express): void;
  /**
   * The seller centre (no auth, never faulted, under /_sandbox/seller): a shop's listings and the
   * edits a seller makes by hand, which the hub's drift audit must notice.
   */
  sellerCentre?(router: express.Router): void;
  /** Called after every request that may have changed something (not GET), answered or cut: the sandbox saves its state. */
  onChange?(): void;
  /** The public product page behind a listing's URL: `render` gives its title and lines, or null. */
  productPage?: { path: string; render(id: string): { title: string; lines: string[] } | null };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The request body bytes as received (set by the JSON parser). */
export function rawBody(req: Request): Buffer {
  return (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
}

const placeOrderSchema = z.object({
  lines: z.array(z.object({ sellerSku: z.string().min(1), quantity: z.number().int().positive() })).min(1),
  shopId: z.string().min(1).max(100).optional(),
  buyerName: z.string().optional(),
  buyerPhone: z.string().optional(),
  shippingFeeVnd: z.number().int().min(0).optional(),
});
const statusSchema = z.object({ status: z.enum(['PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED']) });

export function createSandboxApp(options: SandboxAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const id = requestIdFrom(req.headers['x-request-id']);
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    // 'close' fires whether the answer was sent or the socket cut (accept-then-drop, a client timeout).
    if (options.onChange && req.method !== 'GET') res.once('close', () => options.onChange?.());
    next();
  });

  const control = express.Router();
  control.use(express.json());
  control.get('/state', (_req, res) => {
    res.json(options.control.summary());
  });
  control.post('/faults', (req, res) => {
    const parsed = faultSettingsSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'invalid_faults', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    options.faults.set(parsed.data);
    res.json(options.faults.current);
  });
  control.post('/orders', (req, res) => {
    const parsed = placeOrderSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'invalid_order', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    try {
      res.status(201).json(options.control.placeOrder(parsed.data));
    } catch (error) {
      sendError(res, 409, 'order_refused', error instanceof Error ? error.message : String(error));
    }
  });
  control.post('/orders/:id/status', (req, res) => {
    const parsed = statusSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'invalid_status', parsed.error.issues.map((i) => i.message).join('; '));
    try {
      res.json(options.control.setOrderStatus(String(req.params.id), parsed.data.status));
    } catch (error) {
      sendError(res, 404, 'not_found', error instanceof Error ? error.message : String(error));
    }
  });
  if (options.sellerCentre) {
    const seller = express.Router();
    options.sellerCentre(seller);
    control.use('/seller', seller);
  }
  options.control.routes?.(control);
  app.use('/_sandbox', control);

  const page = options.productPage;
  if (page) {
    app.get(`${page.path}/:id`, (req, res) => {
      const shown = page.render(String(req.params.id));
      if (!shown) return sendError(res, 404, 'not_found', `no product ${String(req.params.id)}`);
      const lines = shown.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('');
      res.type('html').send(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(shown.title)}</title><h1>${escapeHtml(shown.title)}</h1>${lines}<p><small>marketplace sandbox</small></p>`);
    });
  }

  app.use(
    express.json({
      // Image uploads are base64 JSON: 2 MB of image is about 2.7 MB of body.
      limit: '4mb',
      verify: (req, _res, buffer) => {
        (req as unknown as { rawBody: Buffer }).rawBody = buffer;
      },
    }),
  );
  app.use(express.urlencoded({ extended: false }));
  // Faults come after the body is read: latency is then slow processing of a received request, so a
  // client that times out leaves a write the sandbox still applies (the unknown outcome).
  app.use(options.faults.middleware(options.isWrite, options.isCreate));
  options.routes(app);
  app.use((req, res) => sendError(res, 404, 'not_found', `no route ${req.method} ${req.path}`));
  const onError: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the body is not valid JSON');
    if (error.status && error.status >= 400 && error.status < 500) return sendError(res, error.status, 'bad_request', error.message ?? 'bad request');
    sendError(res, 500, 'internal_error', `sandbox bug: ${error.message ?? String(error)}`);
  };
  app.use(onError);
  return app;
}
