/**
 * Runs the marketplace sandboxes alone, until stopped:
 *   npm run build && node dist/connectors/marketplace/run-sandboxes.js
 * Ports, faults and moderation delay come from env (connectors/README.md). The hub's `npm start`
 * starts them itself; this is for poking at them by hand or running a worker against them.
 */
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { sandboxSettings } from './sandbox/sandbox-settings.js';
import { startMarketplaceSandboxes } from './sandboxes.js';

const config = loadConfig(process.env, { sections: [sandboxSettings] });
const log = createLogger('marketplace-sandboxes', config.LOG_LEVEL);
const sandboxes = await startMarketplaceSandboxes({ settings: config.get(sandboxSettings) });
log.info({ urls: sandboxes.urls }, `marketplace sandboxes: ${Object.entries(sandboxes.urls).map(([code, url]) => `${code} ${url}`).join(', ')} (GET /_sandbox/state for counts)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandboxes.close().then(() => process.exit(0));
  });
}
