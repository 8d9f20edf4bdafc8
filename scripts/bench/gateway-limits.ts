/**
 * Gateway limits benchmark: `npm run bench -- gateway-limits [--requests 100] [--rounds 3] [--gateway-heap-mb 192]`.
 *
 * Runs the hub as `npm start` does (gateway in one process, each subgraph in its own) on free ports
 * and a temporary data directory, then sends the issue's attacks as an anonymous caller would:
 * successor/predecessors nested 30 levels, 1,000 aliases of dossierStats, 1,000 aliases of commune
 * across the four subgraphs, a 1 MB body, and operations named with 200,000 letters (each name
 * different, as in the /metrics attack). Each round prints the time per refused request as the
 * caller sees it and the gateway process's CPU time per request (and the codes answered), then the README's sample query while the same attacks arrive 20 at a time, then
 * the gateway's resident memory (VmRSS) and V8 heap, the subgraph processes' RSS and the size of
 * /metrics. The gateway's process runs with a small heap (--gateway-heap-mb, 192 MB): memory that
 * grew with the attacks would crash it, so bounded memory shows as a gateway still answering after
 * the last round (heap-used figures also count garbage not collected yet).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');
const SAMPLE_VARIABLES = { code: '05068', on: '2021-06-01' };
const FREE_PORTS = { PORT: '0', GOVERNANCE_PORT: '0', SOCIETY_PORT: '0', DEVICES_PORT: '0', COMMERCE_PORT: '0', VOSO_SANDBOX_PORT: '0', POSTMART_SANDBOX_PORT: '0' };

function lineage(levels: number): string {
  let selection = 'name';
  for (let level = levels; level >= 1; level--) selection = `${level % 2 ? 'successor' : 'predecessors'} { name ${selection} }`;
  return `{ commune(code: "05068", on: "2021-06-01") { ${selection} } }`;
}
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

/** Each attack builds the i-th request body (the long names differ from one request to the next). */
const ATTACKS: Record<string, (i: number) => string> = {
  'depth: successor/predecessors x30': () => JSON.stringify({ query: lineage(30) }),
  'aliases: 1,000 x dossierStats': () => JSON.stringify({ query: `{ commune(code: "05068") { ${times(1000, (i) => `s${i}: dossierStats(year: 2021) { received online }`)} } }` }),
  'aliases: 1,000 x commune, 4 subgraphs': () =>
    JSON.stringify({ query: `{ ${times(1000, (i) => `c${i}: commune(code: "05068") { name radioClusters { village } healthRecordStats { records } producers(first: 1) { totalCount } }`)} }` }),
  'size: 1 MB body': () => JSON.stringify({ query: `# ${'x'.repeat(1024 * 1024)}\n{ __typename }` }),
  'name: 200,000 letters, each different': (i) => JSON.stringify({ query: `query Op${i}${'a'.repeat(200_000)} { __typename }` }),
};

async function post(url: string, body: string): Promise<{ ms: number; code: unknown; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body });
  const json = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  return { ms: performance.now() - started, code: json.errors?.[0]?.extensions?.code, ok: !json.errors && json.data !== undefined };
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU time (user + system) a process has used so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 1);

