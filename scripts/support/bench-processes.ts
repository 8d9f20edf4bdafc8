import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** What the benchmarks share: processes they start and stop, free ports, CPU time read from /proc. */

/** CPU time (user + system) a process and its descendants but `exclude` have used so far, ms (clock ticks of 10 ms). */
export function cpuMs(pid: number, exclude: ReadonlySet<number> = new Set()): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return (Number(fields[11]) + Number(fields[12])) * 10 + children.filter((child) => !exclude.has(child)).reduce((sum, child) => sum + cpuMs(child, exclude), 0);
  } catch {
    return 0;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function post(url: string, body: string, headers: Record<string, string> = {}, attempt = 1): Promise<{ data?: unknown; errors?: unknown[] }> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return (await response.json()) as { data?: unknown; errors?: unknown[] };
  } catch (error) {
    // A keep-alive socket the server closed as it was reused (seen with Hive Gateway on a loaded machine): once more, on a new one.
    if (attempt >= 3) throw error;
    return post(url, body, headers, attempt + 1);
  }
}

export async function waitFor(what: string, child: ChildProcess, output: () => string, ready: () => Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function startProcess(command: string, args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await exited;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 0);
