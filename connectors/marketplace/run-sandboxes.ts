/**
 * Runs both marketplace sandboxes alone, until stopped:
 *   npm run build && node dist/connectors/marketplace/run-sandboxes.js
 * Ports, faults and moderation delay come from env (connectors/README.md). The hub's `npm start`
 * starts them itself; this is for poking at them by hand or running a worker against them.
 */
import { createLogger } from '../../core/logger.js';
import { startMarketplaceSandboxes } from './sandboxes.js';

const log = createLogger('marketplace-sandboxes');
const sandboxes = await startMarketplaceSandboxes();
log.info(
  { urls: sandboxes.urls, faults: { VOSO: sandboxes.voso.faults.current, POSTMART: sandboxes.postmart.faults.current } },
  `marketplace sandboxes: voso ${sandboxes.urls.VOSO}, postmart ${sandboxes.urls.POSTMART} (GET /_sandbox/state for counts)`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandboxes.close().then(() => process.exit(0));
  });
}
