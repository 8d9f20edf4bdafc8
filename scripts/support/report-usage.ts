/**
 * Loaded with `node --import` into a command a benchmark runs as its user would: at exit, writes
 * the process's own peak RSS and CPU time to the file named by BENCH_USAGE_FILE. The command itself
 * is not changed; the parent cannot read a child's peak memory from Node.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }));
  });
}
