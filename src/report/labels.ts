// The words for the values records hold (kinds, channels, purposes, states, rules), per locale.
// Templates reach them through the `label` filter; one table, no string repeated in code.
export type Locale = "zh-CN" | "en";

const WORDS: Record<string, { en: string; "zh-CN": string }> = {
  // ticket kinds
  repair: { en: "repair", "zh-CN": "维修" },
  install: { en: "installation", "zh-CN": "建站/安装" },
  maintenance: { en: "maintenance", "zh-CN": "保养" },
  consult: { en: "consultation", "zh-CN": "咨询" },
  complaint: { en: "complaint", "zh-CN": "投诉" },
  shop: { en: "workshop", "zh-CN": "进厂维修" },
  // channels
  phone: { en: "phone", "zh-CN": "电话" },
  fax: { en: "fax", "zh-CN": "传真" },
  visit: { en: "visit", "zh-CN": "来访" },
  email: { en: "e-mail", "zh-CN": "电子邮件" },
  web: { en: "web", "zh-CN": "网站" },
  // contact channels, directions and purposes
  call: { en: "call", "zh-CN": "电话" },
  letter: { en: "letter", "zh-CN": "信函" },
  in: { en: "inbound", "zh-CN": "来电" },
  out: { en: "outbound", "zh-CN": "去电" },
  followup: { en: "follow-up", "zh-CN": "跟踪回访" },
  notice: { en: "notice", "zh-CN": "通知" },
  reminder: { en: "reminder", "zh-CN": "提醒" },
  other: { en: "other", "zh-CN": "其他" },
  invitation: { en: "invitation", "zh-CN": "邀请函" },
  reply: { en: "reply", "zh-CN": "回函" },
  // ticket statuses
  open: { en: "open", "zh-CN": "待处理" },
  escalated: { en: "escalated", "zh-CN": "已上报" },
  dispatched: { en: "dispatched", "zh-CN": "已派工" },
  onsite: { en: "on site", "zh-CN": "在现场" },
  resolved: { en: "resolved", "zh-CN": "已解决" },
  closed: { en: "closed", "zh-CN": "已关闭" },
  cancelled: { en: "cancelled", "zh-CN": "已取消" },
  // duty states
  upcoming: { en: "upcoming", "zh-CN": "未到期" },
  due: { en: "due", "zh-CN": "待办" },
  overdue: { en: "overdue", "zh-CN": "逾期" },
  done: { en: "on time", "zh-CN": "按时完成" },
  late: { en: "late", "zh-CN": "逾期完成" },
  missed: { en: "missed", "zh-CN": "错过" },
  // event kinds
  gathering: { en: "customer event", "zh-CN": "联谊活动" },
  discount: { en: "discount campaign", "zh-CN": "优惠活动" },
  "free-service": { en: "free-service campaign", "zh-CN": "免费服务活动" },
  // rules
  "R-FILE-SAME-DAY": { en: "file the request the same day", "zh-CN": "当天建立客户档案" },
  "R-ESC-1DAY": { en: "escalate within one day", "zh-CN": "一天内上报工程部主管" },
  "R-ANSWER-SAME-DAY": { en: "tell the solution the same day", "zh-CN": "当天答复解决方案" },
  "R-FOLLOWUP-1": { en: "first follow-up on dispatch day", "zh-CN": "第一次跟踪服务（派工当天）" },
  "R-FOLLOWUP-2": { en: "second follow-up, days 7–14", "zh-CN": "第二次跟踪服务（第 7–14 天）" },
  "R-NEXT-SERVICE": { en: "planned next contact", "zh-CN": "下次服务联系" },
  "R-EVENT-NOTICE": { en: "event notice: call, then letter", "zh-CN": "活动通知：电话与信函" },
  "R-MONTHLY": { en: "monthly and year-end review", "zh-CN": "月度与年终总结" },
  "R-COVER": { en: "cover for an absent colleague", "zh-CN": "缺勤代岗" },
};

export function label(value: unknown, locale: Locale): string {
  const w = WORDS[String(value)];
  return w ? w[locale] : String(value ?? "");
}
