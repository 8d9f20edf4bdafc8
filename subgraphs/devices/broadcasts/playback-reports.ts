import type { EntityManager } from '@mikro-orm/core';
import { Device, DeviceKind } from '../telemetry/device.entity.js';
import { BroadcastTarget, PlaybackReport } from './broadcast-target.entity.js';

export interface PlaybackReportInput {
  broadcastId: string;
  status: PlaybackReport;
  reason?: string;
}

/** Checks the shape of a heartbeat's `playback` list; returns an error message or the reports. */
export function parsePlaybackReports(value: unknown): PlaybackReportInput[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 50) return '"playback" must be a list of at most 50 reports.';
  const reports: PlaybackReportInput[] = [];
  for (const [i, item] of value.entries()) {
    const r = item as Partial<PlaybackReportInput> | null;
    if (!r || typeof r.broadcastId !== 'string' || r.broadcastId.length > 36) return `playback.${i}.broadcastId must be a broadcast id.`;
    if (r.status !== PlaybackReport.PLAYED && r.status !== PlaybackReport.FAILED) return `playback.${i}.status must be PLAYED or FAILED.`;
    if (r.reason !== undefined && (typeof r.reason !== 'string' || r.reason.length > 500)) return `playback.${i}.reason must be text of at most 500 characters.`;
    reports.push({ broadcastId: r.broadcastId, status: r.status, reason: r.reason });
  }
  return reports;
}

/**
 * A radio receiver reports how its cluster's slots went. Reports about bulletins that do not target
 * its cluster are ignored (counted), never an error: a heartbeat is never lost to a stale report.
 */
export async function recordPlaybackReports(em: EntityManager, device: Device, reports: readonly PlaybackReportInput[]): Promise<{ applied: number; ignored: number }> {
  if (device.kind !== DeviceKind.RADIO_RECEIVER || !device.clusterId || !reports.length) return { applied: 0, ignored: reports.length };
  let applied = 0;
  for (const report of reports) {
    const failureReason = report.status === PlaybackReport.FAILED ? report.reason?.normalize('NFC').trim() || 'reported failed by the receiver' : null;
    // Native update of only these columns: never writes back a slot's times a scheduler may be moving.
    applied += await em.nativeUpdate(BroadcastTarget, { broadcastId: report.broadcastId, clusterId: device.clusterId }, { report: report.status, failureReason });
  }
  return { applied, ignored: reports.length - applied };
}
