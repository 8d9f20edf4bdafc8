import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The IOC dashboard: built into dist/ioc at `npm run build`, served by the gateway at /ioc. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/ioc/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/ioc', import.meta.url)),
    emptyOutDir: true,
    // No inlined module preload polyfill fetching anything; every asset is a file of the bundle.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
});
