import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../core/logger.js';

/** The hub's own loggers (its redaction and serializers), writing to memory so a test can read every line. */
export function captureLogs(level = 'debug'): { logger(service: string): Logger; text(): string; clear(): void } {
  let buffer = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      buffer += String(chunk);
      done();
    },
  });
  return { logger: (service) => createLogger(service, level, stream), text: () => buffer, clear: () => void (buffer = '') };
}
