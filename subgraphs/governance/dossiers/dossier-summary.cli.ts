import type { MonthSummary } from '../common/month-summary.js';

/** `hub dossiers rebuild-summary`: recounts the month summary the dossier KPIs read. */
export const DOSSIER_SUMMARY: MonthSummary = {
  group: 'dossiers',
  groupDescription: 'Administrative procedure dossiers',
  table: 'dossier_month_summary',
  description:
    'Recount the per-commune, per-month dossier summary (what dossierStats and the province figures read) from the dossiers, in one transaction.',
  rebuild: async (tx) => (await import('./dossier-summary.store.js')).rebuildDossierSummary(tx),
};
