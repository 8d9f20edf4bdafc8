/**
 * Whether this process exports traces, and under which service name. Read from the environment
 * before anything else loads (the SDK must patch modules before they are imported, so this cannot
 * wait for the hub's configuration), with the standard OpenTelemetry variables only.
 */

/**
 * Tracing is off unless an OTLP endpoint is given (`OTEL_EXPORTER_OTLP_ENDPOINT` or
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or `OTEL_TRACES_EXPORTER` names an exporter; `OTEL_SDK_DISABLED=true`
 * or `OTEL_TRACES_EXPORTER=none` turn it off whatever else is set. Off, the SDK is never loaded.
 */
export function tracingRequested(env: Record<string, string | undefined>): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (exporters.includes('none')) return false;
  return exporters.length > 0 || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/**
 * The service a process runs, for `service.name` when `OTEL_SERVICE_NAME` is unset:
 * `hub serve governance` is commune-hub-governance, `hub worker` commune-hub-worker, `hub start`
 * commune-hub-gateway (its own process runs the gateway; each subgraph child names itself),
 * a subgraph child of `hub start` (subgraph-process.js governance ...) its subgraph.
 */
export function serviceNameOf(argv: readonly string[]): string {
  const script = (argv[1] ?? '').split(/[\\/]/).pop() ?? '';
  const [first, second] = argv.slice(2);
  let role: string;
  if (script.startsWith('subgraph-process')) role = first ?? 'subgraph';
  else if (first === 'serve') role = second ?? 'gateway';
  else if (first === 'start' || first === undefined) role = 'gateway';
  else role = first;
  return `commune-hub-${role.replace(/[^a-z0-9-]/gi, '').toLowerCase() || 'hub'}`;
}
