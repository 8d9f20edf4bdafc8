import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { ErrorCode, operationLimitExceeded } from '../core/errors.js';

/**
 * What one operation may spend at the gateway once it is accepted: wall-clock time (a deadline for
 * the whole operation) and bytes received from subgraphs (the gateway holds every subgraph answer
 * in memory while it merges them). Passing either aborts the operation's subgraph calls still in
 * flight; the answer keeps what had arrived, with an OPERATION_LIMIT_EXCEEDED error.
 */
export class OperationBudget {
  private readonly controller = new AbortController();
  private received = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly timeoutMs: number,
    readonly maxResponseBytes: number,
  ) {}

  /** Aborted when the deadline passes or the byte budget is spent; its reason is the error to report. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the operation was cut short, if it was. */
  get exceeded(): GraphQLError | undefined {
    return this.controller.signal.aborted ? (this.controller.signal.reason as GraphQLError) : undefined;
  }

  start(): void {
    this.timer ??= setTimeout(() => {
      this.abort(
        operationLimitExceeded('time', `The operation ran out of time (${this.timeoutMs} ms); the parts that had not arrived are null. Ask for less, or retry later.`, { maximum: this.timeoutMs }, null),
      );
    }, this.timeoutMs);
    this.timer.unref();
  }

  finish(): void {
    clearTimeout(this.timer);
  }

  /**
   * Settles with `work`, or rejects with the budget's error as soon as the budget runs out, even if
   * `work` does not heed the signal (a call shared with other operations keeps going for them).
   */
  race<T>(work: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort!));
  }

  /** Counts bytes arriving from a subgraph; throws (and aborts the rest) once over the budget. */
  charge(bytes: number): void {
    this.received += bytes;
    if (this.received <= this.maxResponseBytes) return;
    const error = operationLimitExceeded(
      'responseSize',
      `The operation's answer is over ${this.maxResponseBytes} bytes; the parts that had not arrived are null. Ask for smaller pages or fewer fields.`,
      { maximum: this.maxResponseBytes },
      null,
    );
    this.abort(error);
    throw error;
  }

  private abort(reason: GraphQLError): void {
    if (!this.controller.signal.aborted) this.controller.abort(reason);
    clearTimeout(this.timer);
  }
}

function isBudgetError(error: { extensions?: Record<string, unknown> }): boolean {
  const limit = error.extensions?.limit;
  return error.extensions?.code === ErrorCode.OPERATION_LIMIT_EXCEEDED && (limit === 'time' || limit === 'responseSize');
}

/**
 * Gives each operation its budget when the request starts and ends it when the answer is sent.
 * Every subgraph call an exhausted budget aborted reports the same error: the answer keeps one.
 * Generic over the context (any context with a `budget` slot), so this file does not import the
 * gateway's context, which itself names OperationBudget.
 */
export function operationBudgetPlugin<TContext extends { budget?: OperationBudget }>(options: { timeoutMs: number; maxResponseBytes: number }): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const budget = new OperationBudget(options.timeoutMs, options.maxResponseBytes);
      contextValue.budget = budget;
      budget.start();
      return {
        async willSendResponse({ response }) {
          budget.finish();
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          let seen = false;
          response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
            if (!isBudgetError(error)) return true;
            if (seen) return false;
            seen = true;
            return true;
          });
        },
      };
    },
  };
}
