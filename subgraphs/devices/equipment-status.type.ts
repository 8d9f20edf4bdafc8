import { registerEnumType } from 'type-graphql';
import { InstallationState, EquipmentStatus } from './equipment-status.js';

/**
 * The GraphQL names of the enums of equipment-status.ts, registered here in the GraphQL layer
 * (imported by every type, input and resolver that uses them) so that the domain module stays free
 * of type-graphql: `hub` commands load entities and rules, never the GraphQL layer.
 */
registerEnumType(InstallationState, {
  name: 'InstallationState',
  description: 'What an officer records: PLANNED (only poles or a site), INSTALLED (in place), FAULTY (out of service, awaiting repair).',
  valuesConfig: {
    PLANNED: { description: 'Planned: only poles or a site so far.' },
    INSTALLED: { description: 'Installed and meant to be in service.' },
    FAULTY: { description: 'Out of service, awaiting repair.' },
  },
});
registerEnumType(EquipmentStatus, {
  name: 'EquipmentStatus',
  description:
    'PLANNED and FAULTY as recorded; an INSTALLED item is ONLINE when at least one of its registered devices sent a heartbeat ' +
    'within its threshold, OFFLINE when it has registered devices and none did, and INSTALLED when no device of it reports heartbeats.',
  valuesConfig: {
    PLANNED: { description: 'Recorded as planned: not in place yet.' },
    INSTALLED: { description: 'In place; no registered device reports heartbeats, so its live state is unknown.' },
    ONLINE: { description: 'At least one of its devices sent a heartbeat within its threshold.' },
    OFFLINE: { description: 'It has registered devices and none sent a heartbeat within its threshold.' },
    FAULTY: { description: 'Recorded as faulty, whatever its devices report.' },
  },
});
