import type { MonthSummary } from '../common/month-summary.js';

/** `hub documents rebuild-summary`: recounts the month summary the document KPIs read. */
export const DOCUMENT_SUMMARY: MonthSummary = {
  group: 'documents',
  groupDescription: 'The electronic document register',
  table: 'document_month_summary',
  description:
    'Recount the per-commune, per-month document summary (what documentStats and the province figures read) from the register and its signatures, in one transaction.',
  rebuild: async (tx) => (await import('./document-summary.store.js')).rebuildDocumentSummary(tx),
};
