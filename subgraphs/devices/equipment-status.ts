
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

/** Combines the recorded state with the heartbeat view of the item's devices (`online` per device). */
export function equipmentStatus(state: InstallationState, devicesOnline: readonly boolean[]): EquipmentStatus {
  if (state === InstallationState.PLANNED) return EquipmentStatus.PLANNED;
  if (state === InstallationState.FAULTY) return EquipmentStatus.FAULTY;
  if (!devicesOnline.length) return EquipmentStatus.INSTALLED;
  return devicesOnline.some(Boolean) ? EquipmentStatus.ONLINE : EquipmentStatus.OFFLINE;
}
