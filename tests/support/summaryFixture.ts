/**
 * A realistic DailySummary for a storm day (2026-07-15), shaped exactly as `GET /api/summary/:date`
 * answers: the 30 catalogue indicators with day figures and a 5-minute series, the five dimensions,
 * incidents and flood control.
 */
import type { DailySummary, IndicatorDaySummary } from '../../src/protocol/summary';
import type { Dimension, IndicatorStatus } from '../../src/protocol/vitals';

export const FIXTURE_DATE = '2026-07-15';
const FROM = Date.parse('2026-07-15T00:00:00+08:00');
const TO = FROM + 86_400_000;
const MIN = 60_000;
const at = (hhmm: string) => Date.parse(`2026-07-15T${hhmm}:00+08:00`);

type Row = [id: string, dimension: Dimension, name: string, nameEn: string, unit: string, digits: number, direction: 'up' | 'down', warning: number, alarm: number, base: number, peak: number];

// Catalogue entries (mock-server/vitals/indicatorCatalogue.ts) with a base level and a storm peak (at about 15:00).
const ROWS: Row[] = [
  ['city.openIncidents', 'cityDynamics', '在办事件', 'Open incidents', '', 0, 'up', 60, 150, 24, 96],
  ['city.newIncidents', 'cityDynamics', '近1小时新增事件', 'New incidents, last hour', '', 0, 'up', 40, 100, 12, 58],
  ['city.hotline', 'cityDynamics', '12345热线来电', '12345 hotline calls', '/h', 0, 'up', 3000, 4000, 1500, 3300],
  ['city.hotspotCrowd', 'cityDynamics', '热点区域人流', 'Crowds at hotspots', '%', 0, 'up', 75, 90, 40, 62],
  ['city.p1Waiting', 'cityDynamics', '待派单一级事件', 'P1 incidents awaiting dispatch', '', 0, 'up', 3, 8, 0, 4],
  ['env.rainMax', 'environment', '最大雨强', 'Peak rain intensity', 'mm/h', 1, 'up', 36, 70, 0, 82.4],
  ['env.rainMean', 'environment', '全市平均雨强', 'City mean rain', 'mm/h', 1, 'up', 8, 16, 0, 14.2],
  ['env.rain1h', 'environment', '最大小时雨量', 'Peak 1-hour rainfall', 'mm', 1, 'up', 20, 36, 0, 41.7],
  ['env.aqi', 'environment', '空气质量指数', 'Air quality index', '', 0, 'up', 101, 201, 62, 48],
  ['env.pm25', 'environment', 'PM2.5浓度', 'PM2.5', 'µg/m³', 0, 'up', 75, 150, 35, 22],
  ['env.warningLevel', 'environment', '气象预警最高级别', 'Highest weather warning', '', 0, 'up', 2, 3, 0, 3],
  ['env.waterOverWarning', 'environment', '超警戒水位站', 'Water gauges over warning', '', 0, 'up', 1, 5, 0, 2],
  ['env.tempMax', 'environment', '最高气温', 'Highest temperature', '°C', 1, 'up', 35, 37, 31.5, 27.2],
  ['traffic.index', 'traffic', '道路交通指数', 'Traffic index', '', 1, 'up', 4, 6, 2.4, 6.4],
  ['traffic.meanSpeed', 'traffic', '路网平均车速', 'Mean road speed', 'km/h', 1, 'down', 30, 24, 38.5, 26.1],
  ['traffic.congestedShare', 'traffic', '拥堵里程占比', 'Congested road length', '%', 1, 'up', 10, 25, 4.2, 18.6],
  ['traffic.closedSegments', 'traffic', '封闭路段', 'Closed road segments', '', 0, 'up', 1, 20, 0, 9],
  ['traffic.accidents', 'traffic', '在办交通事故', 'Open traffic accidents', '', 0, 'up', 12, 20, 4, 14],
  ['traffic.railLoad', 'traffic', '轨道交通满载率', 'Metro load', '%', 0, 'up', 100, 120, 60, 104],
  ['supply.powerLoad', 'supply', '电网负荷', 'Power load', 'GW', 1, 'up', 37.8, 39.9, 30.2, 35.1],
  ['supply.powerOutages', 'supply', '停电抢修', 'Open power outages', '', 0, 'up', 3, 6, 0, 4],
  ['supply.waterPressure', 'supply', '供水管网压力', 'Water supply pressure', 'MPa', 3, 'down', 0.18, 0.16, 0.245, 0.221],
  ['supply.gasPressure', 'supply', '燃气中压管网压力', 'Gas network pressure', 'MPa', 3, 'down', 0.22, 0.18, 0.31, 0.296],
  ['supply.vegetables', 'supply', '蔬菜日上市量', 'Vegetable arrivals', 't/d', 0, 'down', 16000, 13000, 19800, 18400],
  ['infra.pumpsRunning', 'infrastructure', '泵站运行率', 'Pump stations running', '%', 1, 'up', 40, 65, 6.5, 71.3],
  ['infra.pumpsFaulty', 'infrastructure', '故障泵站', 'Faulty pump stations', '', 0, 'up', 3, 8, 1, 5],
  ['infra.underpassesClosed', 'infrastructure', '积水≥25 cm下立交', 'Underpasses at 25 cm or more', '', 0, 'up', 1, 10, 0, 6],
  ['infra.waterlogPoints', 'infrastructure', '积水≥15 cm易涝点', 'Waterlogging points at 15 cm or more', '', 0, 'up', 1, 5, 0, 7],
  ['infra.elevatorTrapped', 'infrastructure', '电梯困人', 'Elevator entrapments', '', 0, 'up', 3, 6, 1, 2],
  ['infra.sensorsFrozen', 'infrastructure', '离线传感器', 'Silent sensors', '', 0, 'up', 5, 15, 2, 6],
];

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The base level with a storm bump around 15:00 (about 3 h wide); no data 03:00–03:20 (a feed gap). */
function series(base: number, peak: number, digits: number): [number, number | null][] {
  const out: [number, number | null][] = [];
  for (let t = FROM; t < TO; t += 5 * MIN) {
    const h = (t - FROM) / 3_600_000;
    if (h >= 3 && h < 3 + 20 / 60) {
      out.push([t, null]);
      continue;
    }
    const bump = Math.exp(-(((h - 15) / 1.4) ** 2));
    out.push([t, round(base + (peak - base) * bump, digits)]);
  }
  return out;
}

