/**
 * The lint fences hold: ESLint's Node API on the real eslint.config.js. Importing a library outside
 * its owner folder fails lint, the owner may import it, and each folder's config carries every fence
 * that applies there (flat config replaces an earlier `no-restricted-imports` instead of merging it,
 * so a fence lost to a later block would pass silently).
 */
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** Lints `code` as if it were the file at `filePath` (which need not exist). */
async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages;
}

const rulesOf = (messages: Linter.LintMessage[]) => messages.map((m) => m.ruleId);

interface FenceOption {
  patterns: { regex: string; message: string }[];
}

async function fenceOptionFor(filePath: string): Promise<FenceOption> {
  const config = (await eslint.calculateConfigForFile(filePath)) as Linter.Config;
  const rule = config.rules?.['no-restricted-imports'] as [unknown, FenceOption];
  return rule[1];
}

describe('library fences', () => {
  it('fail a store that imports socket.io-client or the socket module', async () => {
    const messages = await lint('src/stores/useFenceProbe.ts', "import { io } from 'socket.io-client';\nimport { bindRealtime } from '@/realtime/bindRealtime';\n\nexport const probe = [io, bindRealtime];\n");
    expect(rulesOf(messages)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
    expect(messages[0].message).toContain('only in src/realtime');
    expect(messages[1].message).toContain('bindRealtime feeds them');
  }, 60_000);

  it('let src/realtime import socket.io-client', async () => {
    expect(await lint('src/realtime/fenceProbe.ts', "import { io } from 'socket.io-client';\n\nexport const probe = io;\n")).toEqual([]);
  }, 60_000);

  it('fail an HTTP route that imports a storage driver', async () => {
    const messages = await lint('mock-server/http/fenceProbeRoutes.ts', "import Database from 'better-sqlite3';\n\nexport const probe = Database;\n");
    expect(rulesOf(messages)).toEqual(['no-restricted-imports']);
    expect(messages[0].message).toContain('only in mock-server/storage');
  }, 60_000);

  it('let mock-server/storage import the storage driver', async () => {
    expect(await lint('mock-server/storage/fenceProbe.ts', "import Database from 'better-sqlite3';\n\nexport const probe = Database;\n")).toEqual([]);
  }, 60_000);

  it('keep the shared protocol free of Vue, libraries, client folders and server code', async () => {
    const messages = await lint(
      'src/protocol/fenceProbe.ts',
      [
        "import { ref } from 'vue';",
        "import { Map } from 'maplibre-gl';",
        "import { ScatterplotLayer } from '@deck.gl/layers';",
        "import { use } from 'echarts/core';",
        "import { io } from 'socket.io-client';",
        "import { useLiveStore } from '@/stores/useLiveStore';",
        "import { openDatabase } from '../../mock-server/storage/database';",
        '',
        'export const probe = [ref, Map, ScatterplotLayer, use, io, useLiveStore, openDatabase];',
        '',
      ].join('\n'),
    );
    // Server code breaks two fences (client never imports it; shared code imports only shared code).
    expect([...new Set(messages.map((m) => m.line))]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([...new Set(rulesOf(messages))]).toEqual(['no-restricted-imports']);
  }, 60_000);

  it('let the server import src/protocol and src/domain, and nothing else from src/', async () => {
    const messages = await lint(
      'mock-server/http/fenceProbeRoutes.ts',
      [
        "import type { WireCatalog } from '../../src/protocol/assets';",
        "import { congestionBandOf } from '../../src/domain/congestion';",
        "import { useLiveStore } from '../../src/stores/useLiveStore';",
        '',
        'export const probe: [WireCatalog | undefined, unknown, unknown] = [undefined, congestionBandOf, useLiveStore];',
        '',
      ].join('\n'),
    );
    expect(messages.map((m) => [m.line, m.ruleId])).toEqual([[3, 'no-restricted-imports']]);
  }, 60_000);

  // What each kind of file must not import, and what it may: checked against the config ESLint
  // computes for a real file there (what `npx eslint --print-config <file>` shows).
  const STORE_BANS = ['socket.io-client', 'maplibre-gl', '@deck.gl/core', 'echarts/core', 'vue-echarts', 'better-sqlite3', 'fastify', '../../mock-server/app', '@/realtime/socket', '@/realtime/bindRealtime'];
  const SHARED_BANS = ['vue', 'pinia', 'vue-i18n', 'socket.io-client', 'maplibre-gl', '@deck.gl/layers', 'echarts', 'vue-echarts', 'better-sqlite3', '../../mock-server/app', '@/stores/useLiveStore', '../map/mapOverlay'];
  const SERVER_BANS = ['vue', 'pinia', 'socket.io-client', 'maplibre-gl', '@deck.gl/core', 'echarts/core', 'vue-echarts', 'better-sqlite3', 'pg', '../../src/stores/useLiveStore', '../../src/map/mapOverlay', '@/shared/charts/echarts'];
  it.each([
    ['a store', 'src/stores/useLiveStore.ts', STORE_BANS, ['vue', 'pinia', '@/protocol/assets', '@/domain/congestion', '@/realtime/feedState']],
    ['a protocol module', 'src/protocol/events.ts', SHARED_BANS, ['zod', './assets', '../domain/congestion', '@/domain/congestion']],
    ['a domain module', 'src/domain/congestion.ts', SHARED_BANS, ['./rainBands', '../protocol/assets']],
    ['a server route', 'mock-server/http/incidentRoutes.ts', SERVER_BANS, ['fastify', 'socket.io', 'zod', '../../src/protocol/events', '../../src/domain/congestion', '../storage/database']],
    ['the storage repositories', 'mock-server/storage/database.ts', SERVER_BANS.filter((s) => !['better-sqlite3', 'pg'].includes(s)), ['better-sqlite3', 'pg']],
    ['the chart wrapper', 'src/shared/charts/echarts.ts', ['socket.io-client', 'maplibre-gl', '@deck.gl/core', 'better-sqlite3'], ['echarts/core', 'vue-echarts', 'vue']],
    ['a map module', 'src/map/mapOverlay.ts', ['socket.io-client', 'echarts/core', 'better-sqlite3'], ['maplibre-gl', '@deck.gl/core', '@deck.gl/layers', 'vue']],
  ])('give %s every fence that applies there', async (_what, file, banned, allowed) => {
    const patterns = (await fenceOptionFor(file)).patterns.map((p) => new RegExp(p.regex, 'iu'));
    const isBanned = (specifier: string) => patterns.some((p) => p.test(specifier));
    expect(banned.filter((s) => !isBanned(s))).toEqual([]);
    expect(allowed.filter(isBanned)).toEqual([]);
  }, 60_000);
});

describe('structure rules', () => {
  it('fail an import cycle', async () => {
    // The codec imports the wire formats; a wire-format module that imported the codec back closes a ring.
    const messages = await lint('src/protocol/wireFormat.ts', "import { encodeFull } from './channelCodec';\n\nexport const probe = encodeFull;\n");
    expect(rulesOf(messages)).toContain('import-x/no-cycle');
  }, 60_000);

  it('fail a source file over 400 lines', async () => {
    const code = Array.from({ length: 401 }, (_, i) => `export const line${i} = ${i};`).join('\n') + '\n';
    expect(rulesOf(await lint('mock-server/fenceProbe.ts', code))).toEqual(['max-lines']);
    expect(await lint('mock-server/fenceProbe.ts', code.split('\n').slice(200).join('\n'))).toEqual([]);
  }, 60_000);
});
