import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * A V8 CPU profile of this process while `work` runs, written to `file` (the format of
 * `node --cpu-prof`, for summarizeProfile): a benchmark that runs the gateway and the subgraph in its
 * own process profiles each scenario on its own, without the start-up and seeding around it.
 */
export async function profileDuring<T>(file: string, work: () => Promise<T>, intervalUs = 200): Promise<T> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    try {
      return await work();
    } finally {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    }
  } finally {
    session.disconnect();
  }
}
