/**
 * What a seller changes by hand in a marketplace's seller centre, for the sandboxes' seller-centre
 * routes (`POST /_sandbox/seller/listings/{id}`): the edits the hub's drift audit must notice. The
 * bounds are the marketplaces' own (README of each adapter), so the seller centre refuses what the
 * API refuses.
 */
import { z } from 'zod';

export const sellerEditSchema = z
  .object({
    priceVnd: z.number().int().min(1_000).max(100_000_000),
    stock: z.number().int().min(0).max(100_000),
    name: z.string().trim().min(3).max(120),
    /** false: deactivated (voso inactive, postmart UNLIST); true: listed again. */
    active: z.boolean(),
  })
  .partial()
  .strict()
  .refine((edit) => Object.keys(edit).length > 0, 'send at least one of priceVnd, stock, name, active');

/** The problems of a refused edit, one line. */
export function sellerEditProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
