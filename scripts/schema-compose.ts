/**
 * `npm run schema:compose`: prints each subgraph's SDL from code into schema/, writes a
 * rover-compatible schema/supergraph.yaml and composes schema/supergraph.graphql.
 * `npm run schema:check`: the same in memory; fails when the checked-in files differ from the code
 * or composition fails, and lists breaking changes against the checked-in supergraph.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { breakingChanges, CompositionError } from './support/compose.js';
import { SUBGRAPHS } from '../subgraphs/index.js';
import { generateSchemaFiles, readSchemaFile, staleSchemaFiles } from './support/schema-files.js';

const schemaDir = path.join(process.cwd(), 'schema');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generateSchemaFiles(SUBGRAPHS);
  const committed = readSchemaFile(schemaDir, 'supergraph.graphql');
  const breaking = committed ? breakingChanges(committed, files.get('supergraph.graphql')!) : [];
  if (breaking.length) {
    console.log(`Breaking changes against the checked-in supergraph (${breaking.length}):`);
    for (const change of breaking) console.log(`  - ${change}`);
  }
  if (check) {
    const stale = staleSchemaFiles(schemaDir, files);
    if (stale.length) {
      console.error(`schema/ is out of date with the code: ${stale.join(', ')}.\nRun \`npm run schema:compose\` and commit the result.`);
      process.exit(1);
    }
    console.log(`schema/ matches the code (${files.size} files); composition succeeded.`);
    return;
  }
  for (const [file, content] of files) writeFileSync(path.join(schemaDir, file), content);
  console.log(`Wrote ${[...files.keys()].map((f) => `schema/${f}`).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
});
