import { context, propagation, trace, SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';

/**
 * The W3C `traceparent` of the span running now, to store beside work done later (the sync
 * outbox), or null when there is none (tracing off: the API is a no-op and injects nothing).
 */
export function currentTraceParent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/**
 * Runs deferred work in a span of its own that continues the trace which queued it (`traceParent`
 * as stored by `currentTraceParent`), so a publish and the marketplace calls its job makes later
 * read as one trace. The instrumentations' spans (SQL, HTTP) inside `work` become its children.
 * No instrumentation knows the hub's jobs, hence this one hand-made span.
 */
export function inSpanContinuing<T>(tracerName: string, spanName: string, traceParent: string | null, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  const parent = traceParent ? propagation.extract(context.active(), { traceparent: traceParent }) : context.active();
  return trace.getTracer(tracerName).startActiveSpan(spanName, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
