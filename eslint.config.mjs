// ESLint flat config: typescript-eslint's recommended rules over every TypeScript file we write,
// and Prettier's config last (formatting is Prettier's job, checked by `prettier --check`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'reports/', '.stryker-tmp/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  prettier,
  // After Prettier's config, which turns it off: Prettier wraps code at 120 but leaves long strings and
  // comments alone, so this catches those.
  { files: ['**/*.ts'], rules: { 'max-len': ['error', { code: 120, ignoreUrls: true }] } },
);
