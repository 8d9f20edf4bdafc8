import { describe, expect, it } from 'vitest';
import { FieldReportAction } from '../../../subgraphs/society/field-reports/field-report-event.entity.js';
import { FieldReportStatus } from '../../../subgraphs/society/field-reports/field-report.entity.js';
import { newReceiptCode, normaliseReceiptCode } from '../../../subgraphs/society/field-reports/receipt-code.rules.js';
import { addWorkingDays } from '../../../subgraphs/society/field-reports/sla.rules.js';
import { allowedActions, nextStatus } from '../../../subgraphs/society/field-reports/field-report-workflow.rules.js';

describe('society: field-report rules', () => {
  it('counts working days Monday to Friday in Vietnam time', () => {
    // Friday 2021-12-03 10:00 in Vietnam + 5 working days = Friday 2021-12-10 10:00.
    expect(addWorkingDays(new Date('2021-12-03T10:00:00+07:00'), 5).toISOString()).toBe(new Date('2021-12-10T10:00:00+07:00').toISOString());
    // Saturday 2021-12-04 + 1 working day = Monday 2021-12-06, same time of day.
    expect(addWorkingDays(new Date('2021-12-04T09:00:00+07:00'), 1).toISOString()).toBe(new Date('2021-12-06T09:00:00+07:00').toISOString());
    // 23:30 on a Friday in Vietnam is still Friday there (16:30 UTC): + 1 = Monday 23:30.
    expect(addWorkingDays(new Date('2021-12-03T23:30:00+07:00'), 1).toISOString()).toBe(new Date('2021-12-06T23:30:00+07:00').toISOString());
  });

  it('allows only the workflow\'s transitions', () => {
    expect(allowedActions(FieldReportStatus.RECEIVED)).toEqual([FieldReportAction.ASSIGN, FieldReportAction.REFUSE]);
    expect(allowedActions(FieldReportStatus.IN_PROGRESS)).toEqual([FieldReportAction.ASSIGN, FieldReportAction.RESOLVE, FieldReportAction.REFUSE]);
    expect(allowedActions(FieldReportStatus.RESOLVED)).toEqual([FieldReportAction.REOPEN]);
    expect(nextStatus(FieldReportStatus.REFUSED, FieldReportAction.REOPEN)).toBe(FieldReportStatus.RECEIVED);
    expect(() => nextStatus(FieldReportStatus.RESOLVED, FieldReportAction.REFUSE)).toThrow(/cannot take REFUSE/);
  });

  it('issues receipt codes that read back in any case or spacing', () => {
    const code = newReceiptCode();
    expect(code).toMatch(/^PA-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(normaliseReceiptCode(code.toLowerCase().replace(/-/g, ' '), 'code')).toBe(code);
    expect(normaliseReceiptCode(code.slice(3), 'code')).toBe(code);
    expect(() => normaliseReceiptCode('PA-00000-00000', 'code')).toThrow(/receipt code/);
  });
});
