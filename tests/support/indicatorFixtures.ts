/** An indicator catalogue shaped like the server's (four to six per dimension), for panel tests and layout probes. */
import type { IndicatorSpec, VitalsFrame } from '../../src/protocol/vitals';

type Row = [id: string, dimension: IndicatorSpec['dimension'], name: string, nameEn: string, unit: string, direction: 'up' | 'down', warning: number, alarm: number, digits: number];

const ROWS: Row[] = [
  ['incidents.open', 'cityDynamics', '在办事件', 'Open incidents', '起', 'up', 40, 80, 0],
  ['hotline.callsPerHour', 'cityDynamics', '12345 来电', '12345 calls', '次/时', 'up', 1800, 2600, 0],
  ['crowd.heat', 'cityDynamics', '热点人流', 'Crowd heat', '%', 'up', 80, 95, 0],
  ['incidents.newPerHour', 'cityDynamics', '新增事件', 'New incidents', '起/时', 'up', 30, 60, 0],
  ['rain.max', 'environment', '最大雨强', 'Peak rain', 'mm/h', 'up', 16, 36, 1],
  ['rain.mean', 'environment', '平均雨强', 'Mean rain', 'mm/h', 'up', 8, 16, 1],
  ['rain.hour', 'environment', '1 小时雨量', '1-h rainfall', 'mm', 'up', 20, 50, 1],
  ['air.aqi', 'environment', '空气质量指数', 'AQI', '', 'up', 101, 201, 0],
  ['warnings.active', 'environment', '生效预警', 'Warnings in force', '项', 'up', 1, 3, 0],
  ['water.overWarning', 'environment', '超警水位站', 'Gauges over warning', '个', 'up', 1, 5, 0],
  ['traffic.index', 'traffic', '交通指数', 'Traffic index', '', 'up', 6, 8, 1],
  ['traffic.speed', 'traffic', '平均车速', 'Mean speed', 'km/h', 'down', 25, 15, 1],
  ['traffic.congested', 'traffic', '拥堵路段占比', 'Congested share', '%', 'up', 15, 30, 1],
  ['traffic.closed', 'traffic', '封闭路段', 'Closed segments', '段', 'up', 1, 5, 0],
  ['traffic.accidents', 'traffic', '交通事故', 'Accidents', '起', 'up', 5, 12, 0],
  ['rail.load', 'traffic', '轨交满载率', 'Rail load', '%', 'up', 90, 110, 0],
  ['power.load', 'supply', '电网负荷', 'Power load', '万kW', 'up', 3200, 3600, 0],
  ['power.outages', 'supply', '停电事件', 'Outages', '起', 'up', 1, 4, 0],
  ['water.pressure', 'supply', '供水压力', 'Water pressure', 'MPa', 'down', 0.16, 0.12, 2],
  ['gas.pressure', 'supply', '燃气压力', 'Gas pressure', 'kPa', 'down', 2.2, 1.8, 1],
  ['food.vegetables', 'supply', '蔬菜到货', 'Vegetable arrivals', '吨', 'down', 9000, 7000, 0],
  ['pumps.running', 'infrastructure', '运行泵站', 'Pumps running', '座', 'up', 400, 700, 0],
  ['pumps.faulty', 'infrastructure', '故障泵站', 'Pumps faulty', '座', 'up', 1, 5, 0],
  ['underpasses.closed', 'infrastructure', '封闭下立交', 'Underpasses closed', '处', 'up', 1, 3, 0],
  ['elevators.trapped', 'infrastructure', '电梯困人', 'Elevator entrapments', '起', 'up', 2, 5, 0],
  ['sensors.frozen', 'infrastructure', '数据中断设备', 'Sensors silent', '台', 'up', 5, 20, 0],
  ['waterlogging.points', 'infrastructure', '积水点', 'Waterlogging points', '处', 'up', 3, 10, 0],
];

export const INDICATORS: IndicatorSpec[] = ROWS.map(([id, dimension, name, nameEn, unit, direction, warning, alarm, digits]) => ({
  id,
  dimension,
  name,
  nameEn,
  unit,
  direction,
  warning,
  alarm,
  digits,
  definition: `${name}的计算方法`,
  definitionEn: `How ${nameEn} is computed`,
}));

/** Plausible storm values, in catalogue order. */
export const STORM_VALUES: (number | null)[] = [
  52, 2140, 71, 18, 54.6, 6.8, 38.2, 46, 2, 3, 6.4, 23.1, 18.4, 2, 4, 96, 3380, 2, 0.21, 2.4, 11850, 612, 3, 2, 1, 7, 12,
];

export function vitalsAt(t: number, values: readonly (number | null)[] = STORM_VALUES): VitalsFrame {
  return { t, values: [...values] };
}
