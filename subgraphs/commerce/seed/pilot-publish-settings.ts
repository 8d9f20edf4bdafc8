import { z } from 'zod';
import { defineConfigSection } from '../../../core/config.js';

/**
 * `COMMERCE_PILOT_PUBLISH` (default true): the pilot seed publishes the pilot's products where their
 * producers sell (voso), as they were in the pilot, so the public catalogue of `npm start` is not
 * empty. false: they are seeded with DRAFT listings for someone to publish.
 */
export const pilotPublishSettings = defineConfigSection(
  'commerce pilot seed',
  { COMMERCE_PILOT_PUBLISH: z.enum(['true', 'false']).default('true') },
  (e) => ({ publish: e.COMMERCE_PILOT_PUBLISH === 'true' }),
);
