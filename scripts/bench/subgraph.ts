/**
 * One subgraph's own speed: `npm run bench -- subgraph [--duration 8] [--connections 10] [--rounds 3] [--profile <dir>]`.
 *
 * Starts governance alone as `hub serve governance` does (its own process, the pilot data, embedded
 * SQLite in a temporary directory) and calls it as the gateway does: each request signed for its
 * body (core/auth/gateway-assertion.ts), an assertion per body renewed every half second. Two requests:
 *   lookup:  `commune(code, on) { id name provinceName }` for Nam Thượng on 2021-06-01;
 *   sample:  governance's part of the README's sample query (docs/sample-query.graphql), the fetch
 *            the query planner sends governance for it, with the same variables.
 * For each: the latency of requests sent one at a time (p50, p99, timed to the microsecond), then autocannon rounds at
 * `--connections` with requests/s, p50/p99, and the subgraph process's CPU time per request (user +
 * system from /proc), and requests per CPU-second (what one core could answer). On a machine shared
 * with other work requests/s move with its load; CPU per request much less.
 * `--only lookup|sample` runs one of them. `--profile <dir>` runs the subgraph under `node --cpu-prof`
 * (an empty directory; the profile is written there at the end) and prints where its CPU time went
 * during each request's measured rounds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import autocannon from 'autocannon';
import { parse } from 'graphql';
import { request } from 'undici';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId } from '../../core/auth/gateway-assertion.js';
import { loadConfig } from '../../core/config.js';
import { cpuMs, fmt, freePort, median, post, startProcess, stopProcess, waitFor } from '../support/bench-processes.js';
import { profileClock, profileIn, summarizeProfile } from '../support/cpu-profile.js';

const SUBGRAPH = 'governance';
const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');
const SAMPLE_VARIABLES = { code: '05068', on: '2021-06-01' };
const LOOKUP = 'query CommuneLookup($code: String!, $on: Date) { commune(code: $code, on: $on) { id name provinceName } }';

function fetchesOf(node: PlanNode | QueryPlan['node']): FetchNode[] {
  if (!node || node.kind === 'Subscription') return [];
  if (node.kind === 'Fetch') return [node];
  if (node.kind === 'Sequence' || node.kind === 'Parallel') return node.nodes.flatMap(fetchesOf);
  if (node.kind === 'Flatten') return fetchesOf(node.node);
  return [];
}

/** The request the gateway sends governance for the sample: the root fetch of the query plan. */
function samplePart(): string {
  const supergraph = Supergraph.build(readFileSync('schema/supergraph.graphql', 'utf8'));
  const operation = operationFromDocument(supergraph.schema, parse(SAMPLE), { operationName: 'CommuneOverview' });
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
  const fetches = fetchesOf(plan.node).filter((f) => f.serviceName === SUBGRAPH);
  const root = fetches.find((f) => !f.requires);
  if (!root || fetches.length !== 1) throw new Error(`expected one root fetch to ${SUBGRAPH} in the sample's plan, found ${fetches.length}`);
  const variables = Object.fromEntries((root.variableUsages ?? []).map((name) => [name, SAMPLE_VARIABLES[name as keyof typeof SAMPLE_VARIABLES]]));
  return JSON.stringify({ query: root.operation, variables, ...(root.operationName ? { operationName: root.operationName } : {}) });
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  cpuPerRequest: number;
}

function round(url: string, body: string, headers: () => Record<string, string>, pid: number, connections: number, duration: number, amount?: number): Promise<Round> {
  const before = cpuMs(pid);
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections,
        ...(amount ? { amount } : { duration }),
        body,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...headers() } }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          failures: result.non2xx + result.errors + result.timeouts,
          cpuPerRequest: (cpuMs(pid) - before) / Math.max(1, result.requests.total),
        });
      },
    );
  });
}

/**
 * Requests sent one after another, each timed with the monotonic clock: autocannon's latencies are
 * whole milliseconds, too coarse for a request that takes a few.
 */
async function serialRound(url: string, body: string, headers: () => Record<string, string>, pid: number, amount: number): Promise<Round> {
  const before = cpuMs(pid);
  const started = performance.now();
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < amount; i++) {
    const t0 = performance.now();
    const response = await request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers() } });
    await response.body.text();
    times.push(performance.now() - t0);
    if (response.statusCode !== 200) failures++;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { rps: amount / ((performance.now() - started) / 1000), p50: at(0.5), p99: at(0.99), failures, cpuPerRequest: (cpuMs(pid) - before) / amount };
}

