import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../../log/logger.js';
import type { CronLeases } from '../../store/cron-lease.js';
import { leaseRunCoordinator } from './coordinator.js';
import type { ReminderService } from './reminders.js';

/**
 * Runs the reminder pass every minute with node-cron in distributed mode: one process per minute
 * does the pass (Redis lease), and each reminder is claimed again on its own, so even two passes
 * could not send one twice. The first pass runs at start, so a bot that was down sends what is
 * still relevant once.
 */
export class ReminderScheduler {
  private task?: ScheduledTask;

  constructor(
    private readonly service: ReminderService,
    private readonly leases: CronLeases,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<void> {
    await this.pass();
    this.task = cron.schedule('* * * * *', () => this.pass(), {
      name: 'bangfu-reminders',
      distributed: true,
      runCoordinator: leaseRunCoordinator(this.leases),
      distributedLease: 120_000,
      noOverlap: true,
      // A timer must not keep a finished console session alive.
      unref: true,
    });
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
  }

  private async pass(): Promise<void> {
    try {
      const sent = await this.service.tick(this.now());
      if (sent.length) this.logger.info({ reminders: sent.length }, 'reminders sent');
    } catch (err) {
      this.logger.error({ err }, 'reminder pass failed');
    }
  }
}
