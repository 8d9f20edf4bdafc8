import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.js';
import { SUBGRAPHS } from '../../../subgraphs/index.js';

describe('commerce: `hub worker`', () => {
  it('is registered through SubgraphPart.commands of the commerce subgraph', () => {
    const program = new Command();
    SUBGRAPHS.commerce!.commands!(program, { config: () => loadConfig({ NODE_ENV: 'test' }) });
    const worker = program.commands.find((c) => c.name() === 'worker');
    expect(worker?.description()).toMatch(/sync worker/);
  });
});
