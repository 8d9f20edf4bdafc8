import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Newest modification time of the files under a folder. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

/**
 * Some tests run the hub as a user does, from the build (`node dist/cli/hub.js ...`): build it
 * once before any test starts, so that no two tests compile into dist/ at the same time. The IOC
 * dashboard bundle (dist/ioc, served by the gateway) is built too when missing or older than ioc/.
 */
export default function buildOnce(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const bundle = path.join('dist', 'ioc', 'index.html');
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newest('ioc')) {
    execFileSync('npx', ['vite', 'build', '--config', 'ioc/vite.config.ts'], { stdio: 'inherit' });
  }
}
