import { spawn, type ChildProcess } from 'node:child_process';

export interface StartedProcess {
  child: ChildProcess;
  output(): string;
  /**
   * Resolves with the first match of `pattern` in stdout+stderr as soon as the output holding it arrives; rejects when
   * the process has closed its output without it, or after `timeoutMs`.
   */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /**
   * Sends SIGTERM as a service manager would, to the process or (`group`) to its whole process group,
   * as Ctrl-C does: npm does not pass it on to the hub. Resolves with the exit code; the group is
   * killed if it has not exited within `timeoutMs`.
   */
  stop(options?: { group?: boolean; timeoutMs?: number }): Promise<number | null>;
}

/** Runs a command as a user would from a shell, in its own process group so it can be stopped whole. */
export function startProcess(command: string, args: string[], env: Record<string, string>): StartedProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  /** Told of every chunk of output, and once more when both streams have closed (`closed` set first). */
  const listeners = new Set<() => void>();
  let closed = false;
  const heard = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', heard);
  child.stderr?.on('data', heard);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // 'close' comes after 'exit' and after the last chunk of output: only then can a line no longer come.
  child.once('close', () => {
    closed = true;
    for (const listener of listeners) listener();
  });
  return {
    child,
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise<RegExpMatchArray>((resolve, reject) => {
        const settle = (outcome: () => void) => {
          listeners.delete(check);
          clearTimeout(timer);
          outcome();
        };
        const check = () => {
          const match = output.match(pattern);
          if (match) settle(() => resolve(match));
          else if (closed) settle(() => reject(new Error(`process exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`)));
        };
        const timer = setTimeout(() => settle(() => reject(new Error(`timed out waiting for ${pattern}:\n${output}`))), timeoutMs);
        listeners.add(check);
        check();
      });
    },
    async stop({ group = false, timeoutMs = 15_000 } = {}) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      try {
        if (group) process.kill(-child.pid!, 'SIGTERM');
        else child.kill('SIGTERM');
      } catch (error) {
        // Already gone between the check and the kill.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
