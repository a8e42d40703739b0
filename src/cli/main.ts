import { Command, Option } from 'commander';
import { ConfigError } from '../config/load.js';
import { EmbeddedRedisError } from '../store/embedded-redis.js';
import { runDoctor } from './doctor.js';
import { allForms } from '../flows/forms/registry.js';
import { runExport, type ExportCliOptions } from './export.js';
import { runStart } from './start.js';
import { UsageError } from './usage-error.js';

/** Errors a coordinator can fix print as their Chinese message alone; anything else is a bug and keeps its stack. */
function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof EmbeddedRedisError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}

const program = new Command('bangfu').description('帮扶：科技扶贫帮扶群的聊天助手').showHelpAfterError();

program
  .command('start')
  .description('启动机器人（默认本地控制台聊天）')
  .option('--console', '在本终端里聊天（未配置其他平台时的默认方式）')
  .option('--user <id>', '控制台用户 ID')
  .option('--name <名字>', '控制台用户显示名')
  .option('--group <群名>', '控制台所在的群名')
  .action((opts: { console?: boolean; user?: string; name?: string; group?: string }) => runStart(opts).catch(fail));

program
  .command('export')
  .description('导出表格（官方列顺序）')
  .addOption(
    new Option('--form <form>', '表单（stats：科技之冬活动统计表；all：全部表格打包）')
      .choices([...allForms.map((f) => f.id), 'stats', 'all'])
      .default('ledger'),
  )
  .addOption(
    new Option('--format <format>', '格式（默认：名单类 xlsx，推荐表/项目书 docx，展览素材与 all 为 zip）').choices([
      'csv',
      'xlsx',
      'docx',
      'zip',
    ]),
  )
  .addOption(
    new Option('--layout <layout>', 'official：官方表样（标题、填表单位、合并表头）；data：单行表头（工作台账默认）').choices([
      'official',
      'data',
    ]),
  )
  .option('--group <群名或ID>', '只导出某个群')
  .option('--from <日期>', '起始日期（含），如 2026-11-01')
  .option('--to <日期>', '截止日期（含）')
  .requiredOption('--out <file|->', '输出文件，- 为标准输出')
  .action((opts: ExportCliOptions) => runExport(opts).catch(fail));

program
  .command('doctor')
  .description('检查配置、Redis 与各平台凭据，逐条给出修复方法')
  .action(() => runDoctor().then((okAll) => process.exit(okAll ? 0 : 1), fail));

await program.parseAsync(process.argv);
