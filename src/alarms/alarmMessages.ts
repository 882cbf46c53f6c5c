/** Texts of the wall's alarm list and of the closure notice's delivery, merged into the app's messages by src/i18n. */
const zhCN = {
  alarmList: {
    title: '实时告警',
    count: '活动 {n} 条 · 未确认 {u} 条',
    empty: '当前无活动告警',
    acknowledge: '确认',
    acknowledged: '已确认',
    late: '补报',
    lateTitle: '由迟到的读数（如网关补传）引起：时间为测量时间',
    acknowledgeTitle: '确认此告警：各屏幕的弹窗随即停止',
    failed: '确认失败：{message}',
  },
  closureNotice: {
    label: '交警封路通知',
    recording: '正在提交…',
    unconfigured: '未配置交警通知，交警未获通知',
    sending: '通知发送中',
    retrying: '通知发送中（第 {n} 次重试）',
    lastError: '上次失败：{error}',
    delivered: '已送达交警 {time}（{age}）',
  },
};

const en: typeof zhCN = {
  alarmList: {
    title: 'Live alarms',
    count: '{n} active · {u} unacknowledged',
    empty: 'No active alarms',
    acknowledge: 'Acknowledge',
    acknowledged: 'Acknowledged',
    late: 'late',
    lateTitle: 'Caused by readings that arrived late (e.g. a gateway’s buffered upload): the times are when they were measured',
    acknowledgeTitle: 'Acknowledge this alarm: its popup stops on every screen',
    failed: 'Could not acknowledge: {message}',
  },
  closureNotice: {
    label: 'Road-closure notice to the traffic police:',
    recording: 'being recorded…',
    unconfigured: 'no traffic-police endpoint configured: the police were not notified',
    sending: 'sending',
    retrying: 'sending (retry {n})',
    lastError: 'last attempt: {error}',
    delivered: 'delivered to the traffic police at {time} ({age})',
  },
};

export const alarmMessages = { 'zh-CN': zhCN, en };
