import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The national lists of administrative units that ship with the hub (`subgraphs/shared/national-data/`,
 * gzipped copies of ../shared/data/admin-units). Governance loads them into its registry; every other
 * subgraph reads them for its own copy of the communes' lineage (`unit-lineage.ts`), so that no
 * access decision rests on a lineage a caller sent. Found from the source file or its build output alike.
 */
export function nationalDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'subgraphs', 'shared', 'national-data');
    if (existsSync(path.join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('The national unit lists (subgraphs/shared/national-data) are missing from this installation.');
}
