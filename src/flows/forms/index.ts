import type { FormSpec } from '../form.js';
import { ledgerForm } from './ledger.js';

/** Every form the bot can fill, in the order help lists them. */
export const allForms: readonly FormSpec[] = [ledgerForm];
