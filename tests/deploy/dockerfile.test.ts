import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLES } from '../../scripts/build-bundles.js';

/** What the image's build stage copies from the repository before `npm run build`. */
function copiedIntoBuildStage(): string[] {
  const dockerfile = readFileSync('deploy/Dockerfile', 'utf8');
  const buildStage = dockerfile.slice(0, dockerfile.indexOf('RUN npm run build'));
  return [...buildStage.matchAll(/^COPY (?!--from)(.+?) \S+$/gm)].flatMap((m) => m[1].split(/\s+/));
}

describe('deploy/Dockerfile', () => {
  it('copies everything `npm run build` reads: the compiled folders, each browser bundle\'s source and what it imports', () => {
    const copied = copiedIntoBuildStage();
    const compiled: string[] = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')).include;
    for (const folder of [...compiled, ...BUNDLES, 'tsconfig.build.json', 'package-lock.json']) expect(copied).toContain(folder);
    // The explorer opens with the README's sample query, imported from docs/.
    expect(readFileSync('explorer/src/main.tsx', 'utf8')).toMatch(/docs\/sample-query\.graphql/);
    expect(copied).toContain('docs/sample-query.graphql');
  });
});
