/**
 * The layering of src/ as rules (ARCHITECTURE.md draws it): platforms → flows → domain/documents → store,
 * with core/ and text/ as leaves. `npm run lint` fails on any violation. Type-only imports count too
 * (tsPreCompilationDeps), so a cycle cannot hide behind `import type`.
 */
const layer = (name, from, to, comment) => ({ name, severity: 'error', comment, from: { path: from }, to: { path: to } });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles, type-only ones included: every arrow points one way.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'ioredis-only-in-store',
      severity: 'error',
      comment: 'src/store is the only Redis user: every key, script and repository lives there.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '(^|/)node_modules/(ioredis|@ioredis)/' },
    },
    {
      name: 'telegraf-only-in-telegram',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bot/telegram/' },
      to: { path: '(^|/)node_modules/(telegraf|@telegraf)/' },
    },
    {
      name: 'wechaty-only-in-wechat',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bot/wechat/' },
      to: { path: '(^|/)node_modules/(wechaty|wechaty-[^/]+|file-box)/' },
    },
    {
      name: 'ws-only-in-qq',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bot/qq/' },
      to: { path: '(^|/)node_modules/ws/' },
    },
    layer('core-is-a-leaf', '^src/core/', '^src/(?!core/)', 'core/ imports nothing of ours but core/.'),
    layer('text-is-a-leaf', '^src/text/', '^src/(?!text/)', 'text/ (user-facing Chinese) imports nothing of ours.'),
    layer('privacy-below-all', '^src/privacy/', '^src/(?!privacy/|core/)', 'privacy/ is used by logs, store and parsers alike.'),
    layer('log-below-store', '^src/log/', '^src/(?!log/|privacy/|core/)', 'the logger masks personal numbers and knows nothing else.'),
    layer(
      'store-is-the-bottom',
      '^src/store/',
      '^src/(?!store/|core/|privacy/|log/|text/)',
      'store/ never imports domain, documents, flows, llm, bot, config or the app.',
    ),
    layer(
      'llm-is-form-agnostic',
      '^src/llm/',
      '^src/(flows|domain|documents|bot|cli|config/schema)',
      'llm/ is a client: forms live in flows/.',
    ),
    layer('domain-below-flows', '^src/(domain|documents)/', '^src/(flows|bot|cli)/', 'domain/ and documents/ never import flows/ or bot/.'),
    layer('documents-above-domain', '^src/domain/', '^src/documents/', 'documents/ renders what domain/ computes, not the reverse.'),
    layer('flows-below-platforms', '^src/flows/', '^src/(bot|cli)/', 'flows/ is platform-free.'),
    layer('nothing-imports-the-root', '^src/(?!cli/)', '^src/(app\\.ts|cli/)', 'app.ts and cli/ are the top: only cli/ imports app.ts.'),
    layer(
      'whole-config-only-at-the-top',
      '^src/(?!app\\.ts|cli/|config/)',
      '^src/config/schema\\.ts',
      'parts import their own config section; only the composition root sees the whole Config.',
    ),
    layer(
      'groupchat-is-shared',
      '^src/bot/groupchat/',
      '^src/bot/(qq|wechat|telegram|console)/',
      'what WeChat and QQ share imports neither.',
    ),
    {
      name: 'platforms-apart',
      severity: 'error',
      comment: 'A platform folder never reaches into another one.',
      from: { path: '^src/bot/(telegram|qq|wechat|console)/' },
      to: { path: '^src/bot/(telegram|qq|wechat|console)/', pathNot: '^src/bot/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^dist/' },
  },
};
