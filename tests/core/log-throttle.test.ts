import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogThrottle } from '../../core/log-throttle.js';
import { captureLogs } from '../helpers/log-capture.js';

const linesOf = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('log throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('1,000 failures from one source write the burst and one summary line per interval', () => {
    vi.useFakeTimers();
    const logs = captureLogs('info');
    const throttle = createLogThrottle(logs.logger('devices'), { burst: 5, intervalMs: 60_000, summary: 'summary' });
    for (let i = 0; i < 1000; i++) throttle.warn('10.0.0.9', { ip: '10.0.0.9', n: i }, 'heartbeat rejected');
    expect(linesOf(logs.text()).filter((l) => l.msg === 'heartbeat rejected')).toHaveLength(5);
    vi.advanceTimersByTime(60_000);
    const summaries = linesOf(logs.text()).filter((l) => l.msg === 'summary');
    expect(summaries).toEqual([expect.objectContaining({ suppressed: 995, sources: 1, intervalMs: 60_000 })]);
    // The next interval starts afresh.
    throttle.warn('10.0.0.9', { ip: '10.0.0.9' }, 'heartbeat rejected');
    expect(linesOf(logs.text()).filter((l) => l.msg === 'heartbeat rejected')).toHaveLength(6);
    vi.advanceTimersByTime(60_000);
    expect(linesOf(logs.text()).filter((l) => l.msg === 'summary')).toHaveLength(1);
  });

  it('one flooding source does not silence another, and a spray of sources stays bounded', () => {
    vi.useFakeTimers();
    const logs = captureLogs('info');
    const throttle = createLogThrottle(logs.logger('devices'), { burst: 2, intervalMs: 1000, maxSources: 10, summary: 'summary' });
    for (let i = 0; i < 50; i++) throttle.warn('flood', {}, 'rejected');
    throttle.warn('device-b', { who: 'b' }, 'rejected');
    expect(linesOf(logs.text()).filter((l) => l.who === 'b')).toHaveLength(1);
    for (let i = 0; i < 1000; i++) throttle.warn(`spray-${i}`, {}, 'rejected');
    // 2 (flood) + 1 (b) + 2 per new source until 10 sources are tracked, then nothing more.
    expect(linesOf(logs.text()).filter((l) => l.msg === 'rejected').length).toBeLessThanOrEqual(2 + 1 + 2 * 10);
    vi.advanceTimersByTime(1000);
    expect(linesOf(logs.text()).find((l) => l.msg === 'summary')).toMatchObject({ sources: expect.any(Number) });
  });
});
