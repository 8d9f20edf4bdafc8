/**
 * The scaffolding every messaging sandbox shares: request ids, the /_sandbox control routes (never
 * faulted, no auth: tests and demos use them), scripted then random faults in front of the channel's
 * API routes (the marketplace toolkit's FaultInjector: errors, 429 bursts and rate limits, latency,
 * accept-then-drop), the message book, and JSON 404/500 answers.
 */
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import { z } from 'zod';
import { listen } from '../../../core/http/listen.js';
import { requestIdFrom } from '../../../core/http/request-id.js';
import { FaultInjector, faultSettingsSchema, type FaultSettings } from '../../marketplace/sandbox/faults.js';
import { sendError } from '../../marketplace/sandbox/respond.js';
import { MessageBook } from './message-book.js';
import { ScriptedFaults, scriptedFaultSchema } from './scripted-faults.js';

export interface MessagingSandboxOptions {
  /** How long after acceptance a message's delivery report is ready (ms). */
  deliveryDelayMs: number;
}

export interface MessagingSandbox {
  url: string;
  port: number;
  book: MessageBook;
  faults: FaultInjector;
  scripted: ScriptedFaults;
  close(): Promise<void>;
}

export interface MessagingSandboxDefinition {
  /** For messages: "SMS sandbox". */
  name: string;
  /** Which API requests send a message (scripted faults and accept-then-drop apply to them). */
  isSend(req: Request): boolean;
  /** The channel's API routes over the book. */
  routes(app: Express, book: MessageBook): void;
}

const unreachableSchema = z.object({ phones: z.array(z.string().min(1)).min(1) }).strict();

export async function startMessagingSandbox(
  definition: MessagingSandboxDefinition,
  start: { port: number; host?: string; faults?: Partial<FaultSettings>; options?: Partial<MessagingSandboxOptions> },
): Promise<MessagingSandbox> {
  const book = new MessageBook(start.options?.deliveryDelayMs ?? 200);
  const faults = new FaultInjector(start.faults);
  const scripted = new ScriptedFaults();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use((req, res, next) => {
    const id = requestIdFrom(req.headers['x-request-id']);
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    next();
  });

  const control = express.Router();
  control.use(express.json());
  control.get('/state', (_req, res) => {
    const messages = book.messages();
    res.json({
      messages: messages.length,
      repeatedRequests: messages.reduce((n, m) => n + m.requests - 1, 0),
      delivered: messages.filter((m) => book.statusOf(m).status === 'DELIVERED').length,
      faults: { random: faults.counters, scripted: scripted.fired, scriptedPending: scripted.pending },
    });
  });
  control.post('/faults', (req, res) => {
    const parsed = faultSettingsSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'invalid_faults', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    faults.set(parsed.data);
    res.json(faults.current);
  });
  control.post('/fail-next', (req, res) => {
    const parsed = scriptedFaultSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'invalid_fault', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    scripted.failNext(parsed.data.kind, parsed.data.count);
    res.json({ pending: scripted.pending });
  });
  control.post('/unreachable', (req, res) => {
    const parsed = unreachableSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendError(res, 400, 'invalid_phones', 'give { "phones": ["0912345678", ...] }');
    book.setUnreachable(parsed.data.phones);
    res.json({ ok: true });
  });
  app.use('/_sandbox', control);

  app.use(express.json({ limit: '64kb' }));
  app.use(scripted.middleware(definition.isSend));
  app.use(faults.middleware(definition.isSend));
  definition.routes(app, book);
  app.use((req, res) => sendError(res, 404, 'not_found', `no route ${req.method} ${req.path}`));
  const onError: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the body is not valid JSON');
    if (error.status && error.status >= 400 && error.status < 500) return sendError(res, error.status, 'bad_request', error.message ?? 'bad request');
    sendError(res, 500, 'internal_error', `${definition.name} bug: ${error.message ?? String(error)}`);
  };
  app.use(onError);

  const listening = await listen(app, start.port, start.host ?? '127.0.0.1');
  return { url: `http://${start.host ?? '127.0.0.1'}:${listening.port}`, port: listening.port, book, faults, scripted, close: () => listening.close() };
}
