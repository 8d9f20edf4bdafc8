import type { OperationBudget } from './operation-budget.js';

/** One subgraph call as the gateway makes it: the exact body (which the assertion signs) and its headers. */
export interface SubgraphRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** The operation's deadline and byte budget: the call is aborted when it runs out. */
  budget?: OperationBudget;
  /**
   * Set for the reads of an incoming query: who the caller is (the verified viewer). An identical
   * call in flight for the same identity may be shared (subgraph-fetch-dedup.ts); unset, never.
   */
  shareAs?: string;
}

/** A subgraph's answer, read whole: the gateway parses the text itself, once. */
export interface SubgraphAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export type SubgraphCall = (request: SubgraphRequest) => Promise<SubgraphAnswer>;
