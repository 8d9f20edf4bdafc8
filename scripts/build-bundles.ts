import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/**
 * The browser bundles the gateway serves, built by Vite from their source folder into dist/<name>:
 * the IOC dashboard (/ioc) and the GraphQL explorer (GET /graphql). `npm start` builds before it
 * runs, so a bundle is rebuilt only when its sources or the installed packages changed: an
 * unchanged checkout starts without a minute of bundling.
 */
export const BUNDLES = ['ioc', 'explorer'] as const;

/** Newest modification time of the files under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function stale(name: string): boolean {
  const page = path.join('dist', name, 'index.html');
  if (!existsSync(page)) return true;
  const inputs = Math.max(newest(name), existsSync('package-lock.json') ? statSync('package-lock.json').mtimeMs : 0);
  return statSync(page).mtimeMs < inputs;
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  for (const name of BUNDLES) {
    if (!force && !stale(name)) continue;
    await build({ configFile: path.resolve(name, 'vite.config.ts') });
  }
}

// Run as a script (`npm run build`), not when a test imports BUNDLES.
if (process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '.js').endsWith(path.join('scripts', 'build-bundles.js'))) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
