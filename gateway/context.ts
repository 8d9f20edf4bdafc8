import type { Viewer } from '../core/auth/viewer.js';
import type { Logger } from '../core/logger.js';
import type { OperationBudget } from './operation-budget.js';

export interface GatewayContext {
  /** The caller's Authorization header (verified here; subgraphs get the viewer in the gateway's signed assertion). */
  authorization?: string;
  /** The gateway's own id for the request. */
  requestId: string;
  /** The `x-request-id` the caller sent, if sane: logged and passed on for correlation, never used as our id. */
  callerRequestId?: string;
  /** The client's address: TRUSTED_PROXY_HEADER's value from a trusted proxy, else the socket's. */
  clientAddress?: string;
  viewer: Viewer | null;
  logger: Logger;
  /** The operation's deadline and byte budget (operation-budget.ts), set when the request starts. */
  budget?: OperationBudget;
}
