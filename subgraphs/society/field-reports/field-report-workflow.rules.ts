import { conflict } from '../../../core/domain-errors.js';
import { FieldReportAction } from './field-report-event.entity.js';
import { FieldReportStatus } from './field-report.entity.js';

const { RECEIVED, ASSIGNED, IN_PROGRESS, RESOLVED, REFUSED } = FieldReportStatus;

/**
 * The workflow: received → assigned → in progress → resolved; refused (with a reason) from any
 * open status; reassignment while open; a resolved or refused report reopened by its reporter goes
 * back to received with a new due time.
 */
export const TRANSITIONS: Record<FieldReportAction, { from: readonly FieldReportStatus[]; to: FieldReportStatus }> = {
  [FieldReportAction.SUBMIT]: { from: [], to: RECEIVED },
  [FieldReportAction.ASSIGN]: { from: [RECEIVED, ASSIGNED, IN_PROGRESS], to: ASSIGNED },
  [FieldReportAction.START]: { from: [ASSIGNED], to: IN_PROGRESS },
  [FieldReportAction.RESOLVE]: { from: [IN_PROGRESS], to: RESOLVED },
  [FieldReportAction.REFUSE]: { from: [RECEIVED, ASSIGNED, IN_PROGRESS], to: REFUSED },
  [FieldReportAction.REOPEN]: { from: [RESOLVED, REFUSED], to: RECEIVED },
};

export const OPEN_STATUSES: readonly FieldReportStatus[] = [RECEIVED, ASSIGNED, IN_PROGRESS];

/** The actions a report in `status` accepts. */
export function allowedActions(status: FieldReportStatus): FieldReportAction[] {
  return (Object.keys(TRANSITIONS) as FieldReportAction[]).filter((action) => TRANSITIONS[action].from.includes(status));
}

/** The status `action` leads to from `status`; CONFLICT (with the status and the allowed actions) when the workflow forbids it. */
export function nextStatus(status: FieldReportStatus, action: FieldReportAction): FieldReportStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status)) {
    const allowed = allowedActions(status);
    throw conflict(
      `A ${status} field report cannot take ${action}: from ${status} the workflow allows ${allowed.length ? allowed.join(', ') : 'nothing'}. Reload the report and act on its current status.`,
      { reason: 'ILLEGAL_TRANSITION', status, action, allowedActions: allowed },
    );
  }
  return transition.to;
}
