import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger, lazyChildLogger } from '../../core/logger.js';

/** A logger writing JSON lines into an array. */
function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
      done();
    },
  });
  return { logger: createLogger('test', level, destination), lines };
}

describe('a request logger made on first use', () => {
  it('makes no child until a line is logged, and its lines carry the request id', async () => {
    const { logger, lines } = capture();
    const child = vi.spyOn(logger, 'child');
    const context = Object.assign(lazyChildLogger(logger, { requestId: 'r-1' }), { requestId: 'r-1' });
    expect(child).not.toHaveBeenCalled();
    context.logger.info('graphql request');
    context.logger.warn('again');
    expect(child).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(lines.map((l) => [l.requestId, l.msg])).toEqual([['r-1', 'graphql request'], ['r-1', 'again']]);
  });

  it('survives the copy Apollo Server makes of the context without making the child', () => {
    const { logger } = capture();
    const child = vi.spyOn(logger, 'child');
    const context = Object.assign(lazyChildLogger(logger, { requestId: 'r-2' }), { requestId: 'r-2' });
    // What Apollo Server does with the context of each operation (cloneObject in ApolloServer.js).
    const copy = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as typeof context, context);
    expect(child).not.toHaveBeenCalled();
    expect(copy.logger).toBe(context.logger);
    expect(child).toHaveBeenCalledTimes(1);
  });
});
