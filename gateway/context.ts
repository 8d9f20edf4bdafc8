import type { Viewer } from '../core/auth/viewer.js';
import type { Logger } from '../core/logger.js';
import type { OperationBudget } from './operation-budget.js';

export interface GatewayContext {
  /** The caller's header, forwarded as is to subgraphs (which verify it again). */
  authorization?: string;
  requestId: string;
  viewer: Viewer | null;
  logger: Logger;
  /** The operation's deadline and byte budget (operation-budget.ts), set when the request starts. */
  budget?: OperationBudget;
}
