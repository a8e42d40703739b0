import type { RunCoordinator } from 'node-cron';
import type { CronLeases } from '../../store/cron-lease.js';

/** The shortest lease: longer than a pass over every group may take, so a slot never runs twice. */
const MIN_LEASE_MS = 120_000;

/**
 * node-cron fires in every process (node-cron #159); this coordinator lets exactly one process run
 * each scheduled slot: the first to take the slot's lease wins. The lease outlives the slot, so a
 * process that starts late in the same minute does not run it again.
 */
export function leaseRunCoordinator(leases: CronLeases): RunCoordinator {
  return {
    shouldRun: (slot: string, ttlMs: number): Promise<boolean> => leases.take(slot, Math.max(ttlMs, MIN_LEASE_MS)),
  };
}