function status(r: Row, v: number): IndicatorStatus {
  const [, , , , , , dir, w, a] = r;
  if (dir === 'up') return v >= a ? 'alarm' : v >= w ? 'warning' : 'normal';
  return v <= a ? 'alarm' : v <= w ? 'warning' : 'normal';
}

const RANK: Record<IndicatorStatus, number> = { normal: 0, warning: 1, alarm: 2 };

function indicator(r: Row): IndicatorDaySummary {
  const [id, dimension, name, nameEn, unit, digits, direction, warning, alarm, base, peak] = r;
  const s = series(base, peak, digits);
  const values = s.map(([, v]) => v).filter((v): v is number => v !== null);
  const sorted = [...values].sort((a, b) => a - b);
  let warningMinutes = 0;
  let alarmMinutes = 0;
  let breaches = 0;
  let worst: IndicatorStatus = 'normal';
  let prev: IndicatorStatus = 'normal';
  for (const v of values) {
    const st = status(r, v);
    if (st === 'warning') warningMinutes += 5;
    if (st === 'alarm') alarmMinutes += 5;
    if (st !== 'normal' && prev === 'normal') breaches++;
    if (RANK[st] > RANK[worst]) worst = st;
    prev = st;
  }
  const mean = round(values.reduce((a, b) => a + b, 0) / values.length, digits + 1);
  return {
    id,
    dimension,
    name,
    nameEn,
    unit,
    digits,
    direction,
    warning,
    alarm,
    samples: values.length * 5,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean,
    p95: sorted[Math.floor(0.95 * (sorted.length - 1))],
    warningMinutes,
    alarmMinutes,
    breaches,
    worst,
    // Yesterday was dry; the week had one wet day.
    previousMean: id === 'env.aqi' ? null : round(base * 0.97, digits + 1),
    weekMean: round(base + (mean - base) * 0.3, digits + 1),
    series: s,
  };
}

