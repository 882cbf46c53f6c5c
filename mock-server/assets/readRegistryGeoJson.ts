/**
 * Reads a registry file: first as GeoJSON (@placemarkio/check-geojson: JSON syntax, structure, types,
 * positions, rings, bbox), then as a registry (a FeatureCollection whose features each name a kind
 * with the kind's geometry and properties, checked with zod). Every problem is reported, each with
 * its feature's index and field; one bad feature refuses the whole file.
 */
import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { z } from 'zod';
import type { AssetKind } from '../../src/protocol/assets';
import type { LonLat } from './assetRecord';
import { openRing, ringProblem } from './areaRing';
import { DATUMS, type Datum } from './datum';
import { featureAt, featureOffsets, lineFinder } from './featureOffsets';
import { jsonPathAt } from './jsonPathAt';
import { KIND_PROPERTIES, KindSchema, type KindProperties } from './kindProperties';
import { RegistryImportError, withArticle, type ImportProblem } from './registryImportError';

/** One feature read as an asset: its kind, its properties as the kind's schema gives them, its positions as in the file. */
export interface RegistryFeature {
  index: number;
  kind: AssetKind;
  properties: KindProperties<AssetKind>;
  /** A point's one position, a line's every position, or an area's outline as an open ring: [lon, lat] (a third value dropped). */
  positions: [number, number][];
}

const DatumSchema = z.enum(DATUMS, { error: `must be ${DATUMS.join(' or ')}` });

/** check-geojson reports a root that is not an object as "Invalid JSON: " and its own issue list as JSON. */
function plainMessage(message: string): string {
  const match = /^Invalid JSON: (\[[\s\S]*\])$/.exec(message);
  if (!match) return message;
  try {
    return (JSON.parse(match[1]) as { message: string }[]).map((i) => i.message).join('; ');
  } catch {
    return message;
  }
}

function geojsonProblems(text: string): ImportProblem[] {
  const issues = getIssues(text);
  if (issues.length === 0) return [];
  const offsets = featureOffsets(text);
  const lineOf = lineFinder(text);
  return issues.map((issue) => {
    const feature = featureAt(offsets, issue.from);
    // The field inside the feature (`geometry.coordinates.0.3`: a ring's fourth position), as the registry's own problems name it.
    const field = feature === undefined ? '' : jsonPathAt(text, offsets.starts[feature], issue.from);
    return { feature, ...(field && { field }), line: lineOf(issue.from), message: plainMessage(issue.message) };
  });
}

function zodProblems(index: number, error: z.ZodError): ImportProblem[] {
  return error.issues.map((issue) => ({ feature: index, field: ['properties', ...issue.path.map(String)].join('.'), message: issue.message }));
}

/** The positions as lon, lat, each checked to lie on the globe; `fieldOf` names position i. */
function onGlobe(index: number, raw: readonly Position[], fieldOf: (i: number) => string, problems: ImportProblem[]): LonLat[] {
  return raw.map(([lon, lat], i) => {
    const field = fieldOf(i);
    // check-geojson checks that positions are numbers, not that they are on the globe.
    if (!(lon >= -180 && lon <= 180)) problems.push({ feature: index, field, message: `longitude ${lon} is outside -180…180 (is it lon, lat?)` });
    if (!(lat >= -90 && lat <= 90)) problems.push({ feature: index, field, message: `latitude ${lat} is outside -90…90 (is it lon, lat?)` });
    return [lon, lat];
  });
}

/**
 * An area's outline: the Polygon's one ring, open (check-geojson has seen it closed, of four or more
 * positions), and simple. A hole would be dropped without a word, so a ring beyond the first is refused.
 */
