export default {
  app: {
    title: '城市运行一网统管',
    city: '上海',
    subtitle: '一屏观天下 · 一网管全城',
  },
  feed: {
    connecting: '连接中',
    live: '实时',
    stale: '数据延迟',
    disconnected: '已断开',
    staleDetail: '最后数据 {age}',
  },
  age: {
    justNow: '刚刚',
    seconds: '{n} 秒前',
    minutes: '{n} 分钟前',
    hours: '{n} 小时前',
    never: '暂无数据',
  },
  header: {
    simTime: '模拟时间',
    speed: '×{n} 倍速',
    language: 'English',
  },
  rainfall: {
    title: '降雨监测',
    maxIntensity: '最大雨强',
    wetGauges: '降雨站点',
    meanIntensity: '全市平均',
    waterOverWarning: '超警戒水位站',
    nearWarning: '接近警戒',
    trend: '雨强趋势',
    trendMax: '最大',
    trendMean: '平均',
    updated: '更新于 {age}',
    staleNotice: '数据已过期',
    none: '无降雨',
  },
  placeholder: {
    back: '返回大屏',
    dispatch: {
      title: '值班调度台',
      body: '即将上线：事件队列、SLA 倒计时、就近队伍推荐与一键派单、处置全程审计记录。',
    },
    summary: {
      title: '城市运行生命体征日报',
      body: '即将上线：五大维度指标日统计、越限时长、事件与 SLA 统计，支持导出 PDF / CSV。',
    },
  },
};
