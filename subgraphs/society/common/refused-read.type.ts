import { refusedReadTypes } from '../../shared/refused-read.type.js';

/** Society's refused-read log: `RefusedRead`, `RefusedReadConnection` (on `Commune.refusedReads`). */
export const { RefusedReadConnection } = refusedReadTypes('RefusedRead', 'society: health records, their read log, reporters\' contact');
