import { fork, type ChildProcess } from 'node:child_process';
import { tracingRequested } from '../core/tracing/tracing-switch.js';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../core/logger.js';
import type { SubgraphProcessMessage, SupervisorMessage } from './subgraph-process.js';

export interface SubgraphSupervisorOptions {
  name: string;
  /** The port to listen on; 0 lets the first start pick one, which restarts then keep. */
  port: number;
  /** Heap limit of the subgraph's process (--max-old-space-size). */
  heapMb: number;
  /** The longest wait before a restart; waits double from FIRST_RESTART_DELAY_MS up to this. */
  maxRestartDelayMs: number;
  logger: Logger;
  /** Settings the child's own start-up reads from its environment, over the hub's (e.g. where the sandboxes listen). */
  env?: Readonly<Record<string, string>>;
}

const ENTRY = fileURLToPath(new URL('./subgraph-process.js', import.meta.url));
/** Loaded before the child's own modules when tracing is on (core/tracing/register.ts). */
const TRACING_REGISTER = new URL('../core/tracing/register.js', import.meta.url).href;
const FIRST_RESTART_DELAY_MS = 500;
/** A process that stayed up this long was healthy: the next crash restarts it quickly again. */
const HEALTHY_AFTER_MS = 60_000;
/** How long a stopping subgraph may take to close before it is killed. */
const STOP_GRACE_MS = 10_000;

/**
 * Runs one subgraph in its own process with its own heap limit, so that a subgraph that runs out of
 * memory or crashes takes only itself down: the gateway answers its fields with
 * SUBGRAPH_UNAVAILABLE meanwhile. A process that dies is started again on the same port after a
 * wait that doubles with each crash in a row (0.5 s, 1 s, 2 s ... up to maxRestartDelayMs).
 */
export class SubgraphSupervisor {
  private child: ChildProcess | undefined;
  private port: number;
  private url: string | undefined;
  private stopping = false;
  private crashes = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private healthyTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SubgraphSupervisorOptions) {
    this.port = options.port;
  }

  get name(): string {
    return this.options.name;
  }

  /** The running process's id, if one is running. */
  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** Starts the subgraph (migrations, pilot seed) and resolves with its URL once it answers. */
  async start(): Promise<string> {
    const ready = await this.spawn(true);
    return ready.url;
  }

  private spawn(seed: boolean): Promise<SubgraphProcessMessage> {
    const { name, heapMb, logger } = this.options;
    const env = { ...process.env, ...this.options.env };
    // The parent's own heap flag must not reach the child: the child gets its own limit. With
    // tracing on, the SDK is loaded before the child's modules (core/tracing/register.ts).
    const execArgv = [
      ...process.execArgv.filter((arg) => !arg.startsWith('--max-old-space-size')),
      `--max-old-space-size=${heapMb}`,
      ...(tracingRequested(env) && !process.execArgv.some((arg) => arg.includes('tracing/register')) ? ['--import', TRACING_REGISTER] : []),
    ];
    const child = fork(ENTRY, [name, String(this.port), ...(seed ? ['seed'] : [])], { execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child = child;
    return new Promise((resolve, reject) => {
      let isReady = false;
      child.on('message', (message: SubgraphProcessMessage) => {
        if (message?.type !== 'ready' || isReady) return;
        isReady = true;
        this.port = message.port;
        this.url = message.url;
        logger.info({ subgraph: name, pid: child.pid, url: message.url }, 'subgraph process ready');
        this.healthyTimer = setTimeout(() => (this.crashes = 0), HEALTHY_AFTER_MS);
        this.healthyTimer.unref();
        resolve(message);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(this.healthyTimer);
        if (!isReady) reject(new Error(`the ${name} subgraph stopped before it was ready (${signal ?? `exit code ${code}`})`));
        // Only a process that ran once is restarted: one that cannot start fails `hub start` instead.
        if (this.url && !this.stopping) this.restartLater(code, signal);
      });
    });
  }

  private restartLater(code: number | null, signal: NodeJS.Signals | null): void {
    const delay = Math.min(FIRST_RESTART_DELAY_MS * 2 ** this.crashes, this.options.maxRestartDelayMs);
    this.crashes++;
    this.options.logger.warn({ subgraph: this.name, exit: signal ?? code, restartInMs: delay }, 'subgraph process died: its fields are SUBGRAPH_UNAVAILABLE until it is back');
    this.restartTimer = setTimeout(() => {
      // Ctrl-C reaches every process of the group: a child that exited on it is not restarted.
      if (this.stopping) return;
      // A restart that dies before it is ready is retried by the exit handler, after a longer wait.
      this.spawn(false).catch((error: Error) => this.options.logger.error({ subgraph: this.name, err: error.message }, 'subgraph process failed to restart'));
    }, delay);
  }

  /** From now on a process that exits is not restarted: the hub is shutting down. */
  stopRestarting(): void {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    clearTimeout(this.healthyTimer);
  }

  /**
   * Stops the process and any restart pending: asks it over IPC (it may already be stopping on the
   * Ctrl-C its whole group received, and a signal would count as a second, impatient one), then
   * SIGTERM if the channel is gone, and SIGKILL after a grace period.
   */
  async stop(): Promise<void> {
    this.stopRestarting();
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const stopMessage: SupervisorMessage = { type: 'stop' };
    if (child.connected) child.send(stopMessage, (error) => error && child.kill('SIGTERM'));
    else child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(killer);
  }
}