export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const duration = option('--duration', 8);
  const connections = option('--connections', 10);
  const rounds = option('--rounds', 3);
  const profileDir = args.includes('--profile') ? path.resolve(args[args.indexOf('--profile') + 1]) : undefined;

  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['lookup', 'sample'];
  const bodies = Object.fromEntries(
    Object.entries({ lookup: () => JSON.stringify({ query: LOOKUP, variables: SAMPLE_VARIABLES }), sample: samplePart })
      .filter(([name]) => only.includes(name))
      .map(([name, body]) => [name, body()]),
  );
  const windows: Record<string, { from: number; to: number }> = {};
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-subgraph-'));
  const port = await freePort();
  const nodeArgs = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const subgraph = startProcess('node', [...nodeArgs, 'dist/cli/hub.js', 'serve', SUBGRAPH], { [`${SUBGRAPH.toUpperCase()}_PORT`]: String(port), HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' });
  let renewal: NodeJS.Timeout | undefined;
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitFor(SUBGRAPH, subgraph.child, subgraph.output, async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok);
    const sign = createAssertionSigner(loadConfig({ HUB_DATA_DIR: dataDir, NODE_ENV: 'development' }));
    const signed = new Map<string, string>();
    const renew = async () => {
      for (const body of Object.values(bodies)) signed.set(body, await sign(SUBGRAPH, { viewer: null, requestId: newRequestId() }, body));
    };
    await renew();
    renewal = setInterval(() => void renew(), 500);
    const pid = subgraph.child.pid!;
    console.log(`${SUBGRAPH} alone at ${url} (pid ${pid}); ${rounds} rounds of ${duration} s at ${connections} connections per request, after ${SUBGRAPH}'s warm-up\n`);
    for (const [name, body] of Object.entries(bodies)) {
      const headers = () => ({ [GATEWAY_ASSERTION_HEADER]: signed.get(body)! });
      const answer = await post(url, body, headers());
      if (answer.errors || !answer.data) throw new Error(`${name}: ${SUBGRAPH} answered with errors: ${JSON.stringify(answer).slice(0, 500)}`);
      console.log(`${name}: ${body.length} bytes of request, ${JSON.stringify(answer.data).length} bytes of data`);
      await round(url, body, headers, pid, connections, 3); // warm-up: JIT, the registry snapshot, the document cache
      const serial = await serialRound(url, body, headers, pid, 2000);
      console.log(`  one at a time     p50 ${fmt(serial.p50).padStart(5)} ms  p99 ${fmt(serial.p99).padStart(5)} ms  CPU/request ${fmt(serial.cpuPerRequest)} ms${serial.failures ? `  ${serial.failures} failed` : ''}`);
      const results: Round[] = [];
      const from = profileClock();
      for (let r = 1; r <= rounds; r++) {
        const result = await round(url, body, headers, pid, connections, duration);
        results.push(result);
        console.log(
          `  round ${r}  ${fmt(result.rps).padStart(6)} requests/s  p50 ${fmt(result.p50).padStart(5)} ms  p99 ${fmt(result.p99).padStart(5)} ms  CPU/request ${fmt(result.cpuPerRequest)} ms = ${fmt(1000 / result.cpuPerRequest)} requests per CPU-second${result.failures ? `  ${result.failures} failed` : ''}`,
        );
      }
      windows[name] = { from, to: profileClock() };
      const cpu = median(results.map((x) => x.cpuPerRequest));
      console.log(`  median   ${fmt(median(results.map((x) => x.rps))).padStart(6)} requests/s  p50 ${fmt(median(results.map((x) => x.p50))).padStart(5)} ms  p99 ${fmt(median(results.map((x) => x.p99))).padStart(5)} ms  CPU/request ${fmt(cpu)} ms = ${fmt(1000 / cpu)} requests per CPU-second\n`);
      const again = await post(url, body, headers());
      if (!isDeepStrictEqual(again.data, answer.data)) throw new Error(`${name}: the answer changed under load`);
    }
  } finally {
    clearInterval(renewal);
    await stopProcess(subgraph.child);
    rmSync(dataDir, { recursive: true, force: true });
    if (profileDir) {
      const file = profileIn(profileDir);
      console.log(`CPU profile of ${SUBGRAPH}: ${file}`);
      for (const [name, window] of Object.entries(windows)) console.log(`\n${name}, the concurrent rounds: ${summarizeProfile(file, window).join('\n')}`);
    }
  }
}
