/**
 * Gateway throughput benchmark: `npm run bench -- gateway [--duration 8] [--connections 20] [--rounds 3] [--only a,b,c]`.
 *
 * Starts the hub once as `npm start` does (each subgraph in its own process on the pilot data,
 * embedded SQLite in a temporary directory; our gateway in the parent), then Hive Gateway
 * (`@graphql-hive/gateway`, a dev dependency) in its own process on the same supergraph
 * (schema/supergraph.graphql, its routing URLs pointed at the same subgraph processes). It checks
 * that both answer identically, then runs autocannon rounds, the targets alternating within each
 * round (and their order alternating between rounds) so that a machine shared with other work
 * loads both alike:
 *   (a) the README's sample query (docs/sample-query.graphql) for Nam Thượng 2021, repeated: a dashboard load;
 *   (b) the same query over varied communes, dates and years, no two consecutive requests alike;
 *   (c) a one-subgraph query, `commune(code, on) { id name provinceName }`, through each gateway and
 *       straight to the governance subgraph.
 * Prints requests/s, p50 and p99 latency and the CPU time per answered request (the target's own
 * process, and the four subgraph processes) per round, then the median of the rounds per target
 * and the ratios: ours ÷ Hive on (a) and (b), our gateway ÷ direct on (c). On a machine shared with
 * other work requests/s move with its load; CPU per request much less.
 * Both gateways log at `warn` (no per-request line), anonymous requests.
 * `--profile <dir>` runs the hub's own process (our gateway) under `node --cpu-prof` and writes its profile there at the end.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { createAssertionSigner, GATEWAY_ASSERTION_HEADER, newRequestId } from '../../core/auth/gateway-assertion.js';
import { loadConfig } from '../../core/config.js';
import { cpuMs, fmt, freePort, median, post, startProcess, stopProcess, waitFor } from '../support/bench-processes.js';

const SAMPLE = readFileSync('docs/sample-query.graphql', 'utf8');
const SAMPLE_VARIABLES = { code: '05068', on: '2021-06-01' };
/** The sample with the KPI year as a variable too, for (b). */
const SAMPLE_BY_YEAR = SAMPLE.replace('query CommuneOverview($code: String!, $on: Date)', 'query CommuneOverview($code: String!, $on: Date, $year: Int!)').replaceAll('year: 2021', 'year: $year');
const LOOKUP = 'query CommuneLookup($code: String!, $on: Date) { commune(code: $code, on: $on) { id name provinceName } }';
const FREE_PORTS = { PORT: '0', GOVERNANCE_PORT: '0', SOCIETY_PORT: '0', DEVICES_PORT: '0', COMMERCE_PORT: '0', VOSO_SANDBOX_PORT: '0', POSTMART_SANDBOX_PORT: '0' };

interface Target {
  name: string;
  url: string;
  /** The processes whose CPU time serves this target's requests: its own, and the subgraphs'. */
  pids: { own: number[]; subgraphs: number[] };
  /** Headers a request needs (a subgraph called directly answers only a gateway-signed request). */
  headers?: (body: string) => Record<string, string>;
}
interface Scenario {
  key: 'a' | 'b' | 'c';
  title: string;
  /** The request bodies, sent in turn (one body: the same request repeated). */
  bodies: string[];
  targets: Target[];
  /** The ratio printed: numerator ÷ denominator target names. */
  ratio: [string, string];
}
interface RoundResult {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time per answered request, ms: of the target's own process, and of the subgraph processes. */
  cpuOwn: number;
  cpuSubgraphs: number;
  /** The same per subgraph process. */
  cpuBySubgraph: Record<string, number>;
}

let subgraphProcesses: ReadonlySet<number> = new Set();
let subgraphPidsByName: Record<string, number> = {};
/** The subgraph processes are the hub's children: our gateway's own CPU time leaves them out. */
const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid, subgraphProcesses), 0);

/**
 * (b)'s variables: Nam Thượng (05068) every day from 2020 to 2026 (Hợp Kim from 2025-07-01, which
 * inherits Nam Thượng's records) and Liên Sơn (04969) until it merged, each with the KPI year of its
 * date or the year before; shuffled with a fixed seed. Every entry differs from every other.
 */
