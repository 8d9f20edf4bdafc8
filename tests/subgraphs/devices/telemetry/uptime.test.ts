import { describe, expect, it } from 'vitest';
import { isOnline, monitoredWindow, onlineMilliseconds } from '../../../../subgraphs/devices/telemetry/uptime.rules.js';

const at = (s: number) => new Date(Date.UTC(2026, 2, 2) + s * 1000);

describe('uptime from heartbeats', () => {
  it('covers [t, t + threshold) per heartbeat, cut at the next heartbeat, clipped to the window', () => {
    const beats = [0, 30, 60, 300, 330].map((s) => s * 1000);
    expect(onlineMilliseconds(beats, 60_000, { start: 0, end: 600_000 })).toBe(210_000);
    expect(onlineMilliseconds(beats, 60_000, { start: 100_000, end: 310_000 })).toBe(20_000 + 10_000);
    // A heartbeat before the window still covers its start.
    expect(onlineMilliseconds([-50_000], 60_000, { start: 0, end: 600_000 })).toBe(10_000);
    expect(onlineMilliseconds([], 60_000, { start: 0, end: 600_000 })).toBe(0);
  });

  it('monitors from registration to now (or retirement), never negative', () => {
    expect(monitoredWindow(at(0), at(3600), at(600), at(900))).toEqual({ start: at(600).getTime(), end: at(900).getTime() });
    expect(monitoredWindow(at(0), at(3600), at(600), at(900), at(700))).toEqual({ start: at(600).getTime(), end: at(700).getTime() });
    const empty = monitoredWindow(at(0), at(100), at(600), at(900));
    expect(empty.end - empty.start).toBe(0);
  });

  it('is online strictly less than the threshold after the last heartbeat', () => {
    expect(isOnline(at(0), 60, at(59.999))).toBe(true);
    expect(isOnline(at(0), 60, at(60))).toBe(false);
    expect(isOnline(null, 60, at(0))).toBe(false);
  });
});
