// https://eslint.vuejs.org/user-guide/ — flat config for Vue + TypeScript
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import globals from 'globals'

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'dist-bench/**', '.bench-profile/**', 'dev-dist/**', 'node_modules/**', 'coverage/**', 'src/components.d.ts'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'vue/multi-word-component-names': 'off',
      // Layout of templates is a formatter's business, not the linter's.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only src/db may touch Dexie
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['vue', 'pinia', 'vue-router', 'dexie', 'element-plus', '@/db/*', '@/stores/*', '@/views/*', '@/components/*'], message: 'src/domain holds pure rules: no Vue, no Dexie, no outer layers.' },
      ] }],
    },
  },
  {
    files: ['src/stores/**/*.ts', 'src/views/**/*.{ts,vue}', 'src/components/**/*.{ts,vue}', 'src/composables/**/*.ts', 'src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['dexie'], message: 'Only src/db touches Dexie: use a repository.' },
      ] }],
    },
  },
  {
    files: ['src/views/**/*.{ts,vue}', 'src/components/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['dexie'], message: 'Only src/db touches Dexie: use a repository through a store.' },
        { regex: '^@/db(?!/errors$)', message: 'Views reach data through Pinia stores (only @/db/errors, the shared error kinds, is allowed).' },
      ] }],
    },
  },
  {
    // The benchmark page mounts components through bare render-function roots.
    files: ['bench/**/*.ts'],
    rules: { 'vue/one-component-per-file': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
