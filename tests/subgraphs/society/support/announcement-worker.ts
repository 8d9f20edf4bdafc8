import { vi } from 'vitest';
import type { HubConfig } from '../../../../core/config.js';
import type { Logger } from '../../../../core/logger.js';
import { connectChannels } from '../../../../connectors/messaging/registry.js';
import type { MessagingSandboxes } from '../../../../connectors/messaging/sandboxes.js';
import { announcementSettings, type AnnouncementSettings } from '../../../../subgraphs/society/announcements/announcements-settings.js';
import { DeliveryWorker } from '../../../../subgraphs/society/announcements/delivery-worker.js';
import { RadioRelay } from '../../../../subgraphs/society/announcements/radio-relay.js';
import type { TestHub } from '../../../helpers/hub.js';

/**
 * The society delivery worker as the subgraph's background task builds it, but over the test's
 * sandboxes and the running devices subgraph, with short waits; tests drive it round by round.
 */
export function announcementWorker(hub: TestHub, config: HubConfig, sandboxes: MessagingSandboxes, logger: Logger, overrides: Partial<AnnouncementSettings> = {}): DeliveryWorker {
  const settings = { ...config.get(announcementSettings), minBackoffMs: 20, maxBackoffMs: 100, reportPollMs: 20, ...overrides };
  const devices = hub.subgraphs.devices;
  return new DeliveryWorker(hub.subgraphs.society!.orm, connectChannels(sandboxes.settings), devices ? new RadioRelay(config, devices.url) : null, settings, logger);
}

/** Runs rounds until `settled` holds (every delivery settled, every radio job done), within a generous deadline. */
export async function drain(worker: DeliveryWorker, settled: () => Promise<void>): Promise<void> {
  await vi.waitFor(
    async () => {
      await worker.round();
      await settled();
    },
    { timeout: 30_000, interval: 30 },
  );
}
