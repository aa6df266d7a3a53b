/**
 * ESLint 9 flat config: ESLint's and typescript-eslint's recommended rules, plus the Office.js
 * rules of eslint-plugin-office-addins. That plugin's own `recommended` config is not used
 * as a whole: it brings Prettier as a lint rule and an older bundled typescript-eslint parser,
 * so its Office rules are mapped here at the levels it recommends.
 */
const { defineConfig, globalIgnores } = require('eslint/config');
const js = require('@eslint/js'); // ESLint's own rule sets; installed with eslint 9
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');

/** The Office.js rules, as eslint-plugin-office-addins' recommended config sets them. */
const officeRules = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'warn',
  'office-addins/no-empty-load': 'warn',
  'office-addins/no-navigational-load': 'warn',
  'office-addins/no-office-initialize': 'warn',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

/** Where Office.js code lives: the Excel host, the pane, the ribbon commands, their tests. */
const OFFICE_JS_FILES = [
  'src/hosts/excel/**/*.ts',
  'src/taskpane/**/*.ts',
  'src/commands/**/*.ts',
  'tests/**/*excel-host*.ts',
  'tests/**/*office*.ts',
];

/** Node's built-in modules by their bare names (`fs`, `path` …), forbidden where node:* is. */
const NODE_BUILTINS = require('node:module').builtinModules.filter((m) => !m.startsWith('_') && !m.includes('/'));

/** Outside the core, the core is entered through its front door only. */
const OUTSIDE_CORE = [
  { group: ['**/core/*', '!**/core/index'], message: 'Enter the core through src/core/index.ts.' },
  { group: ['**/core/*/**'], message: 'Enter the core through src/core/index.ts.' },
];

const nodeGlobals = Object.fromEntries(
  ['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'setTimeout', 'clearTimeout'].map(
    (name) => [name, 'readonly'],
  ),
);

module.exports = defineConfig(
  globalIgnores(['dist/**', 'build/**', 'out/**', 'coverage/**', '.bench/**', 'test-results/**']),
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (as tsconfig's noUnused* allow)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Office.js rules only where Office.js is used: they recognise proxy objects by shape
    // (x = ws.getCell(); x.font) and would misfire on ExcelJS code elsewhere.
    files: OFFICE_JS_FILES,
    plugins: { 'office-addins': officeAddins },
    rules: officeRules,
  },
  // The architecture's boundaries (../shared/docs/architecture.md), held by lint so that a
  // forbidden import fails `npm test`: the core is pure; code outside it enters through
  // src/core/index.ts; a host never reaches into the pane or the command line; the file host
  // runs in the browser too, so it has no node:*; the command line never loads Office.js.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_BUILTINS.map((name) => ({ name, message: 'The core is pure: no node:* modules.' })),
        patterns: [
          { group: ['node:*'], message: 'The core is pure: no node:* modules.' },
          { group: ['exceljs', 'exceljs/*', 'docx', 'fflate', 'htmlparser2', 'saxes', 'office-js'], message: 'The core is pure: no workbook, document or Office libraries.' },
          { group: ['**/hosts/**', '**/taskpane/**', '**/cli/**', '**/commands/**'], message: 'The core never reaches a host, the pane or the command line.' },
        ],
      }],
    },
  },
  {
    files: ['src/hosts/**/*.ts', 'src/taskpane/**/*.ts', 'src/cli/**/*.ts', 'src/commands/**/*.ts', 'src/workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...OUTSIDE_CORE] }],
    },
  },
  {
    files: ['src/hosts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...OUTSIDE_CORE, { group: ['**/taskpane/**', '**/cli/**'], message: 'A host never reaches into the pane or the command line.' }],
      }],
    },
  },
  {
    files: ['src/hosts/xlsx/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_BUILTINS.map((name) => ({ name, message: 'The file host runs in the browser too: no node:* modules.' })),
        patterns: [
          ...OUTSIDE_CORE,
          { group: ['**/taskpane/**', '**/cli/**'], message: 'A host never reaches into the pane or the command line.' },
          { group: ['node:*'], message: 'The file host runs in the browser too: no node:* modules.' },
        ],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...OUTSIDE_CORE, { group: ['**/hosts/excel/**', '**/hosts/excel', '**/taskpane/**'], message: 'The command line never loads the Office.js host or the pane.' }],
      }],
    },
  },
  {
    files: ['**/*.cjs', '*.js', 'scripts/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
  },
);
