// Type-aware linting: the retry code is all promises, and typescript-eslint's
// no-floating-promises / no-misused-promises catch the mistakes that matter there.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // client-node's models (V1ObjectMeta, ...) are plain data classes; literals are how users fill them.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `const { dropped: _dropped, ...rest } = object` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises that the runner itself awaits.
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test'], package: 'node:test' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests throw raw Status objects and other non-Errors, as real clients do.
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  // The layers (docs/ARCHITECTURE.md): core at the bottom needs nothing but itself; each layer
  // above imports only layers below it, and never the test servers or the CLI.
  {
    files: ['src/core/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreOnly('^(?!\\./)')] }] },
  },
  {
    files: ['src/core/*/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreOnly('^(?!\\.\\.?/)|^\\.\\./\\.\\./')] }] },
  },
  ...libraryLayers(),
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // A line-by-line mirror of Go's encoding/json scanner: kept whole so it can be read against Go's.
    files: ['src/testing/server/go/go-json-error.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);

/**
 * One override per library layer above core: it may import the layers below it, never one above
 * it, never the test servers, never the CLI.
 */
function libraryLayers() {
  const order = ['client', 'update', 'strategies', 'lab', 'report', 'cli'];
  return order.slice(0, -1).map((layer, index) => {
    const above = [...order.slice(index + 1), 'testing'];
    const regex = `(^|/)(${above.join('|')})/`;
    const message = `${layer}/ sits below ${above.join(', ')}: move what both need down a layer (docs/ARCHITECTURE.md)`;
    return {
      files: [`src/${layer}/**/*.ts`],
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
    };
  });
}

/** An import pattern for core: nothing outside core, no package, no node:* module. */
function coreOnly(regex) {
  return { regex, message: 'core imports only core: no package, no node:* module, nothing from another layer' };
}
