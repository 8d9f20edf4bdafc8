/**
 * Reconciliation benchmark:
 * `npm run bench -- reconcile [--rows 1000000] [--repeat N] [--postgres <url>] [--keep]`.
 *
 * Generates a Viettel Money statement of about --rows rows and a matching ledger (streamed from
 * the same deterministic plan, never held as objects) with a known mix of planted discrepancies
 * and of cases that must NOT be reported (split and combined payments, payments without a
 * reference, reversals, partial refunds, failed rows). Then, each in its own process so that peak
 * memory is its own:
 *   parse      csv-parse alone over the file, same options as the reader: the baseline;
 *   reconcile  read + validate into the payment table, load the ledger, match, and check that
 *              every planted discrepancy was found and nothing else (in memory, no database);
 *   fill       the ledger inserted into the expected_payment table and analyzed, by a process of
 *              its own;
 *   command    `hub reconcile` itself, as an accountant runs it (node dist/cli/hub.js reconcile,
 *              configured by the environment): start-up, the ledger read from the table,
 *              read+validate (hashing the same chunks), match, the run and its items stored in one
 *              transaction, the summary printed; on a SQLite file and, with --postgres <url>, in a
 *              temporary PostgreSQL database. Its peak RSS and CPU time are its own
 *              (support/report-usage.ts); its phases are read from its progress lines.
 * --repeat N alternates parse and command N times (the machine is shared: a pair measured together
 * sees the same load) and prints each pair's ratio and the median.
 * Prints rows/s, wall time and peak RSS (process.resourceUsage().maxRSS) of each phase.
 * Targets: the whole command within 1.5× parse; peak memory under 300 MB.
 */
import 'reflect-metadata';
import { fork, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { readerFor } from '../../connectors/statements/registry.js';
import type { ExpectedPaymentRecord, Ledger } from '../../subgraphs/commerce/reconciliation/ledger.js';
import { matchPayments } from '../../subgraphs/commerce/reconciliation/matcher.rules.js';
import { ReconciliationOutcome } from '../../subgraphs/commerce/reconciliation/outcomes.js';
import { parsePeriod } from '../../subgraphs/commerce/reconciliation/period.js';
import { resultItems, summarize } from '../../subgraphs/commerce/reconciliation/result-items.js';
import { loadStatement } from '../../subgraphs/commerce/reconciliation/statement-load.js';
import { LedgerTable } from '../../subgraphs/commerce/reconciliation/tables.js';
import { withTemporaryPostgresDatabase } from '../support/temporary-database.js';

const PROVIDER = 'viettel-money';
const PERIOD = '2026-11-01';
const TOLERANCE_MS = 120 * 60_000;
const DAY_START = Date.parse(`${PERIOD}T00:00:00+07:00`);
/** Statement rows per 1000 orders in the plan below. */
const ROWS_PER_1000 = 1003;

/**
 * The plan, by order index i and j = i mod 1000. Planted discrepancies (5 per 1000):
 *   j=0 AMOUNT_MISMATCH (paid 1.000 đồng short)   j=1 MISSING_IN_STATEMENT (never paid)
 *   j=2 MISSING_IN_LEDGER (unknown reference)     j=3 DUPLICATE (the row repeated)
 *   j=4 DUPLICATE (paid twice, two transactions)
 * Must match (not be reported): j=5 split in two payments; j=6+7 one payment for two orders of a
 * checkout; j=8 no reference (amount and time); j=9 paid then reversed in full, order cancelled
 * (no expectation); j=10 partly refunded, ledger expects the net; j=11 a failed row, not expected;
 * every other j a plain payment with its reference.
 */
function amountOf(i: number): number {
  return (10 + ((i * 7919) % 4990)) * 1000;
}
function timeOf(i: number, orders: number): number {
  return DAY_START + 60_000 + Math.floor((i * (86_400_000 - 120_000)) / orders);
}

export function plannedDiscrepancies(orders: number): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < orders; i++) {
    const j = i % 1000;
    if (j === 0) keys.add(`AMOUNT_MISMATCH:T${i}`);
    if (j === 1) keys.add(`MISSING_IN_STATEMENT:O${i}`);
    if (j === 2) keys.add(`MISSING_IN_LEDGER:T${i}`);
    if (j === 3) keys.add(`DUPLICATE:T${i}`);
    if (j === 4) keys.add(`DUPLICATE:T${i}b`);
  }
  return keys;
}

