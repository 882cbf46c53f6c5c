import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRegistryGeoJson } from '../../../../mock-server/assets/readRegistryGeoJson';
import { RegistryImportError } from '../../../../mock-server/assets/registryImportError';

/** The public cases as they are (../shared/data/geojson-edge-cases/SOURCE.txt): geojsonhint, check-geojson, turf. */
const CASES = fileURLToPath(new URL('../../../../../shared/data/geojson-edge-cases/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(join(CASES, dir))
    .flatMap((name) => (statSync(join(CASES, dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))
    .filter((f) => /\.(geo)?json$/.test(f))
    .sort();
}

function refusal(file: string): RegistryImportError {
  try {
    readRegistryGeoJson(readFileSync(join(CASES, file), 'utf8'));
  } catch (err) {
    if (err instanceof RegistryImportError) return err;
    throw err;
  }
  throw new Error(`${file} was accepted`);
}

/** geojsonhint's expected messages for a bad file (its `.result`, the oracle). */
const oracle = (file: string): { message: string; level?: string }[] => JSON.parse(readFileSync(join(CASES, file.replace(/\.geojson$/, '.result')), 'utf8'));

/**
 * geojsonhint lists these as bad only for advice RFC 7946 leaves to the writer (the right-hand rule,
 * which parsers "SHOULD NOT" enforce; a one-geometry GeometryCollection) or for nothing at all (its
 * precision case expects no message). check-geojson passes them, and so do we as GeoJSON; each is
 * still refused, as not a registry (a bare geometry, not a FeatureCollection of assets).
 */
const ADVISORY = ['bad-polygon-interiorring-rhr.geojson', 'excessive_precision_truncated.geojson', 'geometrycollection_single.geojson', 'polygon_winding_order.geojson'];

const BAD = [...filesUnder('geojsonhint/bad'), ...filesUnder('check-geojson-extra/bad')];
const GOOD = filesUnder('geojsonhint/good');
const TURF = filesUnder('turf');

describe('registry import of the public GeoJSON edge cases', () => {
  it('has the material (../shared/data/geojson-edge-cases)', () => {
    expect(existsSync(CASES)).toBe(true);
    expect(BAD.length).toBe(46);
    expect(GOOD.length).toBe(18);
    expect(TURF.length).toBeGreaterThan(30);
  });

  it.each(BAD.filter((f) => !ADVISORY.some((a) => f.endsWith(a))))('refuses bad GeoJSON %s as not valid GeoJSON, with a message', (file) => {
    const err = refusal(file);
    expect(err.layer).toBe('geojson');
    expect(err.problems.length).toBeGreaterThan(0);
    expect(err.message).toMatch(/^not valid GeoJSON; nothing was imported:\n.+/);
    for (const p of err.problems) expect(p.message.length).toBeGreaterThan(5);
    if (file.startsWith('geojsonhint') && existsSync(join(CASES, file.replace(/\.geojson$/, '.result')))) expect(oracle(file).length).toBeGreaterThan(0);
  });

  it.each(ADVISORY.map((f) => `geojsonhint/bad/${f}`))('passes %s as GeoJSON (geojsonhint only advises on it) but refuses it as not a registry', (file) => {
    expect(oracle(file).every((o) => o.level === 'message' || /should/.test(o.message))).toBe(true);
    const err = refusal(file);
    expect(err.layer).toBe('registry');
    expect(err.message).toMatch(/a registry is a FeatureCollection of assets, not a (Polygon|LineString|GeometryCollection)/);
  });

  it.each(GOOD)('accepts good GeoJSON %s as valid GeoJSON, then refuses it as not a registry (no kind)', (file) => {
    const err = refusal(file);
    expect(err.layer).toBe('registry');
    const root = JSON.parse(readFileSync(join(CASES, file), 'utf8'));
    if (root.type === 'FeatureCollection') {
      // Every feature is named, by index, for the property a registry needs first.
      expect(err.problems.map((p) => [p.feature, p.field])).toEqual(root.features.map((_: unknown, i: number) => [i, 'properties.kind']));
      expect(err.problems[0].message).toMatch(/^must be one of rainGauge, waterGauge/);
    } else {
      expect(err.problems).toEqual([{ message: `a registry is a FeatureCollection of assets, not a ${root.type}` }]);
    }
  });

  it.each(TURF)('refuses turf case %s with a message, as bad GeoJSON or as not a registry', (file) => {
    const err = refusal(file);
    expect(err.problems.length).toBeGreaterThan(0);
    // OGC validity (spikes, punctures, overlaps, kinks) is not GeoJSON validity: those pass as GeoJSON.
    if (/boolean-valid\/true|self-intersecting|antimeridian/.test(file)) expect(err.layer).toBe('registry');
  });
});

const feature = (properties: unknown, geometry: unknown = { type: 'Point', coordinates: [121.5, 31.24] }) => ({ type: 'Feature', geometry, properties });
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 2);

describe('readRegistryGeoJson', () => {
  it('reads each kind’s properties, dropping a third coordinate and taking the file’s datum member', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      datum: 'gcj02',
      features: [
        feature({ kind: 'waterGauge', id: 'WL-1', name: '陆家嘴', warning: 4.5, danger: 5 }, { type: 'Point', coordinates: [121.5, 31.24, 4] }),
        feature({ kind: 'pumpStation', id: 7, name: '泵站', capacityM3s: 2 }),
        feature({ kind: 'roadSegment', id: 'R1', roadClass: 'local' }, { type: 'LineString', coordinates: [[121.5, 31.2], [121.51, 31.2]] }),
      ],
    });
    const file = readRegistryGeoJson(text);
    expect(file.datum).toBe('gcj02');
    expect(file.features.map((f) => [f.index, f.kind, f.positions])).toEqual([
      [0, 'waterGauge', [[121.5, 31.24]]],
      [1, 'pumpStation', [[121.5, 31.24]]],
      [2, 'roadSegment', [[121.5, 31.2], [121.51, 31.2]]],
    ]);
    // Defaults filled in: a pump's levels, a road's empty name; a numeric id as text.
    expect(file.features[1].properties).toMatchObject({ id: '7', start: 2.1, stop: 0.8 });
    expect(file.features[2].properties).toMatchObject({ name: '' });
  });

  it('lists every problem with its feature, field and line, and imports nothing', () => {
    const text = collection(
      feature({ kind: 'waterGauge', id: 'WL-1', name: 'x', warning: '4.5', danger: 5 }),
      feature({ kind: 'waterGauge', id: 'WL-2', name: 'y', warning: 5, danger: 4.5, colour: 'red' }),
      feature({ kind: 'team', id: 'T', name: 't', teamType: 'firemen' }),
      feature({ kind: 'rainGauge', id: 'R', name: 'r' }, { type: 'LineString', coordinates: [[121.5, 31.2], [121.6, 31.2]] }),
      feature({ kind: 'rainGauge', id: 'S', name: 's' }, { type: 'Point', coordinates: [31.2, 121.5] }),
      feature({ kind: 'dam', id: 'D', name: 'd' }),
    );
    const err = (() => {
      try {
        readRegistryGeoJson(text);
      } catch (e) {
        return e as RegistryImportError;
      }
      throw new Error('accepted');
    })();
    expect(err.layer).toBe('registry');
    expect(err.problems.map((p) => `${p.feature} ${p.field} ${p.line}`)).toEqual([
      // Each line is where the feature starts.
      '0 properties.warning 4',
      '1 properties 21',
      '1 properties.danger 21',
      '2 properties.teamType 39',
      '3 geometry 55',
      '4 geometry.coordinates 76',
      '5 properties.kind 91',
    ]);
    expect(text.split('\n')[20]).toBe('    {');
    expect(err.message).toContain('features[0].properties.warning (line 4): Invalid input: expected number, received string');
    expect(err.message).toContain('features[1].properties (line 21): Unrecognized key: "colour"');
    expect(err.message).toContain('features[1].properties.danger (line 21): must be above warning');
    expect(err.message).toContain('features[3].geometry (line 55): a rainGauge is a Point, not a LineString');
    expect(err.message).toContain('features[4].geometry.coordinates (line 76): latitude 121.5 is outside -90…90 (is it lon, lat?)');
  });

  it('checks a gauge’s danger line against its warning line once both are numbers', () => {
    expect(() => readRegistryGeoJson(collection(feature({ kind: 'waterGauge', id: 'W', name: 'w', warning: 5, danger: 4 })))).toThrow(/properties\.danger.*must be above warning/);
    expect(() => readRegistryGeoJson(JSON.stringify({ type: 'FeatureCollection', datum: 'bd09', features: [] }))).toThrow(/datum: must be wgs84 or gcj02/);
  });
});

