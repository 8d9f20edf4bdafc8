import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The local GraphQL explorer (GraphiQL): built into dist/explorer at `npm run build`; the gateway
 * serves its page at GET /graphql and its assets under /explorer/. Nothing is fetched from a CDN.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    // Monaco (GraphiQL's editor) is large by nature; it is loaded once by a developer's browser.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React libraries mark modules "use client" (for server-component frameworks); meaningless in a bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