export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const requests = option('--requests', 100);
  const rounds = option('--rounds', 3);
  // A small heap for the gateway's process: memory that grew with the attacks would crash it.
  const gatewayHeapMb = option('--gateway-heap-mb', 192);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-gateway-limits-'));
  const hub = spawn('node', [`--max-old-space-size=${gatewayHeapMb}`, 'dist/cli/hub.js', 'start'], { env: { ...process.env, ...FREE_PORTS, HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  hub.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  hub.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 180_000;
    while (!/GraphQL endpoint: (\S+)/.test(output)) {
      if (hub.exitCode !== null || Date.now() > deadline) throw new Error(`the hub did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const url = /GraphQL endpoint: (\S+)/.exec(output)![1];
    const subgraphPids = [...output.matchAll(/\(pid (\d+)\)/g)].map((m) => Number(m[1]));
    const metricsUrl = url.replace(/\/graphql$/, '/metrics');
    const sampleBody = JSON.stringify({ query: SAMPLE, variables: SAMPLE_VARIABLES });
    for (let i = 0; i < 30; i++) await post(url, sampleBody);

    const memory = async (label: string) => {
      const metrics = await (await fetch(metricsUrl)).text();
      const heap = Number(/^hub_gateway_nodejs_heap_size_used_bytes (\S+)$/m.exec(metrics)?.[1]) / 1024 / 1024;
      const subgraphs = subgraphPids.reduce((sum, pid) => sum + rssMb(pid), 0);
      console.log(`${label.padEnd(22)} gateway RSS ${fmt(rssMb(hub.pid!)).padStart(6)} MB, heap used ${fmt(heap).padStart(6)} MB; subgraph processes RSS ${fmt(subgraphs)} MB; /metrics ${(metrics.length / 1024).toFixed(1)} KB`);
    };
    console.log(`hub started (gateway pid ${hub.pid}, its heap capped at ${gatewayHeapMb} MB; subgraph pids ${subgraphPids.join(', ')}); ${requests} requests per attack\n`);
    await memory('before:');
    const alone: number[] = [];
    const cpuBefore = cpuMs(hub.pid!);
    for (let i = 0; i < 50; i++) alone.push((await post(url, sampleBody)).ms);
    const sampleCpu = (cpuMs(hub.pid!) - cpuBefore) / 50;
    console.log(`\nsample query (4 subgraphs), alone: p50 ${fmt(percentile(alone, 50))} ms  p99 ${fmt(percentile(alone, 99))} ms, gateway CPU ${fmt(sampleCpu)} ms/request`);
    for (let round = 1; round <= rounds; round++) {
      console.log(`\nround ${round}: each attack ${requests} times, one at a time`);
      console.log('attack                                   answer                      ms/request  p50     p99     gateway CPU ms/request');
      for (const [name, body] of Object.entries(ATTACKS)) {
        const ms: number[] = [];
        const codes = new Set<unknown>();
        const cpuBefore = cpuMs(hub.pid!);
        for (let i = 0; i < requests; i++) {
          const result = await post(url, body(round * requests + i));
          ms.push(result.ms);
          codes.add(result.code);
        }
        const cpu = (cpuMs(hub.pid!) - cpuBefore) / requests;
        const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
        console.log(`${name.padEnd(40)} ${[...codes].join(',').padEnd(27)} ${fmt(mean).padStart(10)}  ${fmt(percentile(ms, 50)).padStart(6)}  ${fmt(percentile(ms, 99)).padStart(6)}  ${fmt(cpu).padStart(8)}`);
      }
      // The attacks again, 20 at a time, while one caller keeps asking the sample query.
      const attackBodies = Object.values(ATTACKS);
      let sent = 0;
      const total = requests * attackBodies.length;
      const attackers = Array.from({ length: 20 }, async () => {
        while (sent < total) {
          const i = sent++;
          await post(url, attackBodies[i % attackBodies.length](round * total + i));
        }
      });
      const underAttack: number[] = [];
      let incomplete = 0;
      const caller = (async () => {
        while (sent < total) {
          const result = await post(url, sampleBody);
          underAttack.push(result.ms);
          if (!result.ok) incomplete++;
        }
      })();
      await Promise.all([...attackers, caller]);
      console.log(`sample query while ${total} attacks arrive 20 at a time: p50 ${fmt(percentile(underAttack, 50))} ms  p99 ${fmt(percentile(underAttack, 99))} ms (${underAttack.length} answers, ${incomplete} not complete)`);
      await memory(`after round ${round}:`);
    }
    const done = await post(url, sampleBody);
    console.log(`\nafter ${rounds} rounds (${rounds * requests * Object.keys(ATTACKS).length * 2} refused requests) the gateway process is ${hub.exitCode === null ? 'still running' : `gone (exit ${hub.exitCode})`} within its ${gatewayHeapMb} MB heap; the sample query ${done.ok ? 'answers completely' : 'does NOT answer completely'}`);
  } finally {
    try {
      process.kill(-hub.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await new Promise((r) => hub.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
