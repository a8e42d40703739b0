import type { QuotasConfig } from '../domain/config.js';
import type { ScheduleConfig } from '../domain/reminders/config.js';
import type { LlmConfig } from '../llm/config.js';

/**
 * The deployment settings flows/ reads (dates, the reporting unit, quotas, the deadline ladder and
 * targets, amendment cut-offs, the model's limits), typed from the parts that define them. The whole
 * Config (config/schema.ts) satisfies it; only the composition root sees the whole thing.
 */
export interface FlowSettings {
  timezone: string;
  org: { unit: string };
  quotas: QuotasConfig;
  amendDeadlines: Readonly<Record<string, string>>;
  schedule: ScheduleConfig;
  llm: LlmConfig;
}
