/**
 * A local Zalo OA–style API speaking the assumed contract (README.md): application errors as HTTP 200
 * with a negative `error` code, as Zalo does; the messaging toolkit's faults (HTTP 429/5xx, drops,
 * latency) in front; delivery reports ready `deliveryDelayMs` after a send.
 */
import type { Request, Response } from 'express';
import type { ChannelSandboxStart } from '../messaging/adapter.js';
import { startMessagingSandbox, type MessagingSandbox } from '../messaging/sandbox/messaging-sandbox.js';
import type { BookedMessage, MessageBook } from '../messaging/sandbox/message-book.js';
import { ZALO_ERRORS, ZALO_MAX_CHARS, ZALO_SEND_PATH, ZALO_STATUS_PATH, type ZaloMessage } from './wire.js';
import { ZALO_SANDBOX_TOKEN } from './sandbox-credentials.js';


const isSend = (req: Request) => req.method === 'POST' && req.path === ZALO_SEND_PATH;

function fail(res: Response, error: number, message: string): void {
  res.status(200).json({ error, message });
}

function view(book: MessageBook, message: BookedMessage): ZaloMessage {
  const report = book.statusOf(message);
  if (report.status === 'FAILED') return { msg_id: message.providerMessageId, tracking_id: message.clientMessageId, status: 'failed', fail_reason: report.reason };
  return { msg_id: message.providerMessageId, tracking_id: message.clientMessageId, status: report.status === 'DELIVERED' ? 'delivered' : 'sent' };
}

export function startZaloSandbox(start: ChannelSandboxStart): Promise<MessagingSandbox> {
  return startMessagingSandbox(
    {
      name: 'Zalo OA sandbox',
      isSend,
      routes(app, book) {
        app.use('/v2/oa', (req, res, next) => {
          if (req.headers.access_token !== ZALO_SANDBOX_TOKEN) return fail(res, ZALO_ERRORS.INVALID_TOKEN, 'access token is invalid');
          next();
        });
        app.post(ZALO_SEND_PATH, (req, res) => {
          const body = (req.body ?? {}) as Record<string, unknown>;
          if (typeof body.phone !== 'string' || !/^[1-9]\d{7,14}$/.test(body.phone)) return fail(res, ZALO_ERRORS.INVALID_PHONE, 'phone is invalid');
          if (typeof body.text !== 'string' || !body.text.length || body.text.length > ZALO_MAX_CHARS) return fail(res, ZALO_ERRORS.INVALID_TEXT, `text must be 1 to ${ZALO_MAX_CHARS} characters`);
          if (typeof body.tracking_id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(body.tracking_id)) return fail(res, ZALO_ERRORS.INVALID_TEXT, 'tracking_id must be 1 to 64 letters, digits, _ or -');
          const { message } = book.accept(body.tracking_id, body.phone, body.text);
          res.json({ error: 0, message: 'Success', data: view(book, message) });
        });
        app.get(ZALO_STATUS_PATH, (req, res) => {
          const message = book.find(String(req.query.tracking_id ?? ''));
          if (!message) return fail(res, ZALO_ERRORS.NOT_FOUND, 'message not found');
          res.json({ error: 0, message: 'Success', data: view(book, message) });
        });
      },
    },
    start,
  );
}
