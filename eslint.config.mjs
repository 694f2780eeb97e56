// ESLint flat config: typescript-eslint's recommended rules over server/, migrations/ and test/.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'admin/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      // TypeORM and type-graphql identify entities and classes by constructor: `Function` is their type.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
);