function variedVariables(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let day = Date.UTC(2020, 0, 1); day <= Date.UTC(2026, 10, 30); day += 86_400_000) {
    const on = new Date(day).toISOString().slice(0, 10);
    const year = Number(on.slice(0, 4)) - (out.length % 2);
    out.push({ code: '05068', on, year });
    if (on < '2025-07-01') out.push({ code: '04969', on, year: Number(on.slice(0, 4)) - ((out.length + 1) % 2) });
  }
  let seed = 16;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function round(target: Target, bodies: string[], connections: number, duration: number): Promise<RoundResult> {
  let next = 0;
  const ownBefore = cpuOf(target.pids.own);
  const subgraphsBefore = cpuOf(target.pids.subgraphs);
  const bySubgraphBefore = Object.fromEntries(Object.entries(subgraphPidsByName).map(([name, pid]) => [name, cpuOf([pid])]));
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: target.url,
        method: 'POST',
        connections,
        duration,
        headers: { 'content-type': 'application/json' },
        body: bodies[0],
        // Consecutive requests (across all connections) take consecutive bodies.
        requests:
          bodies.length > 1 || target.headers
            ? [
                {
                  setupRequest: (request) => {
                    const body = bodies[next++ % bodies.length];
                    return { ...request, body, headers: { ...request.headers, ...target.headers?.(body) } };
                  },
                },
              ]
            : undefined,
      },
      (error, result) => {
        if (error) return reject(error);
        const answered = Math.max(1, result.requests.total);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          failures: result.non2xx + result.errors + result.timeouts,
          cpuOwn: (cpuOf(target.pids.own) - ownBefore) / answered,
          cpuSubgraphs: (cpuOf(target.pids.subgraphs) - subgraphsBefore) / answered,
          cpuBySubgraph: Object.fromEntries(Object.entries(subgraphPidsByName).map(([name, pid]) => [name, (cpuOf([pid]) - bySubgraphBefore[name]) / answered])),
        });
      },
    );
  });
}

/** Both gateways (and, for (c), governance itself) give the same data and no error for the same requests. */
async function checkIdentical(scenario: Scenario, samples: number): Promise<void> {
  const step = Math.max(1, Math.floor(scenario.bodies.length / samples));
  for (let i = 0; i < scenario.bodies.length; i += step) {
    const answers = await Promise.all(scenario.targets.map((t) => post(t.url, scenario.bodies[i], t.headers?.(scenario.bodies[i]))));
    for (const [j, answer] of answers.entries()) {
      if (answer.errors || answer.data === undefined) throw new Error(`(${scenario.key}) ${scenario.targets[j].name} answered with errors: ${JSON.stringify(answer).slice(0, 500)}\nfor ${scenario.bodies[i].slice(-120)}`);
      if (!isDeepStrictEqual(answer.data, answers[0].data))
        throw new Error(`(${scenario.key}) ${scenario.targets[j].name} and ${scenario.targets[0].name} differ:\n${JSON.stringify(answer.data)}\n${JSON.stringify(answers[0].data)}`);
    }
  }
}

