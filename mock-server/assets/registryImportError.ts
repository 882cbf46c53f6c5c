/**
 * An import refused: every problem found, each naming where it is (the feature's index, the field,
 * the line) and what is wrong. `layer` tells a file that is not valid GeoJSON from valid GeoJSON
 * that is not a registry (no `kind`, a Polygon where a gauge must be a Point, an unknown district).
 */
import { DomainError } from '../domainError';

export interface ImportProblem {
  /** Index into the FeatureCollection's `features`, where the problem is inside one. */
  feature?: number;
  /** The field inside the feature (`properties.warning`, `geometry`), where there is one. */
  field?: string;
  /** 1-based line in the file, where known. */
  line?: number;
  message: string;
}

/** `an underpass`, `a team`: a kind's name in a message. */
export const withArticle = (word: string): string => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** How many problems the error's message lists; `problems` keeps them all. */
const LISTED = 20;

/** `features[3].properties.warning (line 40): must be above warning`. */
export function describeProblem(p: ImportProblem): string {
  const where = [p.feature === undefined ? '' : `features[${p.feature}]`, p.field ?? ''].filter(Boolean).join('.');
  const place = [where, p.line === undefined ? '' : `(line ${p.line})`].filter(Boolean).join(' ');
  return place ? `${place}: ${p.message}` : p.message;
}

export class RegistryImportError extends DomainError {
  constructor(
    /** `geojson`: not valid GeoJSON (or not JSON); `registry`: valid GeoJSON, but not a registry this server can take. */
    readonly layer: 'geojson' | 'registry',
    readonly problems: readonly ImportProblem[],
  ) {
    const head = layer === 'geojson' ? 'not valid GeoJSON' : 'not an asset registry';
    const listed = problems.slice(0, LISTED).map(describeProblem);
    if (problems.length > LISTED) listed.push(`… and ${problems.length - LISTED} more`);
    super('BAD_REQUEST', `${head}; nothing was imported:\n${listed.join('\n')}`);
    this.name = 'RegistryImportError';
  }
}
