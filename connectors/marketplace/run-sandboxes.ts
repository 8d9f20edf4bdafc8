/**
 * Runs the marketplace sandboxes alone, until stopped:
 *   npm run build && node dist/connectors/marketplace/run-sandboxes.js
 * Ports, faults and moderation delay come from env (connectors/README.md); listings and orders are
 * kept in `<HUB_DATA_DIR>/sandboxes/` across restarts; voso pushes seller-centre edits to
 * VOSO_SANDBOX_WEBHOOK_URL when set. The hub's `npm start` starts them itself; this is for running
 * them apart (README, "Running the marketplace sandboxes apart").
 */
import { join } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { createLogger } from '../../core/logger.js';
import { sandboxSettings } from './sandbox/sandbox-settings.js';
import { startMarketplaceSandboxes } from './sandboxes.js';

const config = loadConfig(process.env, { sections: [sandboxSettings] });
const log = createLogger('marketplace-sandboxes', config.LOG_LEVEL);
const sandboxes = await startMarketplaceSandboxes({ settings: config.get(sandboxSettings), stateDir: join(config.dataDir, 'sandboxes') });
log.info({ urls: sandboxes.urls }, `marketplace sandboxes: ${Object.entries(sandboxes.urls).map(([code, url]) => `${code} ${url}`).join(', ')} (GET /_sandbox/state for counts)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandboxes.close().then(() => process.exit(0));
  });
}
