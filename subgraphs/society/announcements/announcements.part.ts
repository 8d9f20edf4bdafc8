import type { SubgraphPart } from '../../../core/subgraph.js';
import { connectChannels } from '../../../connectors/messaging/registry.js';
import { messagingSettings } from '../../../connectors/messaging/settings.js';
import { AnnouncementResolver, CommuneAnnouncementsResolver } from './announcement.resolver.js';
import { announcementSettings } from './announcements-settings.js';
import { DeliveryWorker } from './delivery-worker.js';
import { devicesGraphqlUrl, RadioRelay } from './radio-relay.js';
import { SubscriberResolver } from './subscriber.resolver.js';

/**
 * The citizen communication channel: subscribers with their consent, announcements from the commune,
 * and the delivery worker sending them through the messaging channels (connectors/messaging) and
 * scheduling emergencies on the radio (devices).
 */
export const announcementsPart: SubgraphPart = {
  resolvers: [AnnouncementResolver, CommuneAnnouncementsResolver, SubscriberResolver],
  async background({ config, orm, logger }) {
    const settings = config.get(announcementSettings);
    const worker = new DeliveryWorker(orm, connectChannels(config.get(messagingSettings)), new RadioRelay(config, devicesGraphqlUrl(config, settings.devicesUrl)), settings, logger).start();
    return { stop: () => worker.stop() };
  },
};
