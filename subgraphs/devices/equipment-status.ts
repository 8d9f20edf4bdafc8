import { registerEnumType } from 'type-graphql';

/** What an officer records about a piece of equipment; ONLINE/OFFLINE come from heartbeats instead. */
export enum InstallationState {
  PLANNED = 'PLANNED',
  INSTALLED = 'INSTALLED',
  FAULTY = 'FAULTY',
}

/** What the graph shows: the installation state, refined by heartbeats once devices report. */
export enum EquipmentStatus {
  PLANNED = 'PLANNED',
  INSTALLED = 'INSTALLED',
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
  FAULTY = 'FAULTY',
}

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

/** Combines the recorded state with the heartbeat view of the item's devices (`online` per device). */
export function equipmentStatus(state: InstallationState, devicesOnline: readonly boolean[]): EquipmentStatus {
  if (state === InstallationState.PLANNED) return EquipmentStatus.PLANNED;
  if (state === InstallationState.FAULTY) return EquipmentStatus.FAULTY;
  if (!devicesOnline.length) return EquipmentStatus.INSTALLED;
  return devicesOnline.some(Boolean) ? EquipmentStatus.ONLINE : EquipmentStatus.OFFLINE;
}
