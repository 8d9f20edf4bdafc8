/** Metric labels a caller cannot grow: every label value is a time series kept for the process's life. */
export const OTHER_OPERATION = 'other';
export const ANONYMOUS_OPERATION = 'anonymous';
/** Requests refused before an operation was resolved (bad JSON, limits, parse or validation errors). */
export const REJECTED_OPERATION = 'rejected';

/** Names a frontend would give an operation; anything else is folded into "other". */
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The operation label of the hub's metrics (gateway and subgraphs), from a bounded set: the names of registered
 * (trusted) operations, then the first `max` other well-formed names of operations that ran; any
 * other name is "other". 100 requests with distinct 200,000-letter names add no series.
 */
export function createOperationLabels(options: { max: number; registered?: readonly string[] }) {
  const registered = new Set(options.registered ?? []);
  const admitted = new Set<string>();
  return {
    label(name: string | null | undefined, ran: boolean): string {
      if (!name) return ran ? ANONYMOUS_OPERATION : REJECTED_OPERATION;
      if (registered.has(name) || admitted.has(name)) return name;
      if (!ran || !LABEL_NAME.test(name) || admitted.size >= options.max) return ran ? OTHER_OPERATION : REJECTED_OPERATION;
      admitted.add(name);
      return name;
    },
  };
}

export type OperationLabels = ReturnType<typeof createOperationLabels>;
