/**
 * A local SMS brandname gateway speaking the assumed contract (README.md), with the messaging
 * toolkit's faults in front and delivery reports that become ready `deliveryDelayMs` after a send.
 */
import type { Request } from 'express';
import { sendError, sendValidationError, type FieldProblem } from '../marketplace/sandbox/respond.js';
import type { ChannelSandboxStart } from '../messaging/adapter.js';
import { startMessagingSandbox, type MessagingSandbox } from '../messaging/sandbox/messaging-sandbox.js';
import type { BookedMessage, MessageBook } from '../messaging/sandbox/message-book.js';
import { SMS_MAX_CHARS, SMS_SEND_PATH, type SmsMessage } from './wire.js';
import { SMS_SANDBOX_CREDENTIALS } from './sandbox-credentials.js';


const isSend = (req: Request) => req.method === 'POST' && req.path === SMS_SEND_PATH;

function view(book: MessageBook, message: BookedMessage): SmsMessage {
  const report = book.statusOf(message);
  return {
    msg_id: message.providerMessageId,
    client_msg_id: message.clientMessageId,
    status: report.status,
    ...(report.status === 'FAILED' ? { error_code: report.reason } : {}),
  };
}

export function startSmsSandbox(start: ChannelSandboxStart): Promise<MessagingSandbox> {
  return startMessagingSandbox(
    {
      name: 'SMS sandbox',
      isSend,
      routes(app, book) {
        app.use('/v1/sms', (req, res, next) => {
          if (req.headers.authorization !== `Bearer ${SMS_SANDBOX_CREDENTIALS.apiKey}`) return sendError(res, 401, 'invalid_api_key', 'the API key is missing or wrong');
          next();
        });
        app.post(SMS_SEND_PATH, (req, res) => {
          const body = (req.body ?? {}) as Record<string, unknown>;
          const problems: FieldProblem[] = [];
          if (body.brandname !== SMS_SANDBOX_CREDENTIALS.brandname) problems.push({ field: 'brandname', message: 'not a brandname registered to this account' });
          if (typeof body.phone !== 'string' || !/^[1-9]\d{7,14}$/.test(body.phone)) problems.push({ field: 'phone', message: 'international digits without +, e.g. 84912345678' });
          if (typeof body.message !== 'string' || !body.message.length || body.message.length > SMS_MAX_CHARS) problems.push({ field: 'message', message: `1 to ${SMS_MAX_CHARS} characters` });
          if (typeof body.client_msg_id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(body.client_msg_id)) problems.push({ field: 'client_msg_id', message: '1 to 64 letters, digits, _ or -' });
          if (problems.length) return sendValidationError(res, 'validation_failed', problems);
          const { message, repeated } = book.accept(body.client_msg_id as string, body.phone as string, body.message as string);
          res.status(repeated ? 200 : 202).json(view(book, message));
        });
        app.get('/v1/sms/messages/:id', (req, res) => {
          const message = book.find(String(req.params.id));
          if (!message) return sendError(res, 404, 'not_found', 'no message with this client_msg_id');
          res.json(view(book, message));
        });
      },
    },
    start,
  );
}
