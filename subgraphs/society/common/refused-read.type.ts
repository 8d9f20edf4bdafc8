import { refusedReadTypes } from '../../shared/refused-read.type.js';

/** Society's refused-read log: `RefusedRead`, `RefusedReadConnection` (on `Commune.refusedReads`). */
export const { RefusedReadConnection } = refusedReadTypes('RefusedRead', 'society: health records and their read log, telehealth consultations, reporters\' contact, announcement drafts, subscribers and deliveries, postal dossiers');