/** Evaluation figures with the rates over them: closed among due, and cases checked (passed or sent back). */
function figures(registered: number, due: number, onTime: number, handled: number, rework: number, closed: number, checked: number, dueClosed: number) {
  return { registered, due, onTime, handled, rework, closed, onTimeRate: onTime / due, closureRate: dueClosed / due, reworkRate: rework / checked };
}

export function makeSummary(): DailySummary {
  const indicators = ROWS.map(indicator);
  const dims: Dimension[] = ['cityDynamics', 'environment', 'traffic', 'supply', 'infrastructure'];
  return {
    date: FIXTURE_DATE,
    timezone: 'Asia/Shanghai',
    from: FROM,
    to: TO,
    coverageMinutes: 1420,
    generatedAt: Date.parse('2026-07-16T00:05:12+08:00'),
    dimensions: dims.map((dimension) => {
      const mine = indicators.filter((i) => i.dimension === dimension);
      const worst = mine.reduce<IndicatorStatus>((w, i) => (i.worst && RANK[i.worst] > RANK[w] ? i.worst : w), 'normal');
      return { dimension, worst, warningMinutes: Math.max(...mine.map((i) => i.warningMinutes + i.alarmMinutes)), alarmMinutes: Math.max(...mine.map((i) => i.alarmMinutes)) };
    }),
    indicators,
    incidents: {
      total: 412,
      byCategory: { underpassFlooding: 18, waterlogging: 64, highWater: 6, pumpFault: 11, sensorFault: 9, trafficAccident: 97, powerOutage: 21, elevatorEntrapment: 14, litter: 156, muckDumping: 16 },
      byPriority: { '1': 31, '2': 88, '3': 137, '4': 156 },
      byDistrict: [
        { district: 0, name: '黄浦区', nameEn: 'Huangpu', count: 58 },
        { district: 1, name: '徐汇区', nameEn: 'Xuhui', count: 47 },
        { district: 2, name: '长宁区', nameEn: 'Changning', count: 29 },
        { district: 3, name: '静安区', nameEn: "Jing'an", count: 41 },
        { district: 4, name: '普陀区', nameEn: 'Putuo', count: 33 },
        { district: 5, name: '虹口区', nameEn: 'Hongkou', count: 26 },
        { district: 6, name: '杨浦区', nameEn: 'Yangpu', count: 38 },
        { district: 7, name: '浦东新区', nameEn: 'Pudong', count: 140 },
      ],
      timeToDispatch: { count: 405, median: 3.4, p90: 11.8 },
      timeToClose: { count: 371, median: 52, p90: 143 },
      sla: { total: 412, met: 379, compliance: 379 / 412 },
      escalations: 9,
      cancelled: 4,
      longestOpen: [
        { id: 'INC-000318', category: 'pumpFault', priority: 1, district: 7, status: 'onSite', createdAt: at('14:12'), openMinutes: 588 },
        { id: 'INC-000301', category: 'underpassFlooding', priority: 1, district: 0, status: 'closed', createdAt: at('13:55'), openMinutes: 241 },
        { id: 'INC-000355', category: 'powerOutage', priority: 2, district: 3, status: 'dispatched', createdAt: at('16:40'), openMinutes: 200 },
      ],
    },
    flood: {
      rainfall: {
        cityMeanMm: 38.6,
        districtTotals: [
          { district: 0, name: '黄浦区', nameEn: 'Huangpu', count: 12, mm: 61.2 },
          { district: 1, name: '徐汇区', nameEn: 'Xuhui', count: 18, mm: 54.8 },
          { district: 2, name: '长宁区', nameEn: 'Changning', count: 14, mm: 40.3 },
          { district: 3, name: '静安区', nameEn: "Jing'an", count: 11, mm: 47.9 },
          { district: 4, name: '普陀区', nameEn: 'Putuo', count: 15, mm: 33.1 },
          { district: 5, name: '虹口区', nameEn: 'Hongkou', count: 10, mm: 29.4 },
          { district: 6, name: '杨浦区', nameEn: 'Yangpu', count: 16, mm: 25.0 },
          { district: 7, name: '浦东新区', nameEn: 'Pudong', count: 96, mm: 36.7 },
        ],
        wettestGauge: { gaugeId: 'RG-0042', name: '人民广场雨量站', nameEn: "People's Square rain gauge", district: 0, mm: 88.4 },
        peak: { mmH: 82.4, gaugeId: 'RG-0117', name: '徐家汇雨量站', nameEn: 'Xujiahui rain gauge', district: 1, at: at('15:05') },
      },
      waterLevels: [
        { gaugeId: 'WL-003', name: '苏州河口（黄浦公园）', nameEn: 'Suzhou Creek mouth (Huangpu Park)', district: 0, peakM: 4.68, at: at('16:20'), warningM: 4.55, dangerM: 4.98, overWarningMinutes: 95 },
        { gaugeId: 'WL-001', name: '吴淞口', nameEn: 'Wusongkou', district: 7, peakM: 4.62, at: at('16:05'), warningM: 4.8, dangerM: 5.3, overWarningMinutes: 0 },
        { gaugeId: 'WL-012', name: '米市渡', nameEn: 'Mishidu', district: 7, peakM: 3.21, at: at('17:40'), warningM: 3.5, dangerM: 3.9, overWarningMinutes: 0 },
      ],
      underpasses: { closures: 11, underpassesClosed: 6, closedMinutes: 486, longest: { underpassId: 'UP-017', name: '龙华中路下立交', nameEn: 'Longhua Rd M underpass', minutes: 134 } },
      pumps: { runHours: 9876.5, peakRunning: 1011, faults: 11, peakFaulty: 5 },
    },
    evaluation: {
      city: figures(412, 371, 338, 366, 21, 371, 380, 352),
      streets: [
        { streetCode: '310115103', name: '浦东新区镇03', nameEn: 'Pudong town 03', ...figures(21, 19, 13, 18, 4, 17, 20, 16) },
        { streetCode: '310104002', name: '徐汇区街道02', nameEn: 'Xuhui street 02', ...figures(17, 16, 13, 15, 2, 15, 16, 15) },
        { streetCode: '310101001', name: '黄浦区街道01', nameEn: 'Huangpu street 01', ...figures(24, 22, 21, 22, 1, 22, 22, 22) },
      ],
      cells: [
        { cellCode: '3101010010030112', streetCode: '310101001', streetName: '黄浦区街道01', streetNameEn: 'Huangpu street 01', ...figures(6, 6, 6, 6, 0, 6, 6, 6) },
        { cellCode: '3101151030070041', streetCode: '310115103', streetName: '浦东新区镇03', streetNameEn: 'Pudong town 03', ...figures(5, 5, 2, 4, 2, 4, 5, 4) },
      ],
      departments: [
        { department: 'trafficPolice', ...figures(97, 90, 76, 88, 3, 88, 90, 88) },
        { department: 'pumpTruck', ...figures(52, 50, 47, 49, 6, 49, 52, 49) },
        { department: 'cityAppearance', ...figures(156, 150, 147, 150, 0, 150, 150, 150) },
      ],
    },
    highlights: {
      zh: ['7月15日午后出现强降雨，全市平均雨量 38.6 毫米，徐家汇雨量站 15:05 雨强达 82.4 毫米/小时。', '苏州河口水位 16:20 达 4.68 米，超警戒线 0.13 米。', '当日新增事件 412 件，SLA 达标率 92.0%。'],
      en: ['Heavy rainfall in the afternoon: 38.6 mm city mean, 82.4 mm/h at Xujiahui at 15:05.', 'Suzhou Creek mouth peaked at 4.68 m at 16:20, 0.13 m over its warning line.', '412 new incidents; 92.0% met every SLA.'],
    },
  };
}
