import { execFileSync } from 'node:child_process';
/**
 * Some tests run the hub as a user does, from the build (`node dist/cli/hub.js ...`): build it
 * once before any test starts, so that no two tests compile into dist/ at the same time. The IOC
 * dashboard and GraphQL explorer bundles (dist/ioc, dist/explorer, served by the gateway) are built
 * too when missing or older than their sources (scripts/build-bundles.ts).
 */
export default function buildOnce(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync('node', ['dist/scripts/build-bundles.js'], { stdio: 'inherit' });
}
