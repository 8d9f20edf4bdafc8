import { z } from 'zod';
import { defineConfigSection } from '../../../core/config-section.js';

/**
 * Which units the embedded default loads with the pilot data: the whole country (the national lists
 * shipped in `national-data/`, loaded once, at first start) or the pilot's units only.
 */
export const unitSettings = defineConfigSection('governance units', { HUB_UNITS: z.enum(['national', 'pilot']).default('national') }, (v) => ({
  national: v.HUB_UNITS === 'national',
}));
