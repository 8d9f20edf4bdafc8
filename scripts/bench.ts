/**
 * Runs one benchmark: `npm run bench -- <name> [args]`, where scripts/bench/<name>.ts exists.
 * Benchmarks print their numbers; they are not tests and assert nothing about speed.
 */
import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(path.join(here, 'bench'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => f.replace(/\.js$/, ''));
const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name> [args]\nBenchmarks: ${available.join(', ') || '(none)'}`);
  process.exit(name ? 1 : 0);
}
const bench = (await import(pathToFileURL(path.join(here, 'bench', `${name}.js`)).href)) as { run(args: string[]): Promise<void> };
await bench.run(args);
