import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

const unsafe = 'Untrusted data must be bound as text: see STYLE.md "Safety by construction".';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'storybook-static/**', '**/*.d.ts', 'bench/.tmp/**', '**/custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'lit/directives/unsafe-html.js', message: unsafe },
          { name: 'lit/directives/unsafe-svg.js', message: unsafe },
          { name: 'lit/directives/style-map.js', message: 'Inline styles break under a strict CSP.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: unsafe },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: unsafe },
        { selector: "CallExpression[callee.property.name='write'][callee.object.name='document']", message: unsafe },
        { selector: "TemplateLiteral > TemplateElement[value.raw=/style=\"?$/]", message: 'Inline style bindings break under a strict CSP.' },
      ],
      'lit/no-template-bind': 'error',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/*.stories.ts', 'bench/**', 'scripts/**', 'demo/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-restricted-syntax': 'off' },
  },
);
