import { z } from 'zod';

/** A calendar date as records, deadlines and config store it: YYYY-MM-DD. */
export const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
