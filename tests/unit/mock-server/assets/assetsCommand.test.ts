import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assetsCommand } from '../../../../mock-server/assets/assetsCommand';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cityops-assets-'));
  dirs.push(dir);
  return dir;
}

const GAUGE = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [121.4951, 31.242] }, properties: { kind: 'rainGauge', id: 'RG-OPT', name: '东方明珠雨量站' } }] };

describe('npm run assets', () => {
  it('imports a file into the data directory’s registry and exports it back in the datum asked', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'city.geojson'), JSON.stringify(GAUGE));
    const imported = await assetsCommand(['import', join(dir, 'city.geojson'), '--data-dir', dir], {});
    expect(imported.code).toBe(0);
    expect(imported.lines[0]).toMatch(/imported .*city\.geojson \(wgs84\): 1 added, 0 updated, 0 removed; registry revision 1/);
    expect(imported.lines[1]).toBe('assets: the registry holds rainGauge 1; a running server on this data directory takes it within 2 s');
    const exported = await assetsCommand(['export', '--datum', 'wgs84'], { CITYOPS_DATA_DIR: dir });
    const back = JSON.parse(exported.lines[0]);
    expect(back.features[0].geometry.coordinates).toEqual([121.4951, 31.242]);
    expect(back.features[0].properties.district).toBe('310115');
    const gcj = await assetsCommand(['export', join(dir, 'gcj.geojson'), '--datum', 'gcj02', '--data-dir', dir], {});
    expect(gcj.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'gcj.geojson'), 'utf8')).features[0].geometry.coordinates[0]).toBeCloseTo(121.4996, 3);
  });

  it('refuses a bad file with its problems (exit 1) and bad usage with the usage (exit 2)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.geojson'), '{"type": "FeatureCollection", "features": [{"type": "Feature"}]}');
    const bad = await assetsCommand(['import', join(dir, 'bad.geojson'), '--data-dir', dir], {});
    expect(bad.code).toBe(1);
    expect(bad.lines[0]).toMatch(/not valid GeoJSON; nothing was imported:\nfeatures\[0\] \(line 1\): /);
    expect((await assetsCommand(['import', join(dir, 'missing.geojson'), '--data-dir', dir], {})).code).toBe(1);
    for (const argv of [[], ['import'], ['export', '--replace'], ['import', 'x', '--datum', 'bd09'], ['frobnicate', 'x'], ['import', 'x', '--nope']]) {
      const usage = await assetsCommand([...argv, '--data-dir', dir], {});
      expect(usage.code).toBe(2);
      expect(usage.lines.at(-1)).toContain('\n       npm run assets -- export');
    }
  });
});