function outlineOf(index: number, kind: AssetKind, polygon: Polygon, problems: ImportProblem[]): LonLat[] {
  const [outer, ...holes] = polygon.coordinates;
  if (holes.length > 0) problems.push({ feature: index, field: 'geometry.coordinates.1', message: `${withArticle(kind)} is its outline alone: holes are not kept (give the outer ring only)` });
  const before = problems.length;
  const ring = openRing(onGlobe(index, outer, (i) => `geometry.coordinates.0.${i}`, problems));
  const problem = problems.length === before ? ringProblem(ring) : null;
  if (problem) problems.push({ feature: index, field: 'geometry.coordinates.0', message: problem });
  return ring;
}

function positionsOf(index: number, kind: AssetKind, geometry: Geometry, problems: ImportProblem[]): LonLat[] {
  if (geometry.type === 'Point') return onGlobe(index, [geometry.coordinates], () => 'geometry.coordinates', problems);
  if (geometry.type === 'LineString') return onGlobe(index, geometry.coordinates, (i) => `geometry.coordinates.${i}`, problems);
  return geometry.type === 'Polygon' ? outlineOf(index, kind, geometry, problems) : [];
}

function readFeature(feature: Feature, index: number, problems: ImportProblem[]): RegistryFeature | null {
  const properties = feature.properties ?? {};
  const kind = KindSchema.safeParse(properties.kind);
  if (!kind.success) {
    problems.push({ feature: index, field: 'properties.kind', message: kind.error.issues[0].message });
    return null;
  }
  const spec = KIND_PROPERTIES[kind.data];
  const before = problems.length;
  const parsed = spec.schema.safeParse(properties);
  if (!parsed.success) problems.push(...zodProblems(index, parsed.error));
  const { geometry } = feature;
  let positions: [number, number][] = [];
  if (geometry?.type !== spec.geometry) {
    // An area in several parts is several assets to the map, the detail card and the rules.
    const parts = geometry?.type === 'MultiPolygon' && spec.geometry === 'Polygon' ? ': give each part as a feature of its own' : '';
    problems.push({ feature: index, field: 'geometry', message: `${withArticle(kind.data)} is a ${spec.geometry}, not ${geometry ? withArticle(geometry.type) : 'null'}${parts}` });
  } else {
    positions = positionsOf(index, kind.data, geometry, problems);
  }
  return problems.length === before && parsed.success ? { index, kind: kind.data, properties: parsed.data as KindProperties<AssetKind>, positions } : null;
}

/** The problems with the line where each one's feature starts. */
export function withLines(text: string, problems: readonly ImportProblem[]): ImportProblem[] {
  const { starts } = featureOffsets(text);
  const lineOf = lineFinder(text);
  return problems.map((p) => (p.feature === undefined || starts[p.feature] === undefined ? p : { ...p, line: lineOf(starts[p.feature]) }));
}

/** A registry file read: its features as assets, and the datum its top-level `datum` member names, if any. */
export interface RegistryFile {
  features: RegistryFeature[];
  datum?: Datum;
}

/**
 * The file's features as assets, or a RegistryImportError: layer `geojson` when the text is not
 * valid GeoJSON, `registry` when it is but is not a registry (every problem listed).
 */
export function readRegistryGeoJson(text: string): RegistryFile {
  const invalid = geojsonProblems(text);
  if (invalid.length > 0) throw new RegistryImportError('geojson', invalid);
  const root = JSON.parse(text) as (FeatureCollection & { datum?: unknown }) | { type: string };
  if (root.type !== 'FeatureCollection') {
    throw new RegistryImportError('registry', [{ message: `a registry is a FeatureCollection of assets, not ${withArticle(root.type)}` }]);
  }
  const collection = root as FeatureCollection & { datum?: unknown };
  const problems: ImportProblem[] = [];
  const datum = DatumSchema.optional().safeParse(collection.datum);
  if (!datum.success) problems.push({ field: 'datum', message: datum.error.issues[0].message });
  const features = collection.features.map((f, i) => readFeature(f, i, problems));
  if (problems.length > 0) throw new RegistryImportError('registry', withLines(text, problems));
  return { features: features as RegistryFeature[], datum: datum.data };
}
