/**
 * Runs the messaging sandboxes alone, until stopped:
 *   npm run build && node dist/connectors/messaging/run-sandboxes.js
 * Ports, delivery delay and random faults: ./sandbox/sandbox-settings.ts (SMS_SANDBOX_PORT,
 * MESSAGING_SANDBOX_ERROR_RATE, ...). Scripted faults and unreachable phones at run time:
 * POST /_sandbox/fail-next `{ "kind": "error", "count": 1 }`, POST /_sandbox/unreachable.
 */
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { messagingSandboxSettings } from './sandbox/sandbox-settings.js';
import { startMessagingSandboxes } from './sandboxes.js';

const config = loadConfig(process.env, { sections: [messagingSandboxSettings] });
const settings = config.get(messagingSandboxSettings);
const log = createLogger('messaging-sandboxes', config.LOG_LEVEL);
const sandboxes = await startMessagingSandboxes({ ports: settings.ports, faults: settings.faults, options: { deliveryDelayMs: settings.deliveryDelayMs } });
log.info({ sms: sandboxes.SMS.url, zalo: sandboxes.ZALO.url }, `messaging sandboxes: SMS ${sandboxes.SMS.url}, ZALO ${sandboxes.ZALO.url} (GET /_sandbox/state for counts)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandboxes.close().then(() => process.exit(0));
  });
}
