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
