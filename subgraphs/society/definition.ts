import { defineSubgraph } from '../../core/subgraph.js';
import { messagingSettings } from '../../connectors/messaging/settings.js';
import { announcementSettings } from './announcements/announcements-settings.js';

/**
 * Society: health records and telehealth, schools and their digital systems, field reports (phản ánh hiện trường), training sessions, postal service points, announcements to subscribers (SMS, Zalo).
 *
 * Its settings and `hub` commands, and its tables (./tables.ts) loaded when its database is opened,
 * without its GraphQL layer (./index.ts composes that from the parts): what the CLI and the
 * configuration load.
 */
export const societyDefinition = defineSubgraph({
  name: 'society',
  tables: () => import('./tables.js'),
  settings: [announcementSettings, messagingSettings],
});
