import path from 'node:path';
import type { ChatCommand } from './command.js';
import type { Config } from '../../config/schema.js';
import type { FormSpec } from '../engine/form.js';
import { BlobStore } from '../../store/blobs.js';
import type { RecordRepository } from '../../store/records.js';
import { FormChecks } from '../../domain/checks.js';
import { formCommands } from './forms.js';
import type { RoleLookup } from '../../domain/roles/lookup.js';

export interface FormServices {
  blobs: BlobStore;
  checks: FormChecks;
  /** The form commands, placed after `base` so their `/export` (a superset) wins. */
  commands(base: readonly ChatCommand[]): ChatCommand[];
}

/** Everything the official forms add around the engine, built from config in one place for app.ts and tests. */
export function formServices(config: Config, records: RecordRepository, forms: readonly FormSpec[], roles: RoleLookup, blobDir = path.join(config.dataDir, 'attachments')): FormServices {
  const blobs = new BlobStore(blobDir);
  const checks = new FormChecks(records, new Map(forms.map((f) => [f.id, f])), config.quotas, config.timezone);
  return {
    blobs,
    checks,
    commands: (base) => [...base, ...formCommands({ records, forms, roles, config, blobs }, base.find((c) => c.name === 'export'))],
  };
}