export async function run(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const duration = option('--duration', 8);
  const connections = option('--connections', 20);
  const rounds = option('--rounds', 3);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['a', 'b', 'c'];
  const profileDir = args.includes('--profile') ? path.resolve(args[args.indexOf('--profile') + 1]) : undefined;

  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-gateway-'));
  // The response cache as production runs it (32 MiB) unless RESPONSE_CACHE_MB says otherwise (0: measure without it).
  const hub = startProcess('node', [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), 'dist/cli/hub.js', 'start'], { ...FREE_PORTS, HUB_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', RESPONSE_CACHE_MB: process.env.RESPONSE_CACHE_MB ?? '32' });
  let hive: ReturnType<typeof startProcess> | undefined;
  let renewal: NodeJS.Timeout | undefined;
  try {
    await waitFor('the hub', hub.child, hub.output, async () => /GraphQL endpoint: (\S+)/.test(hub.output()));
    const ours = /GraphQL endpoint: (\S+)/.exec(hub.output())![1];
    const banner = [...hub.output().matchAll(/^\s+(\w+): (http:\S+\/graphql) \(pid (\d+)\)/gm)];
    const subgraphUrls = Object.fromEntries(banner.map((m) => [m[1], m[2]]));
    const subgraphPids = Object.fromEntries(banner.map((m) => [m[1], Number(m[3])]));
    const allSubgraphs = Object.values(subgraphPids);
    subgraphProcesses = new Set(allSubgraphs);
    subgraphPidsByName = subgraphPids;
    // Hive Gateway on the same supergraph, pointed at the same subgraph processes.
    const supergraph = readFileSync('schema/supergraph.graphql', 'utf8').replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (whole, name: string) => {
      if (!subgraphUrls[name]) throw new Error(`no running subgraph ${name}`);
      return `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")`;
    });
    const supergraphPath = path.join(dataDir, 'supergraph-for-hive.graphql');
    writeFileSync(supergraphPath, supergraph);
    const hivePort = await freePort();
    const hiveBin = path.join(path.dirname(createRequire(import.meta.url).resolve('@graphql-hive/gateway/package.json')), 'dist', 'bin.js');
    // Subgraphs answer only requests the gateway signed: Hive signs each of its subgraph requests the
    // same way (a plugin in its configuration file, with the key the hub generated into its data directory).
    const here = path.dirname(fileURLToPath(import.meta.url));
    const hiveConfigPath = path.join(dataDir, 'gateway.config.mjs');
    writeFileSync(
      hiveConfigPath,
      `import { createAssertionSigner, newRequestId, GATEWAY_ASSERTION_HEADER } from ${JSON.stringify(path.resolve(here, '../../core/auth/gateway-assertion.js'))};
import { loadConfig } from ${JSON.stringify(path.resolve(here, '../../core/config.js'))};
const sign = createAssertionSigner(loadConfig({ HUB_DATA_DIR: ${JSON.stringify(dataDir)}, NODE_ENV: 'development' }));
const audiences = ${JSON.stringify(Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [url, name])))};
export const gatewayConfig = {
  plugins: () => [{
    async onFetch({ url, options, setOptions }) {
      const audience = audiences[url];
      if (!audience) return;
      const body = typeof options.body === 'string' ? options.body : '';
      setOptions({ ...options, headers: { ...options.headers, [GATEWAY_ASSERTION_HEADER]: await sign(audience, { viewer: null, requestId: newRequestId() }, body) } });
    },
  }],
};
`,
    );
    hive = startProcess('node', [hiveBin, 'supergraph', supergraphPath, '-c', hiveConfigPath, '--host', '127.0.0.1', '--port', String(hivePort), '--fork', '1', '--polling', '1h'], { NODE_ENV: 'production', LOG_LEVEL: 'warn' });
    const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
    await waitFor('Hive Gateway', hive.child, hive.output, async () => (await post(hiveUrl, '{"query":"{ __typename }"}')).data !== undefined);
    const { version: hiveVersion } = JSON.parse(readFileSync(path.join(path.dirname(hiveBin), '..', 'package.json'), 'utf8')) as { version: string };

    // Our gateway runs in the hub's process (with the idle marketplace sandboxes), as in `npm start`.
    const ourTarget: Target = { name: 'ours', url: ours, pids: { own: [hub.child.pid!], subgraphs: allSubgraphs } };
    const hiveTarget: Target = { name: `hive ${hiveVersion}`, url: hiveUrl, pids: { own: [hive.child.pid!], subgraphs: allSubgraphs } };
    // Governance answers only requests the gateway signed (for their body): the benchmark signs as the
    // gateway does, with the key the hub generated into its data directory, an assertion per body
    // renewed every half second (each lives GATEWAY_ASSERTION_TTL).
    const sign = createAssertionSigner(loadConfig({ HUB_DATA_DIR: dataDir, NODE_ENV: 'development' }));
    const signed = new Map<string, string>();
    const renew = async () => {
      for (const body of new Set([JSON.stringify({ query: LOOKUP, variables: SAMPLE_VARIABLES })])) signed.set(body, await sign('governance', { viewer: null, requestId: newRequestId() }, body));
    };
    await renew();
    renewal = setInterval(() => void renew(), 500);
    const direct: Target = {
      name: 'governance direct',
      url: subgraphUrls.governance!,
      pids: { own: [subgraphPids.governance!], subgraphs: [] },
      headers: (body) => ({ [GATEWAY_ASSERTION_HEADER]: signed.get(body) ?? '' }),
    };
    const scenarios: Scenario[] = [
      { key: 'a', title: "(a) README's sample query (4 subgraphs), Nam Thượng 2021, repeated", bodies: [JSON.stringify({ query: SAMPLE, variables: SAMPLE_VARIABLES })], targets: [ourTarget, hiveTarget], ratio: ['ours', hiveTarget.name] },
      {
        key: 'b',
        title: '(b) the same query over varied communes, dates and KPI years, no two consecutive alike',
        bodies: variedVariables().map((variables) => JSON.stringify({ query: SAMPLE_BY_YEAR, variables })),
        targets: [ourTarget, hiveTarget],
        ratio: ['ours', hiveTarget.name],
      },
      { key: 'c', title: '(c) one subgraph: commune(code, on) { id name provinceName }', bodies: [JSON.stringify({ query: LOOKUP, variables: SAMPLE_VARIABLES })], targets: [ourTarget, direct, hiveTarget], ratio: ['ours', direct.name] },
    ].filter((s) => only.includes(s.key)) as Scenario[];

    console.log(`hub started (subgraphs: ${Object.entries(subgraphUrls).map(([n, u]) => `${n} ${u}`).join(', ')}); our gateway ${ours}; Hive Gateway ${hiveVersion} ${hiveUrl}`);
    console.log(`${rounds} rounds of ${duration} s per target, ${connections} connections; targets alternate within a round and their order alternates between rounds\n`);
    for (const scenario of scenarios) {
      await checkIdentical(scenario, 20);
      console.log(`${scenario.title}: ${scenario.bodies.length} distinct request(s); every target gives the same data, no errors`);
      for (const target of scenario.targets) await round(target, scenario.bodies, connections, 2); // warm-up
      const results = new Map<string, RoundResult[]>(scenario.targets.map((t) => [t.name, []]));
      for (let r = 1; r <= rounds; r++) {
        const order = r % 2 ? scenario.targets : [...scenario.targets].reverse();
        for (const target of order) {
          const result = await round(target, scenario.bodies, connections, duration);
          results.get(target.name)!.push(result);
          console.log(`  round ${r}  ${target.name.padEnd(18)} ${fmt(result.rps).padStart(6)} requests/s  p50 ${fmt(result.p50).padStart(5)} ms  p99 ${fmt(result.p99).padStart(5)} ms  CPU/request ${fmt(result.cpuOwn).padStart(5)} ms + subgraphs ${fmt(result.cpuSubgraphs).padStart(5)} ms${result.failures ? `  ${result.failures} failed` : ''}`);
        }
      }
      await checkIdentical(scenario, 5);
      const summary = (name: string) => {
        const rs = results.get(name)!;
        return { rps: median(rs.map((x) => x.rps)), p50: median(rs.map((x) => x.p50)), p99: median(rs.map((x) => x.p99)), cpuOwn: median(rs.map((x) => x.cpuOwn)), cpuSubgraphs: median(rs.map((x) => x.cpuSubgraphs)) };
      };
      for (const target of scenario.targets) {
        const rs = results.get(target.name)!;
        const bySubgraph = Object.keys(subgraphPids).map((name) => `${name} ${fmt(median(rs.map((x) => x.cpuBySubgraph[name])))}`);
        console.log(`  CPU/request by subgraph, ${target.name}: ${bySubgraph.join(', ')} ms`);
      }
      for (const target of scenario.targets) {
        const s = summary(target.name);
        console.log(`  median     ${target.name.padEnd(18)} ${fmt(s.rps).padStart(6)} requests/s  p50 ${fmt(s.p50).padStart(5)} ms  p99 ${fmt(s.p99).padStart(5)} ms  CPU/request ${fmt(s.cpuOwn).padStart(5)} ms + subgraphs ${fmt(s.cpuSubgraphs).padStart(5)} ms`);
      }
      const [top, bottom] = scenario.ratio.map(summary);
      const perRound = results.get(scenario.ratio[0])!.map((x, i) => (x.rps / results.get(scenario.ratio[1])![i].rps).toFixed(2));
      const ratio = bottom.rps > 0 ? `${(top.rps / bottom.rps).toFixed(2)}x` : 'n/a (nothing answered)';
      console.log(`  ${scenario.ratio[0]} ÷ ${scenario.ratio[1]}: ${ratio} (${fmt(top.rps)} vs ${fmt(bottom.rps)} requests/s; per round ${perRound.join(', ')})\n`);
    }
  } finally {
    clearInterval(renewal);
    if (hive) await stopProcess(hive.child);
    await stopProcess(hub.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
