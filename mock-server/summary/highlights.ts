/**
 * A few sentences on the day, in Chinese and English, written from the summary's own figures: rain
 * (where it fell most, the peak rate, where and when), underpass closures, water above warning lines,
 * incidents and their handling, the evaluation (on-time and closure rates, rework, the street with
 * the lowest on-time rate), and the dimension that spent longest in alarm.
 */
import type { DailySummary } from '../../src/protocol/summary';
import { SHANGHAI_OFFSET_MS } from '../../src/protocol/summary';
import type { Dimension } from '../../src/protocol/vitals';

/** The fewest cases due for a street to be named as the worst on time in the day's sentence. */
const MIN_DUE_TO_RANK = 5;

const DIMENSION_NAMES: Record<Dimension, [string, string]> = {
  cityDynamics: ['城市动态', 'city dynamics'],
  environment: ['环境', 'environment'],
  traffic: ['交通', 'traffic'],
  supply: ['保障供应', 'supply'],
  infrastructure: ['基础设施', 'infrastructure'],
};

const hhmm = (t: number) => new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
const one = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const whole = (x: number) => String(Math.round(x));

export function highlightsOf(s: Omit<DailySummary, 'highlights'>): DailySummary['highlights'] {
  const zh: string[] = [];
  const en: string[] = [];
  const { rainfall, underpasses, waterLevels, pumps } = s.flood;
  const wettest = rainfall.districtTotals[0];
  if (rainfall.peak && rainfall.peak.mmH >= 0.1) {
    zh.push(
      `全市平均降雨 ${one(rainfall.cityMeanMm)} 毫米，${wettest?.name ?? ''}最多（${one(wettest?.mm ?? 0)} 毫米）；最大雨强 ${one(rainfall.peak.mmH)} 毫米/小时，${hhmm(rainfall.peak.at)} 出现在${rainfall.peak.name}。`,
    );
    en.push(
      `Rainfall averaged ${one(rainfall.cityMeanMm)} mm across the city, most in ${wettest?.nameEn ?? ''} (${one(wettest?.mm ?? 0)} mm); it peaked at ${one(rainfall.peak.mmH)} mm/h at ${rainfall.peak.nameEn} at ${hhmm(rainfall.peak.at)}.`,
    );
  } else {
    zh.push('全天无降雨。');
    en.push('No rain fell all day.');
  }
  if (underpasses.underpassesClosed > 0) {
    zh.push(`${underpasses.underpassesClosed} 处下立交因积水封闭，累计 ${whole(underpasses.closedMinutes)} 分钟${underpasses.longest ? `，最长为${underpasses.longest.name}（${whole(underpasses.longest.minutes)} 分钟）` : ''}。`);
    en.push(
      `${underpasses.underpassesClosed} underpass${underpasses.underpassesClosed === 1 ? ' was' : 'es were'} closed by flooding for ${whole(underpasses.closedMinutes)} minutes in all${underpasses.longest ? `, longest ${underpasses.longest.nameEn} (${whole(underpasses.longest.minutes)} min)` : ''}.`,
    );
  }
  const over = s.flood.gaugesOverWarning ?? waterLevels.filter((w) => w.peakM >= w.warningM).length;
  if (over > 0) {
    const w = waterLevels[0];
    zh.push(`${over} 个水位站超警戒，${w.name}最高 ${w.peakM.toFixed(2)} 米（警戒 ${w.warningM.toFixed(2)} 米，${hhmm(w.at)}）。`);
    en.push(`${over} water gauge${over === 1 ? '' : 's'} rose above the warning line; ${w.nameEn} peaked at ${w.peakM.toFixed(2)} m (warning ${w.warningM.toFixed(2)} m) at ${hhmm(w.at)}.`);
  }
  const inc = s.incidents;
  const compliance = inc.sla.compliance === null ? null : Math.round(inc.sla.compliance * 100);
  zh.push(
    `新增事件 ${inc.total} 起${inc.timeToDispatch.median !== null ? `，派单时长中位数 ${whole(inc.timeToDispatch.median)} 分钟` : ''}${compliance !== null ? `，SLA 达标率 ${compliance}%` : ''}${inc.escalations ? `，升级 ${inc.escalations} 次` : ''}；泵站累计运行 ${whole(pumps.runHours)} 台时。`,
  );
  en.push(
    `${inc.total} incident${inc.total === 1 ? ' was' : 's were'} opened${inc.timeToDispatch.median !== null ? `, dispatched in ${whole(inc.timeToDispatch.median)} min (median)` : ''}${compliance !== null ? `, ${compliance}% within SLA` : ''}${inc.escalations ? `, ${inc.escalations} escalated` : ''}; pumps ran ${whole(pumps.runHours)} station-hours.`,
  );
  const ev = s.evaluation;
  if (ev.city.onTimeRate !== null && ev.city.closureRate !== null) {
    // The streets come worst first; one late case of one due is not a finding, so the sentence names
    // the worst street with enough cases due to rank, and says its counts.
    const worst = ev.streets.find((st) => st.onTimeRate !== null && st.due >= MIN_DUE_TO_RANK);
    const pct = (r: number) => whole(r * 100);
    zh.push(`按期处置率 ${pct(ev.city.onTimeRate)}%，结案率 ${pct(ev.city.closureRate)}%，返工 ${ev.city.rework} 件${worst ? `；按期处置率最低的街道为${worst.name}（${pct(worst.onTimeRate!)}%，应处置 ${worst.due} 件中按期 ${worst.onTime} 件）` : ''}。`);
    en.push(
      `${pct(ev.city.onTimeRate)}% of the cases due were handled on time and ${pct(ev.city.closureRate)}% closed; ${ev.city.rework} sent back after a failed check${worst ? `; lowest on-time rate: ${worst.nameEn} (${pct(worst.onTimeRate!)}%, ${worst.onTime} of ${worst.due} due)` : ''}.`,
    );
  }
  const alarmed = [...s.dimensions].sort((a, b) => b.alarmMinutes - a.alarmMinutes)[0];
  if (alarmed && alarmed.alarmMinutes > 0) {
    const [zhName, enName] = DIMENSION_NAMES[alarmed.dimension];
    zh.push(`${zhName}维度告警时间最长，共 ${whole(alarmed.alarmMinutes)} 分钟。`);
    en.push(`The ${enName} dimension spent longest in alarm: ${whole(alarmed.alarmMinutes)} minutes.`);
  }
  return { zh, en };
}
