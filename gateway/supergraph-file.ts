import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile } from 'node:fs';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '../core/logger.js';

/**
 * Serves the gateway a static supergraph from a file and reloads it when the file changes, so a
 * recomposed schema is deployed by replacing the file, without restarting the gateway. A file that
 * fails to load leaves the previous schema in service.
 */
export function supergraphFromFile(file: string, logger: Logger, pollIntervalMs = 1000): SupergraphSdlHook {
  return async ({ update, healthCheck }) => {
    let current = await readFile(file, 'utf8');
    const onChange = async () => {
      try {
        const next = await readFile(file, 'utf8');
        if (next === current) return;
        await healthCheck(next).catch((error: Error) => logger.warn({ err: error }, 'new supergraph: some subgraphs are not healthy yet'));
        update(next);
        current = next;
        logger.info({ file }, 'supergraph reloaded');
      } catch (error) {
        logger.error({ err: error, file }, 'supergraph file changed but could not be loaded; keeping the previous schema');
      }
    };
    // Polling survives editors and deploy tools that replace the file (rename), which fs.watch misses.
    watchFile(file, { interval: pollIntervalMs }, () => void onChange());
    return {
      supergraphSdl: current,
      cleanup: async () => unwatchFile(file),
    };
  };
}
