import { z } from 'zod';

/** `console` of the config file: who the local console user is and which group they are in. */
export const consoleSection = z
  .object({
    user: z.string().min(1).default('local-expert'),
    name: z.string().min(1).default('本地专家'),
    group: z.string().min(1).default('本地帮扶群'),
  })
  .prefault({});

export type ConsoleConfig = z.infer<typeof consoleSection>;

export interface WithConsole {
  console: ConsoleConfig;
}
