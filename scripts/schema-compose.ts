/**
 * `npm run schema:compose`: prints each subgraph's SDL from code into schema/, writes a
 * rover-compatible schema/supergraph.yaml and composes schema/supergraph.graphql.
 * `npm run schema:check`: the same in memory; fails when the checked-in files differ from the code
 * or composition fails, and lists breaking changes against the checked-in supergraph. Both also
 * generate docs/access.md (the access matrix, from the supergraph and ACCESS_RULES): compose writes
 * it, check fails when it is stale.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { breakingChanges, CompositionError } from './support/compose.js';
import { SUBGRAPHS } from '../subgraphs/index.js';
import { renderAccessDoc } from './support/access-doc.js';
import { generateSchemaFiles, readSchemaFile, staleSchemaFiles } from './support/schema-files.js';

const schemaDir = path.join(process.cwd(), 'schema');
const docsDir = path.join(process.cwd(), 'docs');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = await generateSchemaFiles(SUBGRAPHS);
  const committed = readSchemaFile(schemaDir, 'supergraph.graphql');
  const breaking = committed ? breakingChanges(committed, files.get('supergraph.graphql')!) : [];
  if (breaking.length) {
    console.log(`Breaking changes against the checked-in supergraph (${breaking.length}):`);
    for (const change of breaking) console.log(`  - ${change}`);
  }
  const accessDoc = await renderAccessDoc(files.get('supergraph.graphql')!);
  if (check) {
    const stale = staleSchemaFiles(schemaDir, files).map((f) => `schema/${f}`);
    if (readSchemaFile(docsDir, 'access.md') !== accessDoc) stale.push('docs/access.md');
    if (stale.length) {
      console.error(`${stale.join(', ')} out of date with the code.\nRun \`npm run schema:compose\` and commit the result.`);
      process.exit(1);
    }
    console.log(`schema/ (${files.size} files) and docs/access.md match the code; composition succeeded.`);
    return;
  }
  for (const [file, content] of files) writeFileSync(path.join(schemaDir, file), content);
  writeFileSync(path.join(docsDir, 'access.md'), accessDoc);
  console.log(`Wrote ${[...files.keys()].map((f) => `schema/${f}`).join(', ')}, docs/access.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
});
