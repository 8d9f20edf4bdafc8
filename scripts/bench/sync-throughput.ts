/**
 * Sync throughput against a marketplace sandbox limited to R requests per second, under the issue's
 * fault mix (20% server errors, 429 bursts, 10% accept-then-drop-connection).
 *
 *   npm run bench -- sync-throughput [--rps 50] [--products 25×R] [--burst-rate 0.001] [--burst-ms 1000]
 *     [--error-rate 0.2] [--drop-rate 0.1] [--rps-burst <sandbox bucket, default R/10>] [--worker-rps <R>]
 *     [--concurrency 64] [--database-url postgres://...]
 *
 * The sandboxes run in a child process (as a real marketplace is elsewhere), so the worker's own
 * database work does not stall the sandbox's clock. It seeds the commerce catalogue in a temporary SQLite database (or PostgreSQL with --database-url),
 * queues `products` new products for voso in the outbox, runs one sync worker against the voso
 * sandbox (which answers 429 above R req/s), and reports, over the whole run and over its steady
 * middle (10%–90% of the listings published):
 *   - accepted rate: requests the sandbox did not refuse with 429, per second, and as a share of R
 *     (the target: at least 90% of R), also over the time the sandbox allowed requests (a 429 burst's
 *     Retry-After, at least a second, is time nobody may send: `shareOfRWhileAllowed` leaves it out);
 *   - useful rate: listings published per second;
 *   - the faults the sandbox injected, and duplicates left (must be 0).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConnectors } from '../../connectors/marketplace/index.js';
import type { ConnectorSettings } from '../../connectors/marketplace/index.js';
import type { FaultCounters, FaultSettings } from '../../connectors/marketplace/sandbox/faults.js';
import { loadConfig } from '../../core/config.js';
import { openDatabase, type DatabaseTarget } from '../../core/db/database.js';
import { createLogger } from '../../core/logger.js';
import { Marketplace } from '../../subgraphs/commerce/catalogue/marketplace.js';
import { Producer } from '../../subgraphs/commerce/catalogue/producer.entity.js';
import { createProduct } from '../../subgraphs/commerce/catalogue/product.command.js';
import type { CreateProductInput } from '../../subgraphs/commerce/catalogue/product.inputs.js';
import { commerce } from '../../subgraphs/commerce/index.js';
import { Listing } from '../../subgraphs/commerce/listings/listing.entity.js';
import { ListingStatus } from '../../subgraphs/commerce/listings/listing-status.js';
import { publishListings } from '../../subgraphs/commerce/listings/listing.command.js';
import { seedPilotCatalogue } from '../../subgraphs/commerce/seed/pilot-catalogue.js';
import { SyncJob, SyncJobStatus } from '../../subgraphs/commerce/sync/sync-job.entity.js';
import { SyncWorker } from '../../subgraphs/commerce/sync/sync-worker.js';
import { resolveSyncOptions } from '../../subgraphs/commerce/sync/worker-runtime.js';
import { withTemporaryPostgresDatabase } from '../support/temporary-database.js';
import { randomBytes } from 'node:crypto';

interface Sample {
  at: number;
  /** Time the worker had to wait on Retry-After so far. */
  pausedMs: number;
  requests: number;
  refused: number;
  published: number;
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rps: { type: 'string', default: '50' },
      products: { type: 'string' },
      'burst-rate': { type: 'string', default: '0.001' },
      'burst-ms': { type: 'string', default: '1000' },
      'error-rate': { type: 'string', default: '0.2' },
      'drop-rate': { type: 'string', default: '0.1' },
      'worker-rps': { type: 'string' },
      'rps-burst': { type: 'string', default: '0' },
      concurrency: { type: 'string', default: '64' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: '2021' },
    },
  });
  const rps = Number(values.rps);
  const products = Number(values.products ?? rps * 25);
  // The worker paces itself at the marketplace's published limit: its token bucket never exceeds it, and a
  // safety margin below R costs throughput without avoiding the (rare) 429 the sandbox's clock causes.
  const workerRps = Number(values['worker-rps'] ?? rps);
  const faults = {
    errorRate: Number(values['error-rate']),
    dropRate: Number(values['drop-rate']),
    burstRate: Number(values['burst-rate']),
    burstMs: Number(values['burst-ms']),
    requestsPerSecond: rps,
    rpsBurst: Number(values['rps-burst']),
    latencyMs: 5,
    latencyJitterMs: 10,
    seed: Number(values.seed),
  };
  const body = async (target: DatabaseTarget) => measure({ rps, products, workerRps, concurrency: Number(values.concurrency), faults, target });
  if (values['database-url']) {
    await withTemporaryPostgresDatabase(values['database-url'], `hub_bench_${randomBytes(4).toString('hex')}`, (url) => body({ kind: 'postgresql', url, schema: 'commerce' }));
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-'));
    try {
      await body({ kind: 'sqlite', file: path.join(dir, 'commerce.sqlite') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function measure(p: {
  rps: number;
  products: number;
  workerRps: number;
  concurrency: number;
  faults: { errorRate: number; dropRate: number; burstRate: number; burstMs: number; requestsPerSecond: number; rpsBurst: number; latencyMs: number; latencyJitterMs: number; seed: number };
  target: DatabaseTarget;
}): Promise<void> {
  const orm = await openDatabase(commerce.database, p.target);
  const sandboxes = await startSandboxProcess(p.faults);
  const logger = createLogger('bench', 'silent');
  try {
    await seedPilotCatalogue(orm.em.fork());
    for (let start = 0; start < p.products; start += 100) {
      await orm.em.fork().transactional(async (em) => {
        const producer = await em.findOneOrFail(Producer, { id: 'pilot-voso-01' });
        for (let i = start; i < Math.min(p.products, start + 100); i++) {
          const input = { producerId: producer.id, name: `Bench ${i}`, category: 'vegetables', unit: 'kg', netWeightGrams: 1000, priceVnd: 10_000 + i, stock: 50 } as CreateProductInput;
          await publishListings(em, await createProduct(em, producer, input), [Marketplace.VOSO]);
        }
      });
    }
    const base = (await sandboxes.state()).faultCounters;
    let counters: FaultCounters = base;
    const readCounters = async () => {
      const now = (await sandboxes.state()).faultCounters;
      counters = Object.fromEntries(Object.entries(now).map(([k, v]) => [k, (v as number) - base[k as keyof FaultCounters]])) as unknown as FaultCounters;
      return counters;
    };
    const options = resolveSyncOptions(loadConfig({ LOG_LEVEL: 'silent' }), {
      options: {
        concurrency: p.concurrency,
        pollMs: 50,
        leaseMs: 30_000,
        retries: 12,
        minBackoffMs: 100,
        maxBackoffMs: 2000,
        maxRetryTimeMs: 600_000,
        reviewPollMs: 500,
        orderPollMs: 0,
        ratePerSecond: { default: p.workerRps },
      },
    });
    const samples: Sample[] = [];
    const sample = async () => {
      const c = await readCounters();
      samples.push({
        at: Date.now(),
        pausedMs: engineLimiter().pausedMs,
        requests: c.requests,
        refused: c.throttled + c.burstRejections,
        published: await orm.em.fork().count(Listing, { status: ListingStatus.PUBLISHED }),
      });
    };
    const worker = new SyncWorker(orm, { connectors: { VOSO: createConnectors(sandboxes.settings).VOSO } }, options, logger);
    const engineLimiter = () => worker.limiter(Marketplace.VOSO);
    await sample();
    worker.start();
    const open = () => orm.em.fork().count(SyncJob, { status: { $in: [SyncJobStatus.PENDING, SyncJobStatus.RUNNING] } });
    while (samples[samples.length - 1].published < p.products && (await open()) > 0) {
      await new Promise((r) => setTimeout(r, 500));
      await sample();
      if (Date.now() - samples[0].at > 20 * 60_000) throw new Error('benchmark did not finish in 20 minutes');
    }
    await worker.stop();
    const first = samples[0];
    const last = samples[samples.length - 1];
    const window = (from: Sample, to: Sample) => {
      const seconds = (to.at - from.at) / 1000;
      const accepted = to.requests - to.refused - (from.requests - from.refused);
      const available = seconds - (to.pausedMs - from.pausedMs) / 1000;
      return {
        seconds: round(seconds),
        retryAfterWaitSeconds: round(seconds - available),
        requests: to.requests - from.requests,
        refused429: to.refused - from.refused,
        acceptedPerSecond: round(accepted / seconds),
        shareOfR: round(accepted / seconds / p.rps, 3),
        shareOfRWhileAllowed: round(accepted / available / p.rps, 3),
        publishedPerSecond: round((to.published - from.published) / seconds),
      };
    };
    const at = (share: number) => samples.find((s) => s.published >= p.products * share) ?? last;
    const report = {
      benchmark: 'sync-throughput',
      database: p.target.kind,
      R: p.rps,
      workerRateLimit: p.workerRps,
      concurrency: p.concurrency,
      products: p.products,
      sandboxBucket: p.faults.rpsBurst || `default (${Math.max(1, Math.ceil(p.rps / 10))}, 100 ms of R)`,
      faultMix: { errorRate: p.faults.errorRate, dropRate: p.faults.dropRate, burstRate: p.faults.burstRate, burstMs: p.faults.burstMs, latencyMs: `${p.faults.latencyMs}+0..${p.faults.latencyJitterMs}` },
      whole: window(first, last),
      steady: window(at(0.1), at(0.9)),
      injected: { ...counters },
      worker: worker.stats,
      failedListings: await orm.em.fork().count(Listing, { status: ListingStatus.FAILED }),
      duplicates: (await sandboxes.state()).duplicateSkus.length,
      listingsAtSandbox: (await sandboxes.state()).products,
      target: 'steady.shareOfR >= 0.9',
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await sandboxes.close();
    await orm.close(true);
  }
}

interface SandboxProcess {
  settings: ConnectorSettings;
  state(): Promise<{ faultCounters: FaultCounters; duplicateSkus: string[]; products: number }>;
  close(): Promise<void>;
}

/** Both sandboxes in a child node process on free ports; its first stdout line is their connector settings. */
async function startSandboxProcess(faults: Partial<FaultSettings>): Promise<SandboxProcess> {
  const module = fileURLToPath(new URL('../../connectors/marketplace/sandboxes.js', import.meta.url));
  const code = `
    const { startMarketplaceSandboxes } = await import(${JSON.stringify(module)});
    const s = await startMarketplaceSandboxes({ faults: ${JSON.stringify(faults)}, timeoutMs: 5000 });
    console.log(JSON.stringify({ settings: s.settings }));
    process.on('SIGTERM', () => s.close().then(() => process.exit(0)));`;
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox process exited with ${code}`)));
  });
  const { settings } = JSON.parse(first) as { settings: ConnectorSettings };
  return {
    settings,
    async state() {
      const response = await fetch(`${settings.VOSO.baseUrl}/_sandbox/state`);
      return (await response.json()) as { faultCounters: FaultCounters; duplicateSkus: string[]; products: number };
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
