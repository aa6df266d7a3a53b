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
  {
    files: ['**/*.cjs', '*.js', 'scripts/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: nodeGlobals },
  },
);
