/**
 * Places the static kinds from the seeds' counts (../shared/BRIEF.md, seeds 003 and 004): 246
 * community health centres, 117 fever clinics and 182 fever sentinel clinics; 736 evacuation points;
 * about 1,000 video points shared by the police and construction departments; about 14,000
 * residential compounds, each an area around its point (compoundOutline.ts). Denser towards the
 * centre, as people are (sampleLand's centre weight), ids and names in district order; each kind
 * draws from its own stream.
 */
import type { StaticKind } from '../../src/protocol/assets';
import type { Rng } from '../simulator/rng';
import type { CityAssets } from './assets';
import { compoundOutline } from './compoundOutline';
import type { DistrictLocator } from './districtLocator';
import { nameByDistrict, sampleLand } from './siteSampling';
import type { StaticSite, StaticSites } from './staticSites';

/** One group of sites placed together: a kind, or one category of it. */
interface SiteGroup {
  count: number;
  prefix: string;
  label: { zh: string; en: string };
  /** 0: uniform over land; towards 1: concentrated in the centre. */
  centreWeight: number;
  /** Its columns; `{id}` in a text is the site's id once named. */
  columns(rng: Rng): Pick<StaticSite, 'attributes' | 'texts'>;
}

export type StaticCounts = Record<StaticKind, number>;

export const STATIC_COUNTS: StaticCounts = { healthSite: 246 + 117 + 182, evacuationPoint: 736, videoPoint: 1000, residentialCompound: 14_000 };

/** Health site categories in HEALTH_SITE_CATEGORIES order, with their seed counts. */
const HEALTH_GROUPS = [
  { count: 246, prefix: 'CHC', label: { zh: '社区卫生服务中心', en: 'community health centre' } },
  { count: 117, prefix: 'FVC', label: { zh: '发热门诊', en: 'fever clinic' } },
  { count: 182, prefix: 'FVS', label: { zh: '发热哨点诊室', en: 'fever sentinel clinic' } },
] as const;

const none = () => ({ attributes: {}, texts: {} });

function groupsOf(kind: StaticKind, count: number): SiteGroup[] {
  switch (kind) {
    case 'healthSite': {
      // The seed's split, scaled when a test asks for another total.
      const total = HEALTH_GROUPS.reduce((a, g) => a + g.count, 0);
      let left = count;
      return HEALTH_GROUPS.map((g, category) => {
        const n = category === HEALTH_GROUPS.length - 1 ? left : Math.round((count * g.count) / total);
        left -= n;
        return { ...g, count: n, centreWeight: 0.5, columns: () => ({ attributes: { category }, texts: {} }) };
      });
    }
    case 'evacuationPoint':
      // Parks, squares and school grounds: a few hundred to several thousand people each.
      return [{ count, prefix: 'EVP', label: { zh: '应急疏散点', en: 'evacuation point' }, centreWeight: 0.5, columns: (rng) => ({ attributes: { capacity: Math.round(rng.range(3, 60)) * 100 }, texts: {} }) }];
    case 'videoPoint':
      // A third have a stream the platform can open (an example address: the simulator has no cameras).
      return [
        {
          count,
          prefix: 'VID',
          label: { zh: '视频监控点', en: 'video point' },
          centreWeight: 0.7,
          columns: (rng) => (rng.next() < 1 / 3 ? { attributes: {}, texts: { streamUrl: 'https://video.example.com/live/{id}.m3u8' } } : none()),
        },
      ];
    case 'residentialCompound':
      return [{ count, prefix: 'RC', label: { zh: '小区', en: 'compound' }, centreWeight: 0.6, columns: (rng) => ({ attributes: { households: rng.int(80, 3000) }, texts: {} }) }];
  }
}

function placeKind(rng: Rng, locator: DistrictLocator, districts: CityAssets['districts'], kind: StaticKind, count: number): StaticSite[] {
  return groupsOf(kind, count).flatMap((g) => {
    const sites = Array.from({ length: g.count }, () => {
      const [lon, lat, district] = sampleLand(rng, locator, g.centreWeight);
      return { lon, lat, district, ...g.columns(rng) };
    });
    return nameByDistrict<StaticSite>(sites, districts, g.prefix, g.label).map((s) => ({
      ...s,
      texts: Object.fromEntries(Object.entries(s.texts).map(([k, v]) => [k, v.replace('{id}', s.id)])),
    }));
  });
}

/** Every static kind, `counts` over the seeds' where given. */
export function placeStaticSites(rng: Rng, locator: DistrictLocator, districts: CityAssets['districts'], counts: Partial<StaticCounts> = {}): StaticSites {
  const all = { ...STATIC_COUNTS, ...counts };
  // One stream per kind, forked in a fixed order, so one kind's count leaves the others in place.
  const streams = { healthSite: rng.fork(), evacuationPoint: rng.fork(), videoPoint: rng.fork(), residentialCompound: rng.fork() };
  // Forked after the kinds' streams, so the compounds' outlines left every site where it was.
  const outlines = rng.fork();
  return {
    healthSite: placeKind(streams.healthSite, locator, districts, 'healthSite', all.healthSite),
    evacuationPoint: placeKind(streams.evacuationPoint, locator, districts, 'evacuationPoint', all.evacuationPoint),
    videoPoint: placeKind(streams.videoPoint, locator, districts, 'videoPoint', all.videoPoint),
    residentialCompound: placeKind(streams.residentialCompound, locator, districts, 'residentialCompound', all.residentialCompound).map((s) => ({
      ...s,
      area: compoundOutline(outlines, s.lon, s.lat, s.attributes.households),
    })),
  };
}
