// Lint with library fences: each heavy library has one owner folder (../shared/STYLE.md, rule 6).
//
// In flat config a later `no-restricted-imports` replaces an earlier one instead of adding to it, so
// the fences are not written as overlapping blocks. Each fence says where it applies; every folder a
// fence names becomes an area; each area gets one block, carrying every fence that applies there and
// ignoring its sub-areas, so each file matches exactly one fence block.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The fences. `inside`: folders where the fence holds; `except`: folders inside those where it does
 * not; `bans`: import specifiers matched by regular expression, each with the reason shown to whoever
 * trips it. A folder is a path prefix relative to the repository root, ending in `/`.
 */
const FENCES = [
  {
    inside: ['src/', 'mock-server/'],
    except: ['src/realtime/'],
    bans: [{ regex: '^socket\\.io-client(/|$)', message: 'socket.io-client is used only in src/realtime (the one socket owner).' }],
  },
  {
    inside: ['src/', 'mock-server/'],
    except: ['src/map/'],
    bans: [
      { regex: '^maplibre-gl(/|$)', message: 'maplibre-gl is used only in src/map.' },
      { regex: '^@deck\\.gl/', message: 'deck.gl is used only in src/map.' },
    ],
  },
  {
    inside: ['src/', 'mock-server/'],
    except: ['src/shared/charts/'],
    bans: [{ regex: '^(vue-)?echarts(/|$)', message: 'echarts and vue-echarts are used only in src/shared/charts (the chart wrapper and its registrations).' }],
  },
  {
    // The shared contract and domain rules run on both sides; the server has no Vue.
    inside: ['src/protocol/', 'src/domain/', 'mock-server/'],
    except: [],
    bans: [{ regex: '^(vue|pinia|vue-router|vue-i18n|@vue/[^/]+)(/|$)', message: 'Vue and its libraries belong to the client UI, not to src/protocol, src/domain or mock-server.' }],
  },
  {
    inside: ['src/protocol/', 'src/domain/'],
    except: [],
    bans: [
      { regex: '^(@/|\\.\\./)(?!protocol/|domain/)', message: 'src/protocol and src/domain are shared with the server: they import only each other.' },
    ],
  },
  {
    inside: ['src/'],
    except: [],
    bans: [
      { regex: '(^|/)mock-server(/|$)', message: 'The client never imports server code; shared types live in src/protocol.' },
      { regex: '^(socket\\.io|fastify|@fastify/[^/]+)(/|$)', message: 'Server libraries stay in mock-server; the client talks to them over HTTP and src/realtime.' },
    ],
  },
  {
    inside: ['src/stores/'],
    except: [],
    bans: [{ regex: '(^|/)realtime/(socket|bindRealtime)(\\.ts)?$', message: 'Stores never import the socket: bindRealtime feeds them.' }],
  },
  {
    inside: ['src/', 'mock-server/'],
    except: ['mock-server/storage/'],
    bans: [{ regex: '^(better-sqlite3|pg|@electric-sql/pglite)(/|$)', message: 'Storage drivers are used only in mock-server/storage (the repositories).' }],
  },
  {
    inside: ['mock-server/'],
    except: [],
    bans: [
      {
        regex: '^((\\.\\./)+src/|@/)(?!protocol/|domain/)',
        message: 'mock-server imports from src/ only the shared src/protocol and src/domain.',
      },
    ],
  },
];

const within = (folder, prefixes) => prefixes.some((p) => folder.startsWith(p));

/** Every fence that holds in `folder` (a path prefix ending in `/`), merged into one rule option. */
function fencesFor(folder) {
  const bans = FENCES.filter((f) => within(folder, f.inside) && !within(folder, f.except)).flatMap((f) => f.bans);
  return { patterns: bans.map(({ regex, message }) => ({ regex, message })) };
}

/** The folders that fences name: each is linted by one block of its own. */
const FENCE_AREAS = [...new Set(FENCES.flatMap((f) => [...f.inside, ...f.except]))].sort();

const SOURCE = '**/*.{js,mjs,ts,vue}';
/** The bench's baseline pages run in the browser like the app (tsconfig.app.json has the same list). */
const BROWSER_PAGES = ['bench/baselines/{blankMap,deckPage,maplibrePage,liveFeed,sceneColours}.ts'];
/** Shared by client and server: only the globals both have. */
const SHARED = [`src/protocol/${SOURCE}`, `src/domain/${SOURCE}`];

const fenceBlocks = FENCE_AREAS.map((area) => ({
  name: `cityops/fences ${area}`,
  files: [`${area}${SOURCE}`],
  ignores: FENCE_AREAS.filter((sub) => sub !== area && sub.startsWith(area)).map((sub) => `${sub}**`),
  rules: { 'no-restricted-imports': ['error', fencesFor(area)] },
}));

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
  // Globals follow the tsconfig split: the app runs in the browser, the server and tooling in Node,
  // and the shared protocol/domain in both (only what both have).
  // Globals from several matching blocks add up, so each block leaves out the others' files.
  { name: 'cityops/globals node', files: [SOURCE], ignores: ['src/**', ...BROWSER_PAGES], languageOptions: { globals: globals.node } },
  { name: 'cityops/globals browser', files: [`src/${SOURCE}`, ...BROWSER_PAGES], ignores: SHARED, languageOptions: { globals: globals.browser } },
  { name: 'cityops/globals shared', files: SHARED, languageOptions: { globals: globals['shared-node-browser'] } },
  ...fenceBlocks,
  {
    name: 'cityops/structure',
    files: [`src/${SOURCE}`, `mock-server/${SOURCE}`],
    plugins: { 'import-x': importX },
    // The cycle check parses the .vue files a module imports with these options too: their scripts are TS.
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      // Which files the cycle check reads, and with which parser (the plugin reads only .js by default).
      'import-x/extensions': ['.ts', '.vue', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'], 'vue-eslint-parser': ['.vue'] },
    },
    rules: {
      // Type-only imports are not followed here (they have no run-time effect); the shared
      // import-cycles tool counts them too. Packages cannot import our code, so they are not read.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', { max: 400 }],
    },
  },
);
