// ESLint flat config. Besides the usual rules it enforces the process boundaries of
// docs/architecture.md#what-may-import-what; test/fixtures/lint/ holds one file per rule that must fail (test/unit/lint).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads', 'zlib'];
const nodePaths = (message) => NODE_BUILTINS.map((name) => ({ name, message }));
const nodePatterns = [{ group: ['node:*'], message: 'src-shared must stay platform-free: no Node built-ins.' }];

/** What may reach the tables: repositories, the db/ folder (connection, migrations, helpers). */
const DATA_ACCESS_FILES = ['src-main/core/**/*-repository.ts', 'src-main/core/**/*-repositories.ts', 'src-main/core/db/**/*.ts'];
const DATA_ACCESS_MESSAGE =
  'Only repositories (*-repository.ts, *-repositories.ts) and src-main/core/db reach the tables: add a method to the repository of the aggregate instead (docs/architecture.md).';

/** Restrictions composed per folder (a later flat-config block replaces a rule's options, so they are built whole). */
const parts = {
  core: {
    paths: [{ name: 'electron', message: 'src-main/core is plain Node: never import electron (inject a port instead).' }],
    patterns: [
      { group: ['electron/*', 'electron-log*'], message: 'src-main/core is plain Node: electron and electron-log stay in src-main/shell.' },
      { group: ['**/shell/**', '**/preload/**', '../shell/*', '../../shell/*'], message: 'the core must not depend on the shell.' },
      { group: ['**/src-renderer/**'], message: 'the core must not import renderer code.' },
    ],
  },
  /** src-main/core only: the simulator, the harness and the CLI reach it through the ports of createCore */
  coreOnly: {
    patterns: [
      {
        group: ['**/simulator', '**/simulator/**', '**/harness', '**/harness/**', '**/cli', '**/cli/**', '**/cli.ts', '**/cli.js'],
        message: 'src-main/core must not import the simulator, the harness or the CLI: they inject ports (e.g. demoShop) into createCore.',
      },
    ],
  },
  dataAccess: {
    patterns: [{ group: ['**/db/schema', '**/db/schema/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: DATA_ACCESS_MESSAGE }],
  },
};
const restrictedImports = (...ps) => ['error', { paths: ps.flatMap((p) => p.paths ?? []), patterns: ps.flatMap((p) => p.patterns ?? []) }];
const NO_RAW_IPC = [
  { selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]", message: 'Only src-main/shell and src-main/preload may use ipcMain / ipcRenderer.' },
  { selector: "MemberExpression[property.name=/^ipc(Main|Renderer)$/]", message: 'Only src-main/shell and src-main/preload may use ipcMain / ipcRenderer.' },
];
const NO_PREPARED_SQL = [{ selector: "CallExpression[callee.property.name='prepare']", message: DATA_ACCESS_MESSAGE }];

export const boundaryRules = {
  shared: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'electron', message: 'src-shared must not import electron.' },
          { name: 'react', message: 'src-shared must not import React.' },
          { name: 'better-sqlite3', message: 'src-shared must not touch the database.' },
          ...nodePaths('src-shared must stay platform-free: no Node built-ins.'),
        ],
        patterns: [
          ...nodePatterns,
          { group: ['**/src-main/**', '**/src-renderer/**', '../src-main/*', '../src-renderer/*'], message: 'src-shared must not import process code.' },
          { group: ['electron/*', 'electron-log*', 'react-dom*', 'drizzle-orm*'], message: 'src-shared must stay platform-free.' },
        ],
      },
    ],
  },
  core: { 'no-restricted-imports': restrictedImports(parts.core) },
  /** src-main/core outside the repositories */
  coreModules: {
    'no-restricted-imports': restrictedImports(parts.core, parts.coreOnly, parts.dataAccess),
    'no-restricted-syntax': ['error', ...NO_RAW_IPC, ...NO_PREPARED_SQL],
  },
  /** repositories and db/: the tables, but still no simulator / harness / CLI / shell */
  coreDataAccess: { 'no-restricted-imports': restrictedImports(parts.core, parts.coreOnly) },
  /** the CLI, the harness and the shell talk to the core's services, never to the tables */
  transports: {
    'no-restricted-imports': restrictedImports(parts.core, parts.dataAccess),
    'no-restricted-syntax': ['error', ...NO_RAW_IPC, ...NO_PREPARED_SQL],
  },
  renderer: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'electron', message: 'the renderer talks to main only through window.api.' },
          ...nodePaths('the renderer is sandboxed: no Node built-ins.'),
        ],
        patterns: [
          { group: ['**/src-main/**', '../src-main/*', '../../src-main/*'], message: 'src-renderer must not import src-main (use the IPC contract).' },
          ...nodePatterns.map((p) => ({ ...p, message: 'the renderer is sandboxed: no Node built-ins.' })),
        ],
      },
    ],
  },
  /** only shell/ and preload/ may touch ipcMain / ipcRenderer */
  noRawIpc: { 'no-restricted-syntax': ['error', ...NO_RAW_IPC] },
};