/** A case file's (first) geometry, whether the file is a FeatureCollection, a Feature or a bare geometry. */
const geometryIn = (file: string) => {
  const root = JSON.parse(readFileSync(join(CASES, file), 'utf8'));
  return root.type === 'FeatureCollection' ? root.features[0].geometry : root.type === 'Feature' ? root.geometry : root;
};
const asCompound = (geometry: unknown) => collection(feature({ kind: 'residentialCompound', id: 'RC-1', name: '小区' }, geometry));
const read = (text: string): RegistryImportError | 'accepted' => {
  try {
    readRegistryGeoJson(text);
    return 'accepted';
  } catch (err) {
    if (err instanceof RegistryImportError) return err;
    throw err;
  }
};

describe('an area kind’s outline (a residential compound, a GeoJSON Polygon)', () => {
  it('reads the ring open, its closing position dropped, and refuses a Point', () => {
    const ring = [[121.4, 31.2], [121.401, 31.2], [121.401, 31.201], [121.4, 31.201], [121.4, 31.2]];
    const file = readRegistryGeoJson(asCompound({ type: 'Polygon', coordinates: [ring] }));
    expect(file.features[0].positions).toEqual(ring.slice(0, 4));
    const err = read(asCompound({ type: 'Point', coordinates: [121.4, 31.2] }));
    expect(err !== 'accepted' && err.message).toContain('features[0].geometry (line 4): a residentialCompound is a Polygon, not a Point');
  });

  it('names the feature, the position and the field of a position off the globe', () => {
    const err = read(collection(feature({ kind: 'residentialCompound', id: 'RC-0', name: 'a' }, { type: 'Polygon', coordinates: [[[121.4, 31.2], [121.41, 31.2], [121.41, 31.21], [121.4, 31.2]]] }), feature({ kind: 'residentialCompound', id: 'RC-1', name: 'b' }, { type: 'Polygon', coordinates: [[[121.4, 31.2], [121.41, 31.2], [31.21, 121.41], [121.4, 31.2]]] })));
    expect(err !== 'accepted' && err.problems.map((p) => [p.feature, p.field, p.message])).toEqual([[1, 'geometry.coordinates.0.2', 'latitude 121.41 is outside -90…90 (is it lon, lat?)']]);
  });

  // The public polygons, each as a compound's outline: OGC-valid ones of one ring are taken; the rest
  // are refused with the feature and field named — as bad GeoJSON (check-geojson: ring not closed, too
  // few positions), or as not an outline (holes, spikes, punctures, crossings, several parts).
  const VERDICTS: [string, RegExp | 'accepted'][] = [
    ['geojsonhint/good/good-polygon.geojson', 'accepted'],
    ['turf/boolean-valid/true/Polygon/polygon.geojson', 'accepted'],
    ['turf/boolean-valid/true/Polygon/polygon-internal-hole.geojson', /^features\[0\]\.geometry\.coordinates\.1 \(line 4\): a residentialCompound is its outline alone: holes are not kept/],
    ['turf/boolean-valid/true/Polygon/polygon-with-hole-1-vertice-touching.geojson', /geometry\.coordinates\.1 .*holes are not kept/],
    ['turf/boolean-valid/false/Polygon/polygon-with-hole-2-vertices-touching.geojson', /geometry\.coordinates\.1 .*holes are not kept/],
    ['turf/boolean-valid/false/Polygon/not-closing-ring.geojson', /^features\[0\]\.geometry\.coordinates\.0\.0 \(line \d+\): First and last positions of a Polygon or MultiPolygon’s ring should be the same/],
    ['turf/boolean-valid/false/Polygon/not-enough-coords.geojson', /^features\[0\]\.geometry\.coordinates\.0 \(line \d+\): Expected to find four or more positions here/],
    ['turf/boolean-valid/false/Polygon/polygon-with-puncture.geojson', /^features\[0\]\.geometry\.coordinates\.0 \(line 4\): the outline folds back on itself at position 2 \(a spike\)/],
    ['turf/boolean-valid/false/Polygon/polygon-with-spike.geojson', /geometry\.coordinates\.0 .*folds back on itself at position 2/],
    ['turf/self-intersecting-kinks/hourglass.geojson', /geometry\.coordinates\.0 .*crosses or touches itself: the edge from position 0 meets the edge from position 2/],
    ['turf/self-intersecting-kinks/triple.geojson', /geometry\.coordinates\.0 .*crosses or touches itself/],
    ['turf/self-intersecting-kinks/switzerlandKinked.geojson', /geometry\.coordinates\.0 .*crosses or touches itself/],
    ['turf/self-intersecting-kinks/issue-2627.geojson', /geometry\.coordinates\.1 .*holes are not kept/],
    ...['geojsonhint/good/multipolygon.geojson', 'turf/boolean-valid/true/MultiPolygon/multipolygon.geojson', 'turf/boolean-valid/false/MultiPolygon/multipolygons-overlap.geojson', 'turf/self-intersecting-kinks/multi-polygon.geojson'].map(
      (f): [string, RegExp] => [f, /^features\[0\]\.geometry \(line 4\): a residentialCompound is a Polygon, not a MultiPolygon: give each part as a feature of its own/],
    ),
  ];

  it.each(VERDICTS)('%s: %s', (file, verdict) => {
    const result = read(asCompound(geometryIn(file)));
    if (verdict === 'accepted') expect(result).toBe('accepted');
    else {
      expect(result).not.toBe('accepted');
      const err = result as RegistryImportError;
      expect(err.message.split('\n')[1]).toMatch(verdict);
      // Refused as bad GeoJSON only where check-geojson refuses the bare geometry too.
      expect(err.layer).toBe(/not-closing-ring|not-enough-coords/.test(file) ? 'geojson' : 'registry');
    }
  });
});
