/**
 * Starts OpenTelemetry tracing when it is configured (tracing-switch.ts), before the hub's modules
 * load: `hub` and the subgraph processes of `hub start` import it first; any other entry takes it
 * with `node --import ./dist/core/tracing/register.js <entry>`. When tracing is off this module
 * imports nothing more: the SDK and its instrumentations are never loaded, so they cost nothing.
 */
import { serviceNameOf, tracingRequested } from './tracing-switch.js';

if (tracingRequested(process.env)) {
  const { startTracing } = await import('./tracing-sdk.js');
  await startTracing(serviceNameOf(process.argv));
}
