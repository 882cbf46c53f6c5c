import type zh from './zh-CN';

const en: typeof zh = {
  app: {
    title: 'City Operations',
    city: 'Shanghai',
    subtitle: 'See the whole city on one screen, run it through one network',
  },
  feed: {
    connecting: 'Connecting',
    live: 'Live',
    stale: 'Stale',
    disconnected: 'Disconnected',
    staleDetail: 'last data {age}',
  },
  age: {
    justNow: 'just now',
    seconds: '{n} s ago',
    minutes: '{n} min ago',
    hours: '{n} h ago',
    never: 'no data yet',
  },
  header: {
    simTime: 'Simulated time',
    speed: '×{n} speed',
    language: '中文',
  },
  rainfall: {
    title: 'Rainfall',
    maxIntensity: 'Peak intensity',
    wetGauges: 'Gauges with rain',
    meanIntensity: 'City mean',
    waterOverWarning: 'Water gauges over warning',
    nearWarning: 'near warning',
    trend: 'Rain intensity trend',
    trendMax: 'max',
    trendMean: 'mean',
    updated: 'updated {age}',
    staleNotice: 'Data out of date',
    none: 'no rain',
  },
  legend: {
    title: 'Legend',
    rain: 'Rain gauges (mm/h)',
    water: 'Water-level gauges',
    bands: {
      none: 'dry',
      light: 'light <2.5',
      moderate: 'moderate 2.5–8',
      heavy: 'heavy 8–16',
      rainstorm: 'rainstorm 16–36',
      overDrainage: 'over drainage 36–70',
      extreme: 'extreme ≥70',
    },
    water_state: {
      normal: 'normal',
      nearWarning: 'near warning',
      warning: 'over warning',
      danger: 'over danger',
    },
  },
  map: {
    tooltip: { rain: 'Rain', level: 'Level', warning: 'Warning level' },
  },
  placeholder: {
    back: 'Back to the wall screen',
    dispatch: {
      title: 'Duty officer console',
      body: 'Coming next: the incident queue, SLA countdowns, nearest available teams with one-action dispatch, and a full audit trail.',
    },
    summary: {
      title: 'Daily city vital-signs summary',
      body: 'Coming next: daily figures for the five dimensions, time over thresholds, incident and SLA statistics, with PDF and CSV export.',
    },
  },
};

export default en;
