import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serviceNameOf, tracingRequested } from '../../../core/tracing/tracing-switch.js';

/**
 * What a process started with `--import dist/core/tracing/register.js` has running: whether a
 * tracer provider is registered with the OpenTelemetry API, and whether any SDK module was loaded.
 */
function probe(env: Record<string, string>): { provider: boolean; sdkModules: number } {
  const script = `
    const { trace } = await import('@opentelemetry/api');
    const delegate = trace.getTracerProvider().getDelegate?.();
    const provider = Boolean(delegate && delegate.constructor.name !== 'NoopTracerProvider');
    const { createRequire } = await import('node:module');
    const cache = createRequire(import.meta.url).cache;
    const sdkModules = Object.keys(cache).filter((file) => /@opentelemetry[\\\\/](sdk-|instrumentation)/.test(file)).length;
    console.log(JSON.stringify({ provider, sdkModules }));
    process.exit(0);
  `;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OTEL_')));
  const out = execFileSync(process.execPath, ['--import', './dist/core/tracing/register.js', '--input-type=module', '-e', script], { env: { ...clean, ...env }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { provider: boolean; sdkModules: number };
}

describe('tracing switch', () => {
  it('is off unless an OTLP endpoint or a traces exporter is set, and off again with none or OTEL_SDK_DISABLED', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
    expect(tracingRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
    expect(tracingRequested({ OTEL_SDK_DISABLED: 'TRUE', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(false);
  });

  it('names each process after the service it runs', () => {
    expect(serviceNameOf(['node', '/app/dist/cli/hub.js', 'serve', 'governance'])).toBe('commune-hub-governance');
    expect(serviceNameOf(['node', '/app/dist/cli/hub.js', 'serve', 'gateway'])).toBe('commune-hub-gateway');
    expect(serviceNameOf(['node', '/app/dist/cli/hub.js', 'start'])).toBe('commune-hub-gateway');
    expect(serviceNameOf(['node', '/app/dist/cli/hub.js', 'worker'])).toBe('commune-hub-worker');
    expect(serviceNameOf(['node', '/app/dist/cli/subgraph-process.js', 'commerce', '0', 'seed'])).toBe('commune-hub-commerce');
  });

  it('loads no SDK and registers no tracer when off; registers the SDK before the program when on', () => {
    expect(probe({})).toEqual({ provider: false, sdkModules: 0 });
    const on = probe({ OTEL_TRACES_EXPORTER: 'console' });
    expect(on.provider).toBe(true);
    expect(on.sdkModules).toBeGreaterThan(0);
  });
});
