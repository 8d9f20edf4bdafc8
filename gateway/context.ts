import type { Viewer } from '../core/auth/viewer.js';
import type { Logger } from '../core/logger.js';

export interface GatewayContext {
  /** The caller's header, forwarded as is to subgraphs (which verify it again). */
  authorization?: string;
  requestId: string;
  viewer: Viewer | null;
  logger: Logger;
}
