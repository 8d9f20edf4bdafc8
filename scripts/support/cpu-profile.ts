import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A summary of a V8 CPU profile (`node --cpu-prof`) over a time window, for the benchmarks'
 * `--profile`: where the busy samples went, by package (self time, and inclusive: the share of
 * samples with the package anywhere on the stack) and by function (self time). Timestamps are the
 * monotonic clock, the same as `process.hrtime`, so a benchmark can mark the window of one scenario.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Microseconds on the profiler's clock. */
export const profileClock = () => Number(process.hrtime.bigint() / 1000n);

function packageOf(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/[()]/g, '')})`;
  const dependency = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const ours = /dist\/([^/]+(\/[^/]+)?)/.exec(url);
  return ours ? `ours ${ours[1]}` : path.basename(url);
}

export function summarizeProfile(file: string, window: { from: number; to: number }, top = 25): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const counts = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (at >= window.from && at <= window.to) counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  const self = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  const inclusiveByPackage = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  let busy = 0;
  for (const [id, n] of counts) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += n;
    const pkg = packageOf(url, functionName);
    add(self, `${functionName || '(anonymous)'} ${pkg}${url ? `/${path.basename(url)}:${lineNumber + 1}` : ''}`, n);
    add(selfByPackage, pkg, n);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = nodes.get(cur)!.callFrame;
      const p = packageOf(frame.url, frame.functionName);
      if (seen.has(p)) continue;
      add(inclusiveByPackage, p, n);
      seen.add(p);
    }
  }
  const lines = [`${busy} busy samples`];
  const list = (title: string, map: Map<string, number>, count: number) => {
    lines.push(`  ${title}:`);
    for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) lines.push(`    ${((100 * n) / Math.max(1, busy)).toFixed(1).padStart(5)}%  ${key}`);
  };
  list('self time by package', selfByPackage, 15);
  list('inclusive time by package', inclusiveByPackage, 20);
  list('self time by function', self, top);
  return lines;
}

/** The one profile a process wrote into `dir`. */
export function profileIn(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length !== 1) throw new Error(`expected one CPU profile in ${dir}, found ${files.length}`);
  return path.join(dir, files[0]);
}