/**
 * The renderer's one way for each thing (see src-renderer/queries/data-changed.ts): query keys and
 * cache refreshes live in src-renderer/queries/, number and time formatting in src-renderer/format/,
 * and no double cast hides a type error. Each group is lifted for its own folder only.
 */
const queryLayerSelectors = [
  { selector: "Property[key.name='queryKey']", message: 'Query keys live in src-renderer/queries/<feature>.ts (key factory + queryOptions): use those here.' },
  {
    selector: "CallExpression[callee.property.name=/^(invalidateQueries|refetchQueries|resetQueries|removeQueries|setQueryData)$/]",
    message: "Data is refreshed by main's data:changed or by a mutation's meta.changes (src-renderer/queries/data-changed.ts), not by hand.",
  },
];
const formatSelectors = [
  { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]", message: 'Format with src-renderer/format/ (formatYen, formatCount, formatJstDateTime).' },
  { selector: "MemberExpression[object.name='Intl']", message: 'Format with src-renderer/format/ (formatYen, formatCount, formatJstDateTime).' },
];
const doubleCastSelectors = [
  {
    selector: "TSAsExpression > TSAsExpression.expression > TSUnknownKeyword.typeAnnotation",
    message: "'as unknown as' hides a type error: type the value instead (e.g. src-renderer/ipc/master-api.ts).",
  },
];
export const rendererRules = {
  everywhere: { 'no-restricted-syntax': ['error', ...NO_RAW_IPC, ...queryLayerSelectors, ...formatSelectors, ...doubleCastSelectors] },
  queries: { 'no-restricted-syntax': ['error', ...NO_RAW_IPC, ...formatSelectors, ...doubleCastSelectors] },
  format: { 'no-restricted-syntax': ['error', ...NO_RAW_IPC, ...queryLayerSelectors, ...doubleCastSelectors] },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'drizzle/**', 'test-output/**', 'release/**', 'build/**', '.data/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  { files: ['src-shared/**/*.ts'], rules: { ...boundaryRules.shared, ...boundaryRules.noRawIpc } },
  { files: ['src-main/core/**/*.ts', 'src-main/simulator/**/*.ts', 'src-main/cli.ts', 'src-main/cli/**/*.ts', 'src-main/harness/**/*.ts'], rules: { ...boundaryRules.core, ...boundaryRules.noRawIpc } },
  { files: ['src-main/core/**/*.ts'], ignores: DATA_ACCESS_FILES, rules: boundaryRules.coreModules },
  { files: DATA_ACCESS_FILES, rules: { ...boundaryRules.coreDataAccess, ...boundaryRules.noRawIpc } },
  { files: ['src-main/cli.ts', 'src-main/cli/**/*.ts', 'src-main/harness/**/*.ts'], rules: boundaryRules.transports },
  // the shell may use electron and ipcMain, but reaches data only through the core's services
  { files: ['src-main/shell/**/*.ts'], rules: { 'no-restricted-imports': restrictedImports(parts.dataAccess), 'no-restricted-syntax': ['error', ...NO_PREPARED_SQL] } },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...boundaryRules.renderer, ...rendererRules.everywhere, 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['src-renderer/queries/**/*.ts'], rules: rendererRules.queries },
  { files: ['src-renderer/format/**/*.ts'], rules: rendererRules.format },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'tests run without Electron: use test/helpers/fake-electron.ts.' }] }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
