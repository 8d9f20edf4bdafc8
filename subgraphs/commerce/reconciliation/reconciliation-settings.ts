import { z } from 'zod';
import { defineConfigSection } from '../../../core/config.js';

/**
 * `COMMERCE_WRITE_OFF_APPROVAL_VND`: a write-off of more than this many đồng takes effect only once
 * a second finance person approves it (default 500.000 đ; 0 = every write-off needs approval).
 */
export const reconciliationSettings = defineConfigSection(
  'commerce reconciliation',
  { COMMERCE_WRITE_OFF_APPROVAL_VND: z.coerce.number().int().min(0).max(1_000_000_000_000_000).default(500_000) },
  (v) => ({ writeOffApprovalVnd: v.COMMERCE_WRITE_OFF_APPROVAL_VND }),
);
