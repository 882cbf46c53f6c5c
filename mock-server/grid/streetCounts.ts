/**
 * How many streets (街道), towns (镇) and townships (乡) each Shanghai district has: 107 + 106 + 2 =
 * 215 in all, from the city's public administrative-division list (上海市行政区划, 2023). The product
 * has no street boundaries, so these counts are what the modelled streets honour (docs/grid.md).
 */
export interface StreetCounts {
  /** 街道: codes 001–099 under GB/T 10114. */
  streets: number;
  /** 镇: codes 100–199. */
  towns: number;
  /** 乡: codes 200–399. */
  townships: number;
}

/** Keyed by the district's GB/T 2260 code (the `code` of public/geo/shanghai-districts.geojson). */
export const SHANGHAI_STREET_COUNTS: Readonly<Record<string, StreetCounts>> = {
  '310101': { streets: 10, towns: 0, townships: 0 }, // 黄浦
  '310104': { streets: 12, towns: 1, townships: 0 }, // 徐汇
  '310105': { streets: 9, towns: 1, townships: 0 }, // 长宁
  '310106': { streets: 13, towns: 1, townships: 0 }, // 静安
  '310107': { streets: 8, towns: 2, townships: 0 }, // 普陀
  '310109': { streets: 8, towns: 0, townships: 0 }, // 虹口
  '310110': { streets: 12, towns: 0, townships: 0 }, // 杨浦
  '310112': { streets: 4, towns: 9, townships: 0 }, // 闵行
  '310113': { streets: 3, towns: 9, townships: 0 }, // 宝山
  '310114': { streets: 3, towns: 7, townships: 0 }, // 嘉定
  '310115': { streets: 12, towns: 24, townships: 0 }, // 浦东
  '310116': { streets: 1, towns: 9, townships: 0 }, // 金山
  '310117': { streets: 6, towns: 11, townships: 0 }, // 松江
  '310118': { streets: 3, towns: 8, townships: 0 }, // 青浦
  '310120': { streets: 3, towns: 8, townships: 0 }, // 奉贤
  '310151': { streets: 0, towns: 16, townships: 2 }, // 崇明
};

/** A district not in the table (another city's geometry) gets this many modelled streets. */
export const DEFAULT_STREET_COUNTS: StreetCounts = { streets: 8, towns: 0, townships: 0 };
