// Lint with library fences: each heavy library has one owner folder (../shared/STYLE.md, rule 6).
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const fence = (name, owner) => ({ name, message: `${name} is used only in ${owner}.` });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/realtime/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [fence('socket.io-client', 'src/realtime')] }] },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/map/**', 'src/realtime/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [fence('socket.io-client', 'src/realtime'), fence('maplibre-gl', 'src/map'), fence('vue-echarts', 'src/shared/charts')],
          patterns: [
            { group: ['@deck.gl/*'], message: 'deck.gl is used only in src/map.' },
            { regex: '^echarts(/|$)', message: 'echarts is used only in src/shared/charts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/charts/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [fence('socket.io-client', 'src/realtime'), fence('maplibre-gl', 'src/map')] }] },
  },
  {
    // The protocol is shared with the server: no Vue, no IO.
    files: ['src/protocol/**', 'src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['vue', 'pinia', 'socket.io-client', 'maplibre-gl'].map((n) => fence(n, 'the client layers, not the shared protocol/domain')) },
      ],
    },
  },
  {
    // Stores never talk to the socket; bindRealtime feeds them.
    files: ['src/stores/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@/realtime/socket', '@/realtime/bindRealtime'], message: 'stores are fed by bindRealtime.' }] }] },
  },
);