function* ledgerRecords(orders: number): Generator<ExpectedPaymentRecord> {
  for (let i = 0; i < orders; i++) {
    const j = i % 1000;
    if (j === 2 || j === 9 || j === 11) continue;
    let amount = amountOf(i);
    if (j === 1) amount += 500;
    if (j === 10) amount -= 5000;
    const reference = j === 6 || j === 7 ? `CK-${i - (j - 6)}` : `DH-${i}`;
    yield { id: `O${i}`, reference, amountVnd: amount, expectedAt: new Date(timeOf(i, orders) - 60_000), payer: null, producerId: `p${i % 50}` };
  }
}

function generatedLedger(orders: number): Ledger {
  return {
    name: 'generated',
    async *expectedPayments() {
      yield* ledgerRecords(orders);
    },
  };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
function vietnamTime(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

async function writeStatement(file: string, orders: number): Promise<number> {
  const out = createWriteStream(file);
  let rows = 0;
  let buffer = '\ufeffSTT,Mã giao dịch,Mã đơn hàng,Thời gian giao dịch,Số tiền,Phí giao dịch,Loại tiền,Trạng thái,Loại giao dịch,Mã giao dịch gốc,Số điện thoại\n';
  const row = (txn: string, ref: string, ms: number, amount: number, status = 'Thành công', type = 'Thanh toán', original = '') => {
    rows++;
    buffer += `${rows},${txn},${ref},${vietnamTime(ms)},${grouped(amount)},${grouped(Math.round(amount * 0.011))},VND,${status},${type},${original},09${String(rows % 100_000_000).padStart(8, '0')}\n`;
  };
  for (let i = 0; i < orders; i++) {
    const j = i % 1000;
    const t = timeOf(i, orders);
    const amount = amountOf(i);
    const ref = `DH-${i}`;
    if (j === 0) row(`T${i}`, ref, t, amount - 1000);
    else if (j === 1) continue;
    else if (j === 2) row(`T${i}`, `ZZ-${i}`, t, amount + 7);
    else if (j === 3) {
      row(`T${i}`, ref, t, amount);
      row(`T${i}`, ref, t, amount);
    } else if (j === 4) {
      row(`T${i}`, ref, t, amount);
      row(`T${i}b`, ref, t + 30_000, amount);
    } else if (j === 5) {
      row(`T${i}`, ref, t, amount - 4000);
      row(`T${i}b`, ref, t + 20_000, 4000);
    } else if (j === 6) row(`T${i}`, `CK-${i}`, t, amount + amountOf(i + 1));
    else if (j === 7) continue;
    else if (j === 8) row(`T${i}`, '', t, amount);
    else if (j === 9) {
      row(`T${i}`, ref, t, amount);
      row(`T${i}r`, ref, t + 50_000, amount, 'Thành công', 'Hoàn tiền', `T${i}`);
    } else if (j === 10) {
      row(`T${i}`, ref, t, amount);
      row(`T${i}r`, ref, t + 50_000, 5000, 'Thành công', 'Hoàn tiền', `T${i}`);
    } else if (j === 11) row(`T${i}`, ref, t, amount, 'Thất bại');
    else row(`T${i}`, ref, t, amount);
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  return rows;
}

interface PhaseReport {
  phase: string;
  seconds: number;
  rows: number;
  maxRssMb: number;
  /** CPU seconds (user + system) of the phase's process: less swayed than wall time by a busy machine. */
  cpuSeconds?: number;
  detail: Record<string, unknown>;
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

async function parsePhase(file: string): Promise<PhaseReport> {
  const reader = readerFor(PROVIDER);
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let rows = 0;
  const parser = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(
    parse({ delimiter: reader.delimiter, quote: reader.quote === false ? null : reader.quote, bom: true, relax_column_count: true, skip_empty_lines: false }),
  );
  for await (const _ of parser) rows++;
  return { phase: 'parse (csv-parse only)', seconds: seconds(start), cpuSeconds: cpuSince(cpu), rows: rows - 1, maxRssMb: maxRssMb(), detail: {} };
}

async function reconcilePhase(file: string, orders: number): Promise<PhaseReport> {
  const period = parsePeriod(PERIOD);
  const start = process.hrtime.bigint();
  const ledger = new LedgerTable();
  for await (const r of generatedLedger(orders).expectedPayments(PROVIDER, period.start, period.end)) ledger.push(r);
  const ledgerSeconds = seconds(start);
  const readStart = process.hrtime.bigint();
  const loaded = await loadStatement(readerFor(PROVIDER), createReadStream(file, { highWaterMark: 256 * 1024 }), { period, source: path.basename(file), ledger });
  const readSeconds = seconds(readStart);
  const matchStart = process.hrtime.bigint();
  const result = matchPayments(loaded.table, ledger, { toleranceMs: TOLERANCE_MS, periodStart: period.start.getTime(), periodEnd: period.end.getTime() });
  const matchSeconds = seconds(matchStart);
  const total = seconds(start);
  const rssAfterMatch = maxRssMb();

  const totals = summarize(loaded.table, ledger, result);
  const found = new Set<string>();
  for (const item of resultItems(loaded.table, ledger, result)) {
    if (item.outcome === ReconciliationOutcome.MATCHED) continue;
    found.add(`${item.outcome}:${item.transactionIds.join('+') || item.expectedPaymentIds.join('+')}`);
  }
  const planted = plannedDiscrepancies(orders);
  const missed = [...planted].filter((k) => !found.has(k));
  const unexpected = [...found].filter((k) => !planted.has(k));
  return {
    phase: 'reconcile (ledger, read+validate, match)',
    seconds: total,
    rows: loaded.rows,
    maxRssMb: rssAfterMatch,
    detail: {
      readSeconds,
      ledgerSeconds,
      matchSeconds,
      ledgerRows: ledger.length,
      counts: totals.counts,
      planted: planted.size,
      found: found.size,
      missed: missed.slice(0, 10),
      missedCount: missed.length,
      unexpected: unexpected.slice(0, 10),
      unexpectedCount: unexpected.length,
      maxRssAfterCheckMb: maxRssMb(),
    },
  };
}

/** `sqlite:<file>` or a PostgreSQL URL, as the parent passes it to the fill phase. */
async function openTarget(target: string) {
  const { openDatabase } = await import('../../core/db/database.js');
  const { commerce } = await import('../../subgraphs/commerce/index.js');
  const databaseTarget = target.startsWith('sqlite:') ? ({ kind: 'sqlite', file: target.slice('sqlite:'.length) } as const) : ({ kind: 'postgresql', url: target, schema: 'commerce' } as const);
  return openDatabase(commerce.database, databaseTarget);
}
const targetName = (target: string) => (target.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL');

/**
 * The ledger in the table hub reconcile reads, written in a process of its own before the import's:
 * the import's peak memory is then its own, not the fill's.
 */
async function fillPhase(orders: number, target: string): Promise<PhaseReport> {
  const { ExpectedPayment } = await import('../../subgraphs/commerce/reconciliation/expected-payment.entity.js');
  const start = process.hrtime.bigint();
  const orm = await openTarget(target);
  try {
    let batch: (ExpectedPaymentRecord & { provider: string })[] = [];
    const em = orm.em.fork();
    let rows = 0;
    for (const r of ledgerRecords(orders)) {
      batch.push({ ...r, provider: PROVIDER });
      rows++;
      if (batch.length === 2000) {
        await em.insertMany(ExpectedPayment, batch);
        batch = [];
      }
    }
    if (batch.length) await em.insertMany(ExpectedPayment, batch);
    // As a live database is after autovacuum: statistics taken and, on PostgreSQL, the new rows'
    // visibility recorded. Without it the first read of each fresh row writes it again (hint
    // bits) and the planner guesses: that timed the fill, not the import.
    await em.getConnection().execute(target.startsWith('sqlite:') ? 'analyze' : 'vacuum analyze commerce.expected_payment');
    return { phase: `fill the ledger table (${targetName(target)})`, seconds: seconds(start), rows, maxRssMb: maxRssMb(), detail: {} };
  } finally {
    await orm.close(true);
  }
}

/** How a database target is handed to `hub`: the environment an operator would set. */
function commandEnvironment(target: string, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir, HUB_SEED: 'none', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (!target.startsWith('sqlite:')) env.DATABASE_URL = target;
  return env;
}

/** `reconcile: ledger (… ) done in 4.0 s` → { ledger: 4.0 }: the command's own account of its phases. */
function phaseSeconds(progress: string): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const m of progress.matchAll(/^reconcile: (\w+) .*done in ([\d.]+) s$/gm)) phases[m[1]] = Number(m[2]);
  return phases;
}

/**
 * `hub reconcile` as an accountant runs it: node dist/cli/hub.js, no heap flag, configured by the
 * environment, on the database the fill phase wrote (a SQLite file in `dataDir`, or the PostgreSQL
 * URL). Wall time from here; peak RSS and CPU are the command's own, written at its exit.
 */
async function commandPhase(file: string, target: string, dataDir: string): Promise<PhaseReport> {
  const usageFile = path.join(dataDir, 'usage.json');
  const hub = fileURLToPath(new URL('../../cli/hub.js', import.meta.url));
  const reportUsage = new URL('../support/report-usage.js', import.meta.url).href;
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const args = [...profile, '--import', reportUsage, hub, 'reconcile', '--provider', PROVIDER, '--file', file, '--period', PERIOD, '--as', 'bench'];
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { env: { ...commandEnvironment(target, dataDir), BENCH_USAGE_FILE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [code] = (await once(child, 'exit')) as [number | null];
  const took = seconds(start);
  if (code !== 0) throw new Error(`hub reconcile exited with code ${code}:\n${stderr.slice(-2000)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userUs: number; systemUs: number };
  const rows = /statement rows\s+\|\s+([\d.]+)/.exec(stdout);
  return {
    phase: `hub reconcile (${targetName(target)})`,
    seconds: took,
    cpuSeconds: (usage.userUs + usage.systemUs) / 1e6,
    rows: rows ? Number(rows[1].replaceAll('.', '')) : 0,
    maxRssMb: Math.round(usage.maxRssKb / 1024),
    detail: { phases: phaseSeconds(stderr) },
  };
}

function runChild(phase: string, file: string, orders: number, dir: string, extra: string[] = []): Promise<PhaseReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--phase', phase, file, String(orders), dir, ...extra], { execArgv: ['--max-old-space-size=512', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])] });
    let report: PhaseReport | undefined;
    child.on('message', (m) => (report = m as PhaseReport));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && report ? resolve(report) : reject(new Error(`${phase} phase exited with code ${code}`))));
  });
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export async function run(args: string[]): Promise<void> {
  const rowsWanted = Number(option(args, '--rows') ?? 1_000_000);
  if (!Number.isInteger(rowsWanted) || rowsWanted < 1000) throw new Error('--rows must be a whole number of at least 1000');
  const orders = Math.round((rowsWanted * 1000) / ROWS_PER_1000);
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-bench-reconcile-'));
  const file = path.join(dir, 'viettel-money-2026-11-01.csv');
  try {
    let start = process.hrtime.bigint();
    const rows = await writeStatement(file, orders);
    console.log(`Generated ${rows.toLocaleString('en')} statement rows (${(statSync(file).size / 1e6).toFixed(1)} MB) for ${orders.toLocaleString('en')} orders in ${seconds(start).toFixed(1)} s: ${file}`);
    start = process.hrtime.bigint();
    const repeat = Number(option(args, '--repeat') ?? 1);
    if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) throw new Error('--repeat must be a whole number from 1 to 20');
    const postgres = option(args, '--postgres');
    const reports = [await runChild('parse', file, orders, dir), await runChild('reconcile', file, orders, dir)];
    const [parsed, reconciled] = reports;
    const ratios: Record<string, number[]> = {};
    const rss: Record<string, number[]> = {};
    for (let k = 0; k < repeat; k++) {
      for (const target of ['sqlite', ...(postgres ? [postgres] : [])]) {
        // Alternate: each command right after its own parse, so both see the same load.
        const base = k === 0 && target === 'sqlite' ? parsed : await runChild('parse', file, orders, dir);
        const dataDir = path.join(dir, `data-${k}-${target === 'sqlite' ? 'sqlite' : 'postgresql'}`);
        mkdirSync(dataDir);
        const importInto = async (where: string) => {
          await runChild('fill', file, orders, dir, [where]);
          return commandPhase(file, where, dataDir);
        };
        const stored = target === 'sqlite'
          ? await importInto(`sqlite:${path.join(dataDir, 'commerce.sqlite')}`)
          : await withTemporaryPostgresDatabase(target, `bench_reconcile_${process.pid}_${k}`, importInto);
        reports.push(stored);
        const name = target === 'sqlite' ? 'SQLite' : 'PostgreSQL';
        (ratios[name] ??= []).push(stored.seconds / base.seconds);
        (rss[name] ??= []).push(stored.maxRssMb);
        const cpuRatio = (stored.cpuSeconds ?? 0) / (base.cpuSeconds ?? 1);
        console.log(
          `pair ${k + 1} ${name}: parse ${base.seconds.toFixed(2)} s, hub reconcile ${stored.seconds.toFixed(2)} s → ${(stored.seconds / base.seconds).toFixed(2)}×; CPU of each process ${base.cpuSeconds?.toFixed(2)} s vs ${stored.cpuSeconds?.toFixed(2)} s → ${cpuRatio.toFixed(2)}×; peak RSS ${stored.maxRssMb} MB; its phases ${JSON.stringify(stored.detail.phases)} s`,
        );
      }
    }
    console.log('');
    console.log('phase                                      |  seconds |     rows/s | peak RSS MB');
    console.log('-------------------------------------------+----------+------------+------------');
    for (const r of reports) {
      console.log(`${r.phase.padEnd(42)} | ${r.seconds.toFixed(2).padStart(8)} | ${Math.round(r.rows / r.seconds).toLocaleString('en').padStart(10)} | ${String(r.maxRssMb).padStart(11)}`);
    }
    const d = reconciled.detail as Record<string, unknown>;
    console.log('');
    console.log(`reconcile breakdown: ledger load ${(d.ledgerSeconds as number).toFixed(2)} s (${(d.ledgerRows as number).toLocaleString('en')} expected payments, generated in process), read+validate ${(d.readSeconds as number).toFixed(2)} s, match ${(d.matchSeconds as number).toFixed(2)} s`);
    console.log(`outcomes: ${JSON.stringify(d.counts)}`);
    const ok = d.missedCount === 0 && d.unexpectedCount === 0;
    console.log(
      `planted discrepancies: ${d.planted} planted, ${d.found} reported; missed ${d.missedCount}${d.missedCount ? ` ${JSON.stringify(d.missed)}` : ''}, unexpected ${d.unexpectedCount}${d.unexpectedCount ? ` ${JSON.stringify(d.unexpected)}` : ''} → ${ok ? 'OK: every planted one found, nothing else' : 'FAILED'}`,
    );
    console.log(`in-memory reconcile / parse time: ${(reconciled.seconds / parsed.seconds).toFixed(2)}×, peak RSS ${reconciled.maxRssMb} MB`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const name of Object.keys(ratios)) {
      const ratio = median(ratios[name]);
      const peak = Math.max(...rss[name]);
      console.log(
        `hub reconcile on ${name}: median ${ratio.toFixed(2)}× parse over ${ratios[name].length} alternating pair(s) [${ratios[name].map((r) => r.toFixed(2)).join(', ')}] (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'MISSED'}; peak RSS ${peak} MB (target < 300 MB) ${peak < 300 ? 'OK' : 'MISSED'}`,
      );
    }
    console.log(`total ${seconds(start).toFixed(1)} s`);
    if (!ok) process.exitCode = 1;
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

// A child process of the benchmark: run one phase and report to the parent.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--phase') {
  const [phase, file, ordersText] = process.argv.slice(3);
  const orders = Number(ordersText);
  const [target] = process.argv.slice(7);
  const work = phase === 'parse' ? parsePhase(file) : phase === 'reconcile' ? reconcilePhase(file, orders) : fillPhase(orders, target);
  work
    .then((report) => process.send!(report, () => process.exit(0)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
