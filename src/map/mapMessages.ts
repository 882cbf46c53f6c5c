/** Texts of the map feature (layers, legend, tooltips), merged into the app's messages by src/i18n. */
export const mapMessages = {
  'zh-CN': {
    legend: {
      title: '图例',
      rain: '雨量站 (mm/h)',
      water: '水位站',
      bands: {
        none: '无雨',
        light: '小雨 <2.5',
        moderate: '中雨 2.5–8',
        heavy: '大雨 8–16',
        rainstorm: '暴雨 16–36',
        overDrainage: '超排水能力 36–70',
        extreme: '特大 ≥70',
      },
      water_state: {
        normal: '正常',
        nearWarning: '接近警戒',
        warning: '超警戒',
        danger: '超危险',
      },
    },
    map: {
      tooltip: { rain: '雨强', level: '水位', warning: '警戒水位' },
    },
  },
  en: {
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
  },
};
