/* eslint-disable max-lines -- the one catalogue: a table of every sentence in both languages, read key by key */
// The one message catalogue: every word aftercare shows a person, in English and Chinese. Code
// refers to a key; no sentence is written twice per language anywhere else.
import { textOf } from "./format/text.js";
import { HELP } from "./i18n-help.js";
import { PROBLEMS } from "./i18n-problems.js";

export type Locale = "zh-CN" | "en";
/**
 * A sentence whose words change with a number: one form per plural category of the language
 * (Intl.PluralRules), `other` always. The number is the `n` parameter, else the first number given.
 */
export type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Text = string | Forms;
export type Entry = { en: Text; "zh-CN": Text };

const M = {
  // every command's --help and the sentences for wrong usage (src/i18n-help.ts)
  ...HELP,
  // a record file that does not read, init --hooks' notes, doctor's locks and temporary files (src/i18n-problems.ts)
  ...PROBLEMS,
  // table headings
  "h.id": { en: "ID", "zh-CN": "编号" },
  "h.customer": { en: "customer", "zh-CN": "客户" },
  "h.contact": { en: "contact", "zh-CN": "联系人" },
  "h.phone": { en: "phone", "zh-CN": "电话" },
  "h.tags": { en: "tags", "zh-CN": "标签" },
  "h.received": { en: "received", "zh-CN": "受理时间" },
  "h.kind": { en: "kind", "zh-CN": "类型" },
  "h.status": { en: "status", "zh-CN": "状态" },
  "h.assignee": { en: "assignee", "zh-CN": "负责人" },
  "h.problem": { en: "problem", "zh-CN": "问题" },
  "h.when": { en: "when", "zh-CN": "时间" },
  "h.how": { en: "how", "zh-CN": "方式" },
  "h.purpose": { en: "purpose", "zh-CN": "目的" },
  "h.staff": { en: "staff", "zh-CN": "经办人" },
  "h.summary": { en: "summary", "zh-CN": "要点" },
  "h.rule": { en: "rule", "zh-CN": "条款" },
  "h.record": { en: "record", "zh-CN": "记录" },
  "h.todo": { en: "what to do", "zh-CN": "工作内容" },
  "h.state": { en: "state", "zh-CN": "状态" },
  "h.window": { en: "window", "zh-CN": "期限" },
  "h.who": { en: "who", "zh-CN": "负责人" },
  "h.name": { en: "name", "zh-CN": "姓名" },
  "h.role": { en: "role", "zh-CN": "角色" },
  "h.email": { en: "email", "zh-CN": "邮箱" },
  "h.absences": { en: "absences", "zh-CN": "缺勤" },
  // the morning list
  "due.head": {
    en: "{company} — due on {weekday} {date} ({tz})",
    "zh-CN": "{company} — {date}（{weekday}）待办（{tz}）",
  },
  "due.headOverdue": {
    en: "{company} — overdue on {weekday} {date} ({tz})",
    "zh-CN": "{company} — {date}（{weekday}）逾期工作（{tz}）",
  },
  "due.for": { en: ", for {name}", "zh-CN": "，{name}" },
  "due.nothing": { en: "nothing due.", "zh-CN": "今天没有待办工作。" },
  "due.nothingWithin": {
    en: { one: "nothing due in the next {days} day.", other: "nothing due in the next {days} days." },
    "zh-CN": "今后 {days} 天没有待办工作。",
  },
  "due.nothingOverdue": { en: "nothing overdue.", "zh-CN": "没有逾期工作。" },
  "due.unassigned": { en: "(unassigned)", "zh-CN": "（未指派）" },
  "due.covering": { en: " (covering for {names})", "zh-CN": "（代 {names}）" },
  "due.nOverdue": { en: "{n} overdue", "zh-CN": "逾期 {n} 项" },
  "due.nDue": { en: "{n} due", "zh-CN": "待办 {n} 项" },
  "due.nUpcoming": { en: "{n} coming up", "zh-CN": "即将到期 {n} 项" },
  "when.overdueDays": { en: "overdue {n}d", "zh-CN": "逾期 {n} 天" },
  "when.overdueHours": { en: "overdue {n}h", "zh-CN": "逾期 {n} 小时" },
  "when.today": { en: "today", "zh-CN": "今天" },
  "when.by": { en: "by {date} ({n}d)", "zh-CN": "{date} 前（{n} 天）" },
  "when.byTime": { en: "by {time}", "zh-CN": "{time} 前" },
  "when.from": { en: "from {date}", "zh-CN": "{date} 起" },
  "when.done": { en: "done", "zh-CN": "已完成" },
  "when.late": { en: "done {n}d late", "zh-CN": "逾期 {n} 天完成" },
  "when.lateHours": { en: "done {n}h late", "zh-CN": "逾期 {n} 小时完成" },
  "when.lateMinutes": { en: "done {n}min late", "zh-CN": "逾期 {n} 分钟完成" },
  "when.missed": { en: "missed", "zh-CN": "错过" },
  "weekday.0": { en: "Sun", "zh-CN": "星期日" },
  "weekday.1": { en: "Mon", "zh-CN": "星期一" },
  "weekday.2": { en: "Tue", "zh-CN": "星期二" },
  "weekday.3": { en: "Wed", "zh-CN": "星期三" },
  "weekday.4": { en: "Thu", "zh-CN": "星期四" },
  "weekday.5": { en: "Fri", "zh-CN": "星期五" },
  "weekday.6": { en: "Sat", "zh-CN": "星期六" },
  // what each duty asks
  "duty.file": { en: "file the {channel} request the day it came in", "zh-CN": "受理当天建立{channel}报修档案" },
  "duty.escalate": { en: "escalate to the engineering supervisor: {problem}", "zh-CN": "上报工程部主管：{problem}" },
  "duty.answer": { en: "tell the customer the solution: {note}", "zh-CN": "当天告知客户解决方案：{note}" },
  "duty.followup1": {
    en: "first follow-up call: {technician}{times}; what to have ready; their opinion of our service",
    "zh-CN": "第一次跟踪服务：告知{technician}{times}，客户需准备的人员和设备，征询意见",
  },
  "duty.followup1Shop": {
    en: "first follow-up after delivery: how the vehicle runs; their opinion of our service",
    "zh-CN": "交车后第一次跟踪服务：车辆使用情况，征询意见",
  },
  "duty.leaves": { en: " leaves {time}", "zh-CN": " {time} 出发" },
  "duty.arrives": { en: ", arrives {time}", "zh-CN": "，{time} 到达" },
  "duty.followup2": {
    en: "second follow-up call (first was {date}): how the equipment runs, new needs; do not repeat the first",
    "zh-CN": "第二次跟踪服务（第一次为 {date}）：设备运行情况、新需求，内容不与第一次重复",
  },
  "duty.eventCall": { en: 'phone about {kind} "{title}" on {date}', "zh-CN": "电话通知{kind}「{title}」（{date}）" },
  "duty.eventLetter": {
    en: 'mail the notice letter for "{title}" on {date} (phoned {called})',
    "zh-CN": "寄出「{title}」（{date}）的通知信函（已于 {called} 电话通知）",
  },
  "duty.monthly": {
    en: "write the monthly review of {period} (aftercare report monthly {period} --save)",
    "zh-CN": "编写 {period} 月度总结（aftercare report monthly {period} --save）",
  },
  "duty.annual": {
    en: "write the year-end review of {period} (aftercare report annual {period} --save)",
    "zh-CN": "编写 {period} 年终总结（aftercare report annual {period} --save）",
  },
  "duty.appointment": { en: "remind the customer of the appointment at {time}", "zh-CN": "提醒客户预约时间 {time}" },
  "duty.extra": {
    en: "get the customer's answer on extra work {no}: {item}{safety}{effect}",
    "zh-CN": "征询客户对增项 {no} 的意见：{item}{safety}{effect}",
  },
  "duty.extraSafety": { en: " (safety: stress it)", "zh-CN": "（涉及安全，须强调）" },
  "duty.extraEffect": { en: "; effect: {effect}", "zh-CN": "；对完工时间的影响：{effect}" },
  "duty.progress": {
    en: "ask the workshop ({receiver}) how the job stands: finish by {time}? anything abnormal?",
    "zh-CN": "向车间（{receiver}）了解进度：能否在 {time} 完工？有无异常？",
  },
  "duty.ready": {
    en: "call the customer to collect the vehicle ({hours} h ahead of {time}); papers and bill ready",
    "zh-CN": "通知客户取车（提前 {hours} 小时，承诺 {time}）；备好单据和结算",
  },
  "duty.dispatch": {
    en: "nobody sent yet: tell the customer why and when (aftercare ticket schedule ID --date … --reason …): {problem}",
    "zh-CN": "尚未派工：告知客户原因和安排时间（aftercare ticket schedule 工单号 --date … --reason …）：{problem}",
  },
  "duty.dispatchTell": {
    en: "tell the customer the job is scheduled for {date}: {reason}",
    "zh-CN": "告知客户已安排 {date} 派工：{reason}",
  },
  "duty.planNext": {
    en: "plan the next contact with the customer now that {id} is closed (aftercare call log --customer … --next-date DATE --next-topic TEXT)",
    "zh-CN": "{id} 已关闭，请安排下次服务联系（aftercare call log --customer … --next-date 日期 --next-topic 内容）",
  },
  "due.forAway": {
    en: "{name} is away until {to}: {cover} has their open duties (R-COVER); see 'aftercare due --for {cover}'",
    "zh-CN": "{name} 缺勤至 {to}：其未完成工作由 {cover} 代办（R-COVER）；见 'aftercare due --for {cover}'",
  },
  "k.late": { en: " (late)", "zh-CN": "（逾期完成）" },
  // what a contact must do, and why one did not count (due --explain)
  "what.solution": { en: "the solution", "zh-CN": "解决方案" },
  "what.dispatch": { en: "why nobody was sent and when someone will be", "zh-CN": "未能派工的原因和安排时间" },
  "what.followup1": { en: "the first follow-up", "zh-CN": "第一次跟踪服务" },
  "what.followup2": { en: "the second follow-up", "zh-CN": "第二次跟踪服务" },
  "what.appointment": { en: "the appointment reminder", "zh-CN": "预约提醒" },
  "what.ready": { en: "the call to collect the vehicle", "zh-CN": "取车通知" },
  "what.eventCall": { en: 'the phone notice of "{title}"', "zh-CN": "「{title}」的电话通知" },
  "what.eventLetter": { en: "the notice letter", "zh-CN": "通知信函" },
  "what.plan": { en: "the planned contact", "zh-CN": "计划的下次联系" },
  "why.used": { en: "{id} already counts for {rule}", "zh-CN": "{id} 已计为 {rule}" },
  "why.otherTicket": { en: "{id} is about {other}, not {ticket}", "zh-CN": "{id} 属于 {other}，不是 {ticket}" },
  "why.unlinked": {
    en: "{id} is not linked to {ticket}: aftercare contact link {id} --ticket {ticket}",
    "zh-CN": "{id} 未关联 {ticket}：aftercare contact link {id} --ticket {ticket}",
  },
  "why.otherEvent": { en: "{id} is about event {other}, not {event}", "zh-CN": "{id} 属于活动 {other}，不是 {event}" },
  "why.unlinkedEvent": {
    en: "{id} is not linked to event {event}: aftercare contact link {id} --event {event}",
    "zh-CN": "{id} 未关联活动 {event}：aftercare contact link {id} --event {event}",
  },
  "why.channel": { en: "{id} is a {channel}; this takes a {channels}", "zh-CN": "{id} 是{channel}；此项须{channels}" },
  "why.letterPlan": {
    en: "{id} is a letter; a letter carries out a plan only when it names it: aftercare contact link {id} --plan {plan}",
    "zh-CN": "{id} 是信函；信函须注明所执行的计划：aftercare contact link {id} --plan {plan}",
  },
  "why.inbound": {
    en: "{id} is inbound; {what} must be told by an outbound call, a visit or a letter (if the customer was told in it: aftercare contact edit {id} --told)",
    "zh-CN": "{id} 是来电；{what}须通过去电、上门或信函告知（如已在该来电中告知：aftercare contact edit {id} --told）",
  },
  "why.inboundLetter": {
    en: "{id} is a letter from the customer; {what} must be told by an outbound call, a visit or a letter",
    "zh-CN": "{id} 是客户来函；{what}须通过去电、上门或去函告知",
  },
  "why.ended": {
    en: "{id} on {at} came after the duty could still be done (it ended {ended})",
    "zh-CN": "{id}（{at}）晚于该事项结束（{ended}）",
  },
  "why.purpose": {
    en: "{id} is a {purpose} contact; this takes {purposes}",
    "zh-CN": "{id} 的目的是{purpose}；此项须为{purposes}",
  },
  "why.letterKind": { en: "{id} is a {kind} letter; this takes {kinds}", "zh-CN": "{id} 是{kind}；此项须为{kinds}" },
  "why.early": {
    en: "{id} on {at} is before the window opens ({from})",
    "zh-CN": "{id}（{at}）早于期限开始（{from}）",
  },
  "why.earlyCheck": {
    en: "the check at {at} was before the window opened ({from})",
    "zh-CN": "{at} 的进度检查早于期限开始（{from}）",
  },
  "why.head": { en: "not counted:", "zh-CN": "未计入：" },
  // duty words (issue 13, item 1: the rules engine gives data, src/format/duty-words.ts words it)
  "why.usedPlan": { en: "{id} already counts for {rule} ({date})", "zh-CN": "{id} 已计为 {rule}（{date}）" },
  "why.sep": { en: "; ", "zh-CN": "；" },
  // the customer picker at a terminal (issue 13, item 4: src/prompt-customer.ts)
  "pick.search": { en: "Customer (name, pinyin, contact or phone)", "zh-CN": "客户（名称、拼音、联系人或电话）" },
  "pick.which": {
    en: { one: '"{typed}" matches {n} customer: which one?', other: '"{typed}" matches {n} customers: which one?' },
    "zh-CN": "“{typed}”对应 {n} 位客户，请选择：",
  },
  "pick.new": { en: '+ new customer "{name}"', "zh-CN": "+ 新建客户“{name}”" },
  // after a call at a terminal (issue 13, item 4: src/prompt-call.ts)
  "ask.satisfaction": {
    en: "Customer's satisfaction, 1 (poor) to 5 (excellent) (optional)",
    "zh-CN": "客户满意度，1（差）至 5（很好）（可不填）",
  },
  "ask.satisfactionRange": { en: "a whole number from 1 to 5, or empty", "zh-CN": "请填 1 至 5 的整数，或留空" },
  "ask.nextDate": {
    en: "Next contact planned for (YYYY-MM-DD; empty for none)",
    "zh-CN": "下次联系日期（如 2026-12-09、12月9日、下周一；不填则不安排）",
  },
  "ask.nextDateNeeded": {
    en: "Next contact planned for (YYYY-MM-DD)",
    "zh-CN": "下次联系日期（如 2026-12-09、12月9日、下周一）",
  },
  "ask.nextTopic": { en: "Next contact: what it is about", "zh-CN": "下次联系的内容" },
  "pick.exists": {
    en: 'customer "{name}" already exists as {id}: pick it from the list; nothing was written',
    "zh-CN": "客户“{name}”已存在（{id}）：请从列表中选择；未写入任何内容",
  },
  "when.overdueMinutes": { en: "overdue {n}min", "zh-CN": "逾期 {n} 分钟" },
  "when.waived": { en: "waived", "zh-CN": "已豁免" },
  "word.waived": { en: "waived", "zh-CN": "已豁免" },
  "word.R-DISPATCH": { en: "send a technician, or tell why not", "zh-CN": "及时派工或告知原因" },
  "w.waived": { en: "waived {key} ({id}): {reason}", "zh-CN": "已豁免 {key}（{id}）：{reason}" },
  "due.noSupervisor": {
    en: "note: no supervisor on the staff list: the monthly review (R-MONTHLY) has no owner; add one with 'aftercare staff add NAME --role supervisor'",
    "zh-CN":
      "注意：员工名单中没有部门主管，月度总结（R-MONTHLY）无人负责；请用 'aftercare staff add 姓名 --role supervisor' 添加",
  },
  // ticket and staff commands (issue 10)
  "w.assignedTo": { en: "; assigned to {name}", "zh-CN": "，负责人 {name}" },
  "act.promise": { en: "given a revised promise", "zh-CN": "已修改承诺完工时间" },
  "act.promise.detail": { en: " of {time} (was {was})", "zh-CN": "为 {time}（原为 {was}）" },
  "act.schedule": { en: "scheduled", "zh-CN": "已安排派工" },
  "act.schedule.detail": { en: " for {date}", "zh-CN": "，计划 {date} 派工" },
  // reviews (R-MONTHLY)
  "review.monthly": { en: "monthly review", "zh-CN": "月度总结" },
  "review.annual": { en: "year-end review", "zh-CN": "年终总结" },
  "review.notEnded": {
    en: "the {what} {period} cannot be saved before its period has ended ({end}, {tz}); without --save it prints as a preview; nothing was written",
    "zh-CN": "{period} {what}须在该期间结束（{end}，{tz}）后才能存档；不加 --save 可先预览；未写入任何内容",
  },
  "review.notSupervisor": {
    en: "only the department supervisor saves the {what} (R-MONTHLY); {name} is on the staff list as {role}{who}; without --save it prints as a preview; nothing was written",
    "zh-CN":
      "{what}只能由部门主管存档（R-MONTHLY）；{name} 在员工名单中是{role}{who}；不加 --save 可先预览；未写入任何内容",
  },
  "review.askSupervisor": { en: ": ask {names}", "zh-CN": "：请由 {names} 存档" },
  "review.noSupervisor": {
    en: ", and no supervisor is on the staff list: add one with 'aftercare staff add NAME --role supervisor'",
    "zh-CN": "，员工名单中没有部门主管：用 'aftercare staff add 姓名 --role supervisor' 添加",
  },
  "review.archived": {
    en: "{path} is already archived; pass --force to write it again (git keeps the old one); nothing was written",
    "zh-CN": "{path} 已存档；如需重写请加 --force（git 保留旧版本）；未写入任何内容",
  },
  "review.saved": {
    en: "saved the {what} {period} to {path} (R-MONTHLY)",
    "zh-CN": "已将 {period} {what}存档为 {path}（R-MONTHLY）",
  },
  "review.revised": {
    en: "revised the {what} {period} in {path}; it keeps its first save, {first}{by} (R-MONTHLY)",
    "zh-CN": "已修订 {period} {what}（{path}）；仍以首次存档为准：{first}{by}（R-MONTHLY）",
  },
  "review.firstBy": { en: " by {name}", "zh-CN": "（{name}）" },
  "review.revisedUnstamped": {
    en: "revised the {what} {period} in {path}; the file does not say when it was first saved, so that stays unknown (R-MONTHLY)",
    "zh-CN": "已修订 {period} {what}（{path}）；文件未记录首次存档时间，仍按未知处理（R-MONTHLY）",
  },
  // contacts: linking and corrections (issue 10)
  "k.linkedTo": { en: "linked to {id}; closes {duties}", "zh-CN": "已关联 {id}；完成 {duties}" },
  "k.ambiguousTicket": {
    en: "{id} could answer {n} tickets; it was recorded without a ticket. Link it with one of:",
    "zh-CN": "{id} 可能对应 {n} 张工单，已登记为未关联工单。请用以下命令之一关联：",
  },
  "k.ambiguousEvent": {
    en: "{id} could answer {n} events; it was recorded without an event. Link it with one of:",
    "zh-CN": "{id} 可能对应 {n} 项活动，已登记为未关联活动。请用以下命令之一关联：",
  },
  "k.candidateLine": { en: "  {command}   # closes {duties}", "zh-CN": "  {command}   # 完成 {duties}" },
  "k.linked": { en: "contact {id} linked to {target}{was}", "zh-CN": "联系记录 {id} 已关联 {target}{was}" },
  "k.was": { en: " (was {old})", "zh-CN": "（原为 {old}）" },
  "k.unlinked": { en: "contact {id} unlinked from {targets}", "zh-CN": "联系记录 {id} 已取消关联 {targets}" },
  "k.editNothing": {
    en: "contact edit needs at least one of --at, --direction, --purpose, --summary, --person, --satisfaction, --told, --not-told; nothing was written",
    "zh-CN":
      "修改联系记录需要至少指定一项：--at、--direction、--purpose、--summary、--person、--satisfaction、--told、--not-told；未写入任何内容",
  },
  "k.edited": { en: "contact {id} changed: {fields}", "zh-CN": "联系记录 {id} 已修改：{fields}" },
  "k.unchanged": {
    en: "contact {id} is already so; nothing was written",
    "zh-CN": "联系记录 {id} 无需修改；未写入任何内容",
  },
  "k.closes": { en: "closes {duties}", "zh-CN": "完成 {duties}" },
  "k.closesNone": { en: "closes no duty", "zh-CN": "未完成任何工作事项" },
  "k.noLonger": { en: "no longer closes {duties}", "zh-CN": "不再完成 {duties}" },
  "k.sep": { en: ", ", "zh-CN": "、" },
  "k.then": { en: "; ", "zh-CN": "；" },
  "k.duty": { en: "{rule} ({record})", "zh-CN": "{rule}（{record}）" },
  // the morning list, cut to each person's most urgent rows (format/duties.ts, MORNING_LIMIT)
  "due.more": { en: "… and {n} more (--all shows them all)", "zh-CN": "……另有 {n} 项（加 --all 显示全部）" },
  // words for the values records hold
  "word.repair": { en: "repair", "zh-CN": "维修" },
  "word.install": { en: "installation", "zh-CN": "建站/安装" },
  "word.maintenance": { en: "maintenance", "zh-CN": "保养" },
  "word.consult": { en: "consultation", "zh-CN": "咨询" },
  "word.complaint": { en: "complaint", "zh-CN": "投诉" },
  "word.shop": { en: "workshop", "zh-CN": "进厂维修" },
  "word.phone": { en: "phone", "zh-CN": "电话" },
  "word.fax": { en: "fax", "zh-CN": "传真" },
  "word.visit": { en: "visit", "zh-CN": "来访" },
  "word.email": { en: "e-mail", "zh-CN": "电子邮件" },
  "word.web": { en: "web", "zh-CN": "网站" },
  "word.wechat": { en: "WeChat", "zh-CN": "微信" },
  "word.sms": { en: "SMS", "zh-CN": "短信" },
  "word.call": { en: "call", "zh-CN": "电话" },
  "word.letter": { en: "letter", "zh-CN": "信函" },
  "word.in": { en: "inbound", "zh-CN": "来电" },
  "word.out": { en: "outbound", "zh-CN": "去电" },
  "word.followup": { en: "follow-up", "zh-CN": "跟踪回访" },
  "word.notice": { en: "notice", "zh-CN": "通知" },
  "word.reminder": { en: "reminder", "zh-CN": "提醒" },
  "word.other": { en: "other", "zh-CN": "其他" },
  "word.invitation": { en: "invitation", "zh-CN": "邀请函" },
  "word.reply": { en: "reply", "zh-CN": "回函" },
  "word.open": { en: "open", "zh-CN": "待处理" },
  "word.escalated": { en: "escalated", "zh-CN": "已上报" },
  "word.dispatched": { en: "dispatched", "zh-CN": "已派工" },
  "word.onsite": { en: "on site", "zh-CN": "在现场" },
  "word.workshop": { en: "in the workshop", "zh-CN": "车间维修中" },
  "word.ready": { en: "ready", "zh-CN": "待交车" },
  "word.resolved": { en: "resolved", "zh-CN": "已解决" },
  "word.closed": { en: "closed", "zh-CN": "已关闭" },
  "word.cancelled": { en: "cancelled", "zh-CN": "已取消" },
  "word.upcoming": { en: "upcoming", "zh-CN": "未到期" },
  "word.due": { en: "due", "zh-CN": "待办" },
  "word.overdue": { en: "overdue", "zh-CN": "逾期" },
  "word.done": { en: "on time", "zh-CN": "按时完成" },
  "word.late": { en: "late", "zh-CN": "逾期完成" },
  "word.missed": { en: "missed", "zh-CN": "错过" },
  "word.gathering": { en: "customer event", "zh-CN": "联谊活动" },
  "word.discount": { en: "discount campaign", "zh-CN": "优惠活动" },
  "word.free-service": { en: "free-service campaign", "zh-CN": "免费服务活动" },
  "word.clerk": { en: "clerk", "zh-CN": "售后客服" },
  "word.technician": { en: "technician", "zh-CN": "技术员" },
  "word.supervisor": { en: "supervisor", "zh-CN": "部门主管" },
  "word.engineering": { en: "engineering", "zh-CN": "工程部主管" },
  "word.R-FILE-SAME-DAY": { en: "file the request the same day", "zh-CN": "当天建立客户档案" },
  "word.R-ESC-1DAY": { en: "escalate within one day", "zh-CN": "一天内上报工程部主管" },
  "word.R-ANSWER-SAME-DAY": { en: "tell the solution the same day", "zh-CN": "当天答复解决方案" },
  "word.R-FOLLOWUP-1": { en: "first follow-up on dispatch day", "zh-CN": "第一次跟踪服务（派工当天）" },
  "word.R-FOLLOWUP-2": { en: "second follow-up, days 7–14", "zh-CN": "第二次跟踪服务（第 7–14 天）" },
  "word.R-NEXT-SERVICE": { en: "planned next contact", "zh-CN": "下次服务联系" },
  "word.R-EVENT-NOTICE": { en: "event notice: call, then letter", "zh-CN": "活动通知：电话与信函" },
  "word.R-MONTHLY": { en: "monthly and year-end review", "zh-CN": "月度与年终总结" },
  "word.R-COVER": { en: "cover for an absent colleague", "zh-CN": "缺勤代岗" },
  "word.C-APPOINTMENT": { en: "appointment reminder", "zh-CN": "预约提醒" },
  "word.C-EXTRA-WORK": { en: "customer's answer on extra work", "zh-CN": "增项征询客户意见" },
  "word.C-PROGRESS-CHECK": { en: "progress check at 70–80 %", "zh-CN": "70–80% 时检查进度" },
  "word.C-READY-NOTICE": { en: "call to collect the vehicle", "zh-CN": "通知客户取车" },
  // showing one record
  "f.customer": { en: "customer", "zh-CN": "客户" },
  "f.received": { en: "received", "zh-CN": "受理" },
  "f.problem": { en: "problem", "zh-CN": "问题" },
  "f.request": { en: "request", "zh-CN": "服务要求" },
  "f.assignee": { en: "assignee", "zh-CN": "负责人" },
  "f.escalated": { en: "escalated", "zh-CN": "上报" },
  "f.dispatched": { en: "dispatched", "zh-CN": "派工" },
  "f.resolved": { en: "resolved", "zh-CN": "解决" },
  "f.closed": { en: "closed", "zh-CN": "关闭" },
  "f.cancelled": { en: "cancelled", "zh-CN": "取消" },
  "f.reopened": { en: "reopened", "zh-CN": "重新打开" },
  "f.scheduled": { en: "scheduled", "zh-CN": "计划派工" },
  "f.plans": { en: "next contact", "zh-CN": "下次联系" },
  "f.address": { en: "address", "zh-CN": "地址" },
  "f.contact": { en: "contact", "zh-CN": "联系人" },
  "f.tags": { en: "tags", "zh-CN": "标签" },
  "f.equipment": { en: "equipment", "zh-CN": "设备" },
  "f.vehicles": { en: "vehicles", "zh-CN": "车辆" },
  "f.note": { en: "note", "zh-CN": "备注" },
  "f.filed": { en: "filed", "zh-CN": "建档" },
  "s.contacts": { en: "contacts ({n})", "zh-CN": "联系记录（{n}）" },
  "s.duties": { en: "duties ({n})", "zh-CN": "工作事项（{n}）" },
  "s.openDuties": { en: "open duties ({n})", "zh-CN": "未完成工作（{n}）" },
  "s.tickets": { en: "tickets ({n}, {open} open)", "zh-CN": "工单（{n}，未结 {open}）" },
  "s.none": { en: "none", "zh-CN": "无" },
  "v.by": { en: "by", "zh-CN": "来自" },
  "v.filedAt": { en: "filed {time}", "zh-CN": "建档 {time}" },
  // what a write says it did
  "w.openedTicket": { en: "opened ticket {id} for {customer}", "zh-CN": "已为 {customer} 建立工单 {id}" },
  "w.addedCustomer": { en: "added customer {id} {name}", "zh-CN": "已建立客户档案 {id} {name}" },
  "w.loggedCall": {
    en: "logged {direction} {purpose} call {id} with {customer}",
    "zh-CN": "已登记与 {customer} 的{direction}（{purpose}）{id}",
  },
  "w.nextPlanned": { en: "; next contact planned for {date}", "zh-CN": "；下次联系定于 {date}" },
  "w.loggedLetter": {
    en: "logged {kind} letter {id} to {customer}, sent {date}",
    "zh-CN": "已登记寄给 {customer} 的{kind} {id}（{date}）",
  },
  "act.escalate": { en: "escalated", "zh-CN": "已上报" },
  "act.dispatch": { en: "dispatched", "zh-CN": "已派工" },
  "act.arrive": { en: "marked on site", "zh-CN": "技术员已到现场" },
  "act.resolve": { en: "resolved", "zh-CN": "已解决" },
  "act.close": { en: "closed", "zh-CN": "已关闭" },
  "act.reopen": { en: "reopened", "zh-CN": "已重新打开" },
  "act.cancel": { en: "cancelled", "zh-CN": "已取消" },
  "act.intake": { en: "taken in", "zh-CN": "已接车" },
  "act.estimate": { en: "estimated", "zh-CN": "已估价" },
  "act.handover": { en: "handed to the workshop", "zh-CN": "已交车间" },
  "act.extra": { en: "given an extra-work request", "zh-CN": "已登记增项" },
  "act.answer": { en: "given the customer's answer", "zh-CN": "已登记客户对增项的答复" },
  "act.progress": { en: "checked on", "zh-CN": "已检查进度" },
  "act.ready": { en: "marked ready", "zh-CN": "已完工待交车" },
  "act.deliver": { en: "delivered", "zh-CN": "已交车" },
  "act.escalate.detail": { en: " to {who}", "zh-CN": "给{who}" },
  "act.dispatch.detail": { en: " to {who}", "zh-CN": "给{who}" },
  "act.intake.detail": { en: " {plate}", "zh-CN": " {plate}" },
  "act.estimate.detail": { en: " by {mode}", "zh-CN": "（{mode}）" },
  "act.handover.detail": { en: " (received by {who})", "zh-CN": "，车间接车人{who}" },
  "act.extra.detail": { en: " ({item})", "zh-CN": "（{item}）" },
  "act.answer.detail": { en: " {no} {answer}", "zh-CN": "：增项 {no} {answer}" },
  "act.sentence": { en: "ticket {id} {done}{detail}{change}", "zh-CN": "工单 {id} {done}{detail}{change}" },
  "act.change": { en: " (was {from}, now {to})", "zh-CN": "（{from} → {to}）" },
  "word.approved": { en: "approved", "zh-CN": "同意" },
  "word.declined": { en: "declined", "zh-CN": "不同意" },
  "word.system": { en: "system", "zh-CN": "按系统" },
  "word.symptom": { en: "symptom", "zh-CN": "按症状" },
  "word.item": { en: "item", "zh-CN": "按项目" },
  "v.to": { en: "to", "zh-CN": "给" },
  // the working calendar (aftercare holidays; the missing-year warning of due, overdue and check)
  "cal.missing": {
    en: "warning: no public holidays for {years} in the working calendar ({what}), so deadlines there count them as working days: {fix}",
    "zh-CN": "警告：工作日历中没有 {years} 年的法定节假日（{what}），相关期限会把节假日当作工作日计算：{fix}",
  },
  "cal.whatSource": { en: "{id}: {label} has {spans}", "zh-CN": "{id}：{label} 收录 {spans} 年" },
  "cal.whatDefault": { en: "no calendar.source in aftercare.yaml", "zh-CN": "aftercare.yaml 中未设 calendar.source" },
  "cal.whatNone": {
    en: "calendar.source none; aftercare.yaml's own days cover {spans}",
    "zh-CN": "calendar.source 为 none；aftercare.yaml 中的节假日只覆盖 {spans} 年",
  },
  "cal.fixCn": {
    en: "once the State Council publishes them, add them with 'aftercare holidays add NAME --from DATE --to DATE' and 'aftercare holidays workday DATE' (make-up working days), or update aftercare for a newer chinese-days",
    "zh-CN":
      "国务院公布后用 'aftercare holidays add 名称 --from 日期 --to 日期' 和 'aftercare holidays workday 日期'（调休上班日）添加，或更新 aftercare 以使用新版 chinese-days",
  },
  "cal.fixDefault": {
    en: "set calendar.source in aftercare.yaml to the country (such as DE or US-CA; none when no public holiday is kept), or add them with 'aftercare holidays add NAME --from DATE --to DATE'",
    "zh-CN":
      "在 aftercare.yaml 中把 calendar.source 设为所在国家（如 DE、US-CA；不放法定假日则设为 none），或用 'aftercare holidays add 名称 --from 日期 --to 日期' 添加",
  },
  "cal.fixAdd": {
    en: "add them with 'aftercare holidays add NAME --from DATE --to DATE'",
    "zh-CN": "用 'aftercare holidays add 名称 --from 日期 --to 日期' 添加",
  },
  "cal.yearSep": { en: ", ", "zh-CN": "、" },
  "cal.week": {
    en: "working week: {days}; {n} working days in {year}",
    "zh-CN": "每周工作日：{days}；{year} 年共 {n} 个工作日",
  },
  "cal.source": {
    en: "public holidays: {id} ({label}, {spans}){dflt}; the days in aftercare.yaml win over it",
    "zh-CN": "法定节假日来源：{id}（{label}，{spans} 年）{dflt}；aftercare.yaml 中的日子优先",
  },
  "cal.sourceDefault": { en: ", the default for {tz}", "zh-CN": "，{tz} 的默认来源" },
  "cal.sourceNone": {
    en: "public holidays: only the days in aftercare.yaml (calendar.source none)",
    "zh-CN": "法定节假日：只有 aftercare.yaml 中的日子（calendar.source 为 none）",
  },
  "cal.sourceNoneDefault": {
    en: "public holidays: only the days in aftercare.yaml (no calendar.source there)",
    "zh-CN": "法定节假日：只有 aftercare.yaml 中的日子（未设 calendar.source）",
  },
  "cal.none": { en: "no public holidays for {year}", "zh-CN": "{year} 年没有法定节假日" },
  "cal.noneWhy": {
    en: "no public holidays for {year} ({what}): {fix}",
    "zh-CN": "{year} 年没有法定节假日（{what}）：{fix}",
  },
  "cal.h.off": { en: "days off", "zh-CN": "放假日期" },
  "cal.h.weekdays": { en: "weekdays", "zh-CN": "星期" },
  "cal.h.holiday": { en: "holiday", "zh-CN": "节日" },
  "cal.h.origin": { en: "from", "zh-CN": "来源" },
  "cal.h.on": { en: "make-up working days", "zh-CN": "调休上班日" },
  "cal.h.weekday": { en: "weekday", "zh-CN": "星期" },
  "cal.h.for": { en: "for", "zh-CN": "调休原因" },
  "cal.added": {
    en: "added {name} ({days}, {n} days off) to the working calendar in aftercare.yaml",
    "zh-CN": "已在 aftercare.yaml 的工作日历中加入{name}（{days}，放假 {n} 天）",
  },
  "cal.addedWorkday": {
    en: "added {day} ({weekday}) to the working calendar in aftercare.yaml as a make-up working day{instead}",
    "zh-CN": "已在 aftercare.yaml 的工作日历中加入调休上班日 {day}（{weekday}）{instead}",
  },
  "cal.noJson": {
    en: "calendar prints iCalendar, not JSON; the same duties as JSON: aftercare due --json --within 90",
    "zh-CN":
      "calendar 输出 iCalendar 日历文件，不输出 JSON；同样的工作事项以 JSON 输出：aftercare due --json --within 90",
  },
  "cal.instead": { en: " (a day off in {label}: {name})", "zh-CN": "（{label} 中为放假日：{name}）" },
  "cal.badYear": { en: 'YEAR "{year}" must be a year such as 2026', "zh-CN": '年份 "{year}" 应为四位年份，如 2026' },
  "cal.needName": {
    en: "holidays add needs the holiday's NAME, such as 春节; nothing was written",
    "zh-CN": "holidays add 需要节日名称（NAME），如 春节；未写入任何内容",
  },
  "cal.needFrom": {
    en: "holidays add needs --from DATE (the first day off); nothing was written",
    "zh-CN": "holidays add 需要 --from 日期（放假第一天）；未写入任何内容",
  },
  "cal.toBeforeFrom": {
    en: "--to {to} is before --from {from}; nothing was written",
    "zh-CN": "--to {to} 早于 --from {from}；未写入任何内容",
  },
  "cal.tooLong": {
    en: "--from {from} --to {to} is {n} days: a stretch of days off is at most {max} days (a typo in the year?); add longer ones in parts; nothing was written",
    "zh-CN":
      "--from {from} --to {to} 共 {n} 天：一段放假最多 {max} 天（年份写错了？）；更长的请分段添加；未写入任何内容",
  },
  "cal.overlapsOff": {
    en: "{day} is already a day off in aftercare.yaml ({name}, {range}); edit that entry instead; nothing was written",
    "zh-CN":
      "{day} 已是 aftercare.yaml 中的放假日（{name}，{range}）；请直接在 aftercare.yaml 中修改那一条；未写入任何内容",
  },
  "cal.overlapsOn": {
    en: "{day} is a make-up working day in aftercare.yaml; remove it from calendar.workdays first; nothing was written",
    "zh-CN": "{day} 是 aftercare.yaml 中的调休上班日；请先从 calendar.workdays 中删除；未写入任何内容",
  },
  "cal.alreadyOn": {
    en: "{day} is already a make-up working day in aftercare.yaml; nothing was written",
    "zh-CN": "{day} 已是 aftercare.yaml 中的调休上班日；未写入任何内容",
  },
  "cal.alreadyWorking": {
    en: "{day} ({weekday}) is a working day already; a make-up working day is a day off made a working day; nothing was written",
    "zh-CN": "{day}（{weekday}）本来就是工作日；调休上班日应是原本休息的日子；未写入任何内容",
  },
  // spreadsheets: export headings, import notes and refusals, calendar (issue 14)
  "x.id": { en: "id", "zh-CN": "编号" },
  "x.name": { en: "name", "zh-CN": "客户名称" },
  "x.address": { en: "address", "zh-CN": "地址" },
  "x.contact": { en: "contact", "zh-CN": "联系人" },
  "x.title": { en: "title", "zh-CN": "职务" },
  "x.phones": { en: "phones", "zh-CN": "联系电话" },
  "x.email": { en: "email", "zh-CN": "邮箱" },
  "x.numbered": { en: "{heading} {n}", "zh-CN": "{heading}{n}" },
  "x.tags": { en: "tags", "zh-CN": "标签" },
  "x.equipment": { en: "equipment", "zh-CN": "设备" },
  "x.vehicles": { en: "vehicles", "zh-CN": "车辆" },
  "x.note": { en: "note", "zh-CN": "备注" },
  "x.created": { en: "created", "zh-CN": "建档时间" },
  "x.customer": { en: "customer", "zh-CN": "客户编号" },
  "x.customerName": { en: "customer name", "zh-CN": "客户名称" },
  "x.kind": { en: "kind", "zh-CN": "类型" },
  "x.channel": { en: "channel", "zh-CN": "来源" },
  "x.received": { en: "received", "zh-CN": "受理时间" },
  "x.filed": { en: "filed", "zh-CN": "建档时间" },
  "x.problem": { en: "problem", "zh-CN": "问题" },
  "x.request": { en: "request", "zh-CN": "服务要求" },
  "x.status": { en: "status", "zh-CN": "状态" },
  "x.assignee": { en: "assignee", "zh-CN": "负责人" },
  "x.escalated": { en: "escalated", "zh-CN": "上报时间" },
  "x.escalatedTo": { en: "escalated to", "zh-CN": "上报给" },
  "x.dispatched": { en: "dispatched", "zh-CN": "派工时间" },
  "x.technician": { en: "technician", "zh-CN": "技术员" },
  "x.depart": { en: "departs", "zh-CN": "出发时间" },
  "x.arrive": { en: "arrives", "zh-CN": "到达时间" },
  "x.resolved": { en: "resolved", "zh-CN": "解决时间" },
  "x.solution": { en: "solution", "zh-CN": "解决方案" },
  "x.closed": { en: "closed", "zh-CN": "关闭时间" },
  "x.cancelled": { en: "cancelled", "zh-CN": "取消时间" },
  "x.plate": { en: "plate", "zh-CN": "车牌" },
  "x.odometer": { en: "odometer (km)", "zh-CN": "里程（公里）" },
  "x.promised": { en: "promised", "zh-CN": "承诺完工" },
  "x.estimate": { en: "estimate ({currency})", "zh-CN": "估价（{currency}）" },
  "x.bill": { en: "bill ({currency})", "zh-CN": "结算金额（{currency}）" },
  "x.paid": { en: "paid ({currency})", "zh-CN": "实收金额（{currency}）" },
  "x.delivered": { en: "delivered", "zh-CN": "交车时间" },
  "x.date": { en: "date", "zh-CN": "日期" },
  "x.time": { en: "time", "zh-CN": "时间" },
  "x.ticket": { en: "ticket", "zh-CN": "工单" },
  "x.event": { en: "event", "zh-CN": "活动" },
  "x.via": { en: "channel", "zh-CN": "方式" },
  "x.direction": { en: "direction", "zh-CN": "方向" },
  "x.purpose": { en: "purpose", "zh-CN": "目的" },
  "x.staff": { en: "staff", "zh-CN": "经办人" },
  "x.person": { en: "person", "zh-CN": "对方联系人" },
  "x.summary": { en: "summary", "zh-CN": "要点" },
  "x.requests": { en: "requests", "zh-CN": "客户要求" },
  "x.complaints": { en: "complaints", "zh-CN": "客户投诉" },
  "x.satisfaction": { en: "satisfaction", "zh-CN": "满意度" },
  "x.nextDate": { en: "next date", "zh-CN": "下次联系日期" },
  "x.nextTopic": { en: "next topic", "zh-CN": "下次联系内容" },
  "x.letterKind": { en: "letter kind", "zh-CN": "信函类型" },
  "x.letterSubject": { en: "letter subject", "zh-CN": "信函主题" },
  "x.key": { en: "key", "zh-CN": "事项编号" },
  "x.rule": { en: "rule", "zh-CN": "条款" },
  "x.state": { en: "state", "zh-CN": "状态" },
  "x.earliest": { en: "earliest", "zh-CN": "开始日期" },
  "x.due": { en: "due", "zh-CN": "到期日" },
  "x.dueAt": { en: "due at", "zh-CN": "到期时间" },
  "x.owner": { en: "owner", "zh-CN": "原负责人" },
  "x.record": { en: "record", "zh-CN": "记录" },
  "x.todo": { en: "what to do", "zh-CN": "工作内容" },
  "x.doneOn": { en: "done on", "zh-CN": "完成日期" },
  "x.daysLate": { en: "days late", "zh-CN": "逾期天数" },
  "exp.what": { en: 'cannot export "{what}": choose {choices}', "zh-CN": "无法导出“{what}”：请选择 {choices}" },
  "exp.format": {
    en: '--format "{format}" is not one of {choices}',
    "zh-CN": "--format “{format}” 不可用：请选择 {choices}",
  },
  "exp.month": {
    en: '--month "{month}" must look like 2026-11',
    "zh-CN": "--month “{month}” 应写成 2026-11 这样的年月",
  },
  "exp.monthAndRange": { en: "give --month, or --from/--to, not both", "zh-CN": "--month 与 --from/--to 只能选一种" },
  "exp.toBeforeFrom": {
    en: "--to {to} is before --from {from}; nothing to export",
    "zh-CN": "--to {to} 早于 --from {from}；没有可导出的内容",
  },
  "exp.xlsxTty": {
    en: "an .xlsx workbook is not for the terminal: give --output FILE (or redirect to a file)",
    "zh-CN": ".xlsx 工作簿不能输出到终端：请加 --output 文件名（或重定向到文件）",
  },
  "exp.done": { en: "exported {n} {what} to {file}", "zh-CN": "已导出 {n} 条{what}记录到 {file}" },
  "exp.customers": { en: "customers", "zh-CN": "客户" },
  "exp.tickets": { en: "tickets", "zh-CN": "工单" },
  "exp.contacts": { en: "contacts", "zh-CN": "联系" },
  "exp.duties": { en: "duties", "zh-CN": "工作事项" },
  "imp.noFile": {
    en: "cannot read {file}: no such file; check the name (and the folder you are in); nothing was written",
    "zh-CN": "无法读取 {file}：文件不存在；请检查文件名（和当前目录）；未写入任何内容",
  },
  "imp.isFolder": {
    en: "cannot read {file}: it is a folder; give the spreadsheet's file name; nothing was written",
    "zh-CN": "无法读取 {file}：这是一个文件夹；请给出表格文件名；未写入任何内容",
  },
  "imp.foreign": {
    en: "{file} is {format}, which aftercare does not read: open it in Excel, WPS or LibreOffice and save it as .xlsx or CSV (UTF-8), then import that file; nothing was written",
    "zh-CN":
      "{file} 是{format}，aftercare 不能读取：请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx 或 CSV（UTF-8），再导入该文件；未写入任何内容",
  },
  "imp.format.xls": { en: "an Excel 97–2003 workbook (.xls)", "zh-CN": " Excel 97–2003 工作簿（.xls）" },
  "imp.format.et": { en: "a WPS spreadsheet (.et)", "zh-CN": " WPS 表格文件（.et）" },
  "imp.format.ods": { en: "an OpenDocument spreadsheet (.ods)", "zh-CN": " OpenDocument 电子表格（.ods）" },
  "imp.format.numbers": { en: "a Numbers spreadsheet (.numbers)", "zh-CN": " Numbers 电子表格（.numbers）" },
  "imp.badCsv": {
    en: "{file} is not valid CSV (columns separated by {delimiter}): {why}; nothing was written",
    "zh-CN": "{file} 不是有效的 CSV（以{delimiter}分列）：{why}；未写入任何内容",
  },
  "imp.csvQuoteOpen": {
    en: "a quotation mark is still open at the end of the file (line {line}); close it or remove it",
    "zh-CN": "到文件末尾（第 {line} 行）还有引号没有闭合；请补上或删去",
  },
  "imp.csvQuoteClose": {
    en: "at line {line} a closing quotation mark is followed by other characters",
    "zh-CN": "第 {line} 行的右引号后面还紧跟着其他字符",
  },
  "imp.badXlsx": {
    en: "{file} is not a readable .xlsx workbook ({why}); save it again as .xlsx or CSV; nothing was written",
    "zh-CN": "{file} 不是可读取的 .xlsx 工作簿（{why}）；请重新另存为 .xlsx 或 CSV；未写入任何内容",
  },
  "imp.noSheet": {
    en: '{file} has no sheet "{sheet}"; its sheets: {sheets}; nothing was written',
    "zh-CN": "{file} 中没有工作表“{sheet}”；现有工作表：{sheets}；未写入任何内容",
  },
  "imp.noName": {
    en: "{file}: no column for the customer's name (looked for 客户单位名称, 客户名称, name, …; the headings in row {row} are: {headings}); name it with --map name=COLUMN, or say the heading row with --header-row N",
    "zh-CN":
      "{file}：没有客户名称列（查找了 客户单位名称、客户名称、name 等；第 {row} 行的列名为：{headings}）；请用 --map name=列名 指定，或用 --header-row 行号 指明列名所在行",
  },
  "imp.empty": { en: "{file} holds no rows; nothing was written", "zh-CN": "{file} 中没有任何行；未写入任何内容" },
  "imp.headerRow": {
    en: "--header-row {row}: the file has {rows} rows",
    "zh-CN": "--header-row {row}：文件只有 {rows} 行",
  },
  "imp.headerRowBad": {
    en: '--header-row "{row}" must be a row number, such as 3',
    "zh-CN": "--header-row “{row}” 应为行号，例如 3",
  },
  "imp.headingsAt": {
    en: "note: headings in row {row}{sub}; {skipped} above them skipped",
    "zh-CN": "注意：列名在第 {row} 行{sub}；其上 {skipped} 已跳过",
  },
  "imp.headingsSub": { en: " and row {row}", "zh-CN": "和第 {row} 行" },
  "imp.rowsAbove": { en: "rows 1–{last}", "zh-CN": "第 1–{last} 行" },
  "imp.rowAbove": { en: "row 1", "zh-CN": "第 1 行" },
  "imp.unknownCols": {
    en: "note: {n} column(s) are no customer field: {columns}; each row's values are kept in the customer's note (--map FIELD=COLUMN puts one in a field; --strict refuses them)",
    "zh-CN":
      "注意：{n} 列不对应客户字段：{columns}；每行的值保留在客户备注中（用 --map 字段=列名 可放入字段；加 --strict 则拒绝）",
  },
  "imp.unknownStrict": {
    en: "{file}: {n} column(s) are no customer field: {columns}; with --strict nothing is imported: name them with --map FIELD=COLUMN or delete them; nothing was written",
    "zh-CN":
      "{file}：{n} 列不对应客户字段：{columns}；已加 --strict，不导入任何内容：请用 --map 字段=列名 指定或删除这些列；未写入任何内容",
  },
  "imp.column": { en: "column {letter}", "zh-CN": "第 {letter} 列" },
  "imp.skipSerial": {
    en: "{row}: only a row number ({value}), no customer",
    "zh-CN": "{row} 行：只有序号（{value}），没有客户",
  },
  "imp.skipTotals": { en: "{row}: a totals row ({value})", "zh-CN": "{row} 行：合计行（{value}）" },
  "imp.skipOnFile": { en: "{row}: {name} (already on file)", "zh-CN": "{row} 行：{name}（已有档案）" },
  "imp.skipRepeat": { en: "{row}: {name} (same as row {first})", "zh-CN": "{row} 行：{name}（与第 {first} 行相同）" },
  "imp.noNameRow": {
    en: "{at}: no customer name; fill the name column or delete the row",
    "zh-CN": "{at}：没有客户名称；请填写客户名称或删除该行",
  },
  "imp.cells": {
    en: '{at}: {n} cells where the header has {width} (columns separated by {sep}); a value holding the separator needs "double quotes" — fix the row and import again',
    "zh-CN":
      "{at}：有 {n} 个单元格，而列名行有 {width} 个（以{sep}分隔）；含分隔符的值须加英文双引号——改正该行后重新导入",
  },
  "imp.scientific": {
    en: "{at}: phone {value} is in scientific notation: its last digits are lost; format the phone column as text in the spreadsheet (or type the numbers again) and save it as .xlsx, then import again",
    "zh-CN":
      "{at}：电话 {value} 是科学计数法，后几位已丢失；请在表格中将电话列设为文本格式（或重新输入号码），另存为 .xlsx 后重新导入",
  },
  "imp.notPhone": {
    en: "{at}: phone {value} is not a phone number (a number with a fraction); format the phone column as text and import again",
    "zh-CN": "{at}：电话 {value} 不是电话号码（带小数的数字）；请将电话列设为文本格式后重新导入",
  },
  "imp.badCreated": {
    en: "{at}: created {value} is not a date-time; write it as 2026-11-26 09:30 or leave it empty",
    "zh-CN": "{at}：建档时间 {value} 不是日期时间；请写成 2026-11-26 09:30 或留空",
  },
  "imp.field": { en: "{at}: {field} {message}", "zh-CN": "{at}：{field} {message}" },
  "imp.wouldAdd": { en: "would add row {row}:", "zh-CN": "将添加第 {row} 行：" },
  "imp.wouldSkip": { en: "would skip row {what}", "zh-CN": "将跳过第 {what}" },
  "imp.wouldRefuse": { en: "would refuse {what}", "zh-CN": "将拒绝 {what}" },
  "imp.dryRun": {
    en: "dry run of {file}{enc}: {add} to add, {skip} already on file or repeated, {bad} refused{other}; nothing was written",
    "zh-CN": "试运行 {file}{enc}：将添加 {add} 位，已有或重复 {skip} 位，拒绝 {bad} 行{other}；未写入任何内容",
  },
  "imp.otherSkipped": { en: ", {n} other rows skipped", "zh-CN": "，另跳过 {n} 行" },
  "imp.done": {
    en: {
      one: "imported {n} customer from {file}{enc}; {skip} already on file or repeated; {bad} refused{other}",
      other: "imported {n} customers from {file}{enc}; {skip} already on file or repeated; {bad} refused{other}",
    },
    "zh-CN": "已从 {file}{enc} 导入 {n} 位客户；已有或重复 {skip} 位；拒绝 {bad} 行{other}",
  },
  "imp.strict": {
    en: {
      one: "{n} row refused and --strict given: nothing was imported",
      other: "{n} rows refused and --strict given: nothing was imported",
    },
    "zh-CN": "{n} 行被拒绝且已加 --strict：未导入任何内容",
  },
  "imp.skipped": { en: "skipped row {what}", "zh-CN": "已跳过第 {what}" },
  "cal.record": { en: "record {id}", "zh-CN": "记录 {id}" },
  "cal.window": { en: "window {from}–{to}", "zh-CN": "期限 {from} – {to}" },
  "cal.overdue": { en: " (overdue {n} d)", "zh-CN": "（逾期 {n} 天）" },
  "cal.for": { en: "for {name}", "zh-CN": "负责人 {name}" },
  "cal.wrote": { en: "wrote {n} duties to {file}", "zh-CN": "已将 {n} 项工作写入 {file}" },
  // dates and times as people type them (issue 13)
  "date.helpDateTime": {
    en: "YYYY-MM-DD HH:MM (2026-12-07 08:55), 2026/12/07 08:55, 12-07 08:55, 昨天 15:30, yesterday 3pm, 15:30, 下午3点半, a date alone (12月7日, 下周一, Monday) or now",
    "zh-CN":
      "YYYY-MM-DD HH:MM（如 2026-12-07 08:55）、2026/12/07 08:55、12-07 08:55、昨天 15:30、15:30、下午3点半，或只写日期（12月7日、下周一）或 now",
  },
  "date.helpDate": {
    en: "2026-12-07, 2026/12/07, 12-07, 12/7, 12月7日, today, yesterday, tomorrow, 今天, 昨天, 明天, 前天, 周一, 下周一 or Monday",
    "zh-CN": "2026-12-07、2026/12/07、12-07、12/7、12月7日、今天、昨天、明天、前天、周一、下周一",
  },
  "date.notDateTime": {
    en: '{flag} "{value}" is not a date-time: use {help}; nothing was written',
    "zh-CN": '{flag} "{value}" 不是日期时间：请写 {help}；未写入任何内容',
  },
  "date.notDate": {
    en: '{flag} "{value}" is not a date: use {help}; nothing was written',
    "zh-CN": '{flag} "{value}" 不是日期：请写 {help}；未写入任何内容',
  },
  "date.future": {
    en: "{flag} {shown} is in the future (now {now}); record what has happened, when it happened{meant}; nothing was written",
    "zh-CN": "{flag} {shown} 晚于现在（{now}）；请按实际发生的时间登记{meant}；未写入任何内容",
  },
  "date.meant": {
    en: '; did you mean {which}, {moment}? Give {flag} "{moment}"',
    "zh-CN": '；是否指{which} {moment}？请写 {flag} "{moment}"',
  },
  "date.meant.day": { en: "yesterday", "zh-CN": "昨天" },
  "date.meant.week": { en: "the week before", "zh-CN": "上周" },
  "date.meant.year": { en: "last year", "zh-CN": "去年" },
  "date.ambiguous": {
    en: '{flag} "{value}" can mean {readings}; give the one you mean: {typed}; nothing was written',
    "zh-CN": '{flag} "{value}" 可理解为 {readings}；请写明所指：{typed}；未写入任何内容',
  },
  "date.or": { en: " or ", "zh-CN": " 或 " },
  "ch.unknown": {
    en: '{flag} "{value}" is not one of {choices}; nothing was written',
    "zh-CN":
      "{flag} “{value}” 不是可用的来源：请写 {choices} 之一（其他来源可在 aftercare.yaml 的 channels: 下添加）；未写入任何内容",
  },
  // ticket edit (issue 13)
  // the fields an edit changed, as the sentence names them (the commit subject keeps the field names)
  "fld.received": { en: "received", "zh-CN": "受理时间" },
  "fld.channel": { en: "channel", "zh-CN": "来源" },
  "fld.kind": { en: "kind", "zh-CN": "类型" },
  "fld.problem": { en: "problem", "zh-CN": "问题" },
  "fld.request": { en: "request", "zh-CN": "服务要求" },
  "fld.assignee": { en: "assignee", "zh-CN": "负责人" },
  "fld.appointment": { en: "appointment", "zh-CN": "预约时间" },
  "fld.at": { en: "at", "zh-CN": "时间" },
  "fld.direction": { en: "direction", "zh-CN": "方向" },
  "fld.purpose": { en: "purpose", "zh-CN": "目的" },
  "fld.summary": { en: "summary", "zh-CN": "要点" },
  "fld.person": { en: "person", "zh-CN": "联系人" },
  "fld.satisfaction": { en: "satisfaction", "zh-CN": "满意度" },
  "fld.told": { en: "told", "zh-CN": "已告知" },
  "fld.not-told": { en: "not-told", "zh-CN": "未告知" },
  "fld.sep": { en: ", ", "zh-CN": "、" },
  "te.edited": { en: "ticket {id} changed: {fields}", "zh-CN": "工单 {id} 已修改：{fields}" },
  "te.unchanged": {
    en: "ticket {id} is already so; nothing was written",
    "zh-CN": "工单 {id} 无需修改；未写入任何内容",
  },
  "te.nothing": {
    en: "ticket edit needs something to change (--received, --channel, --kind, --problem, --request, --assignee, --appointment), or a terminal to open $EDITOR; nothing was written",
    "zh-CN":
      "ticket edit 需要指定要修改的内容（--received、--channel、--kind、--problem、--request、--assignee、--appointment），或在终端中用 $EDITOR 编辑；未写入任何内容",
  },
  "te.channel": {
    en: 'ticket {id}: channel "{channel}" is not one of {channels} (add it under channels: in aftercare.yaml); nothing was written',
    "zh-CN":
      '工单 {id}：来源 "{channel}" 不在 {channels} 之中（可在 aftercare.yaml 的 channels: 下添加）；未写入任何内容',
  },
  "te.receivedAfterFiled": {
    en: "ticket {id}: received {received} would be after it was filed ({filed}); a request is filed after it comes in; nothing was written",
    "zh-CN": "工单 {id}：受理时间 {received} 晚于建档时间（{filed}）；应先受理后建档；未写入任何内容",
  },
  "te.receivedAfterStep": {
    en: "ticket {id}: received {received} would be after it was {step} ({at}); a request is received before anything is done on it; nothing was written",
    "zh-CN": "工单 {id}：受理时间 {received} 晚于{step}时间（{at}）；应先受理后处理；未写入任何内容",
  },
  "te.step.escalation": { en: "escalated", "zh-CN": "上报" },
  "te.step.dispatch": { en: "dispatched", "zh-CN": "派工" },
  "te.step.schedule": { en: "scheduled", "zh-CN": "安排上门" },
  "te.step.intake": { en: "taken in", "zh-CN": "接车" },
  "te.step.handover": { en: "handed to the workshop", "zh-CN": "交修" },
  "te.step.ready": { en: "ready", "zh-CN": "完工" },
  "te.step.resolution": { en: "resolved", "zh-CN": "解决" },
  "te.step.delivery": { en: "delivered", "zh-CN": "交车" },
  "te.step.closed": { en: "closed", "zh-CN": "关闭" },
  "te.step.cancelled": { en: "cancelled", "zh-CN": "取消" },
  "te.step.reopened": { en: "reopened", "zh-CN": "重新打开" },
  "te.appointment": {
    en: "ticket {id}: an appointment is for vehicles at the reception desk (kind shop); nothing was written",
    "zh-CN": "工单 {id}：预约时间仅用于进厂维修（kind shop）；未写入任何内容",
  },
  "te.notShop": {
    en: "ticket {id} holds a vehicle's intake, estimate or delivery: its kind stays shop; nothing was written",
    "zh-CN": "工单 {id} 已有车辆接车、估价或交车记录，类型须保持为进厂维修（shop）；未写入任何内容",
  },
  "te.meanwhile": {
    en: "{path} was changed meanwhile by {by}; your edit is kept in {tmp}: compare it with the file as it is now and run 'aftercare ticket edit {id}' again; nothing was written",
    "zh-CN":
      "{path} 在此期间已被 {by} 修改；你的编辑保存在 {tmp}：请与当前文件比较后再次运行 'aftercare ticket edit {id}'；未写入任何内容",
  },
  // a name not on the staff list (issue 13: "did you mean 王芳?")
  "staff.unknown": {
    en: "{flag} \"{name}\" is not on the staff list ({known}); add them with 'aftercare staff add'; nothing was written",
    "zh-CN": "{flag} “{name}” 不在员工名单中（{known}）；请先用 'aftercare staff add' 添加；未写入任何内容",
  },
  "staff.unknownEmpty": {
    en: "{flag} \"{name}\" is not on the staff list; add them with 'aftercare staff add'; nothing was written",
    "zh-CN": "{flag} “{name}” 不在员工名单中；请先用 'aftercare staff add' 添加；未写入任何内容",
  },
  "staff.didYouMean": {
    en: '{flag} "{name}" is not on the staff list; did you mean {best}? Give {flag} "{best}", or add them with \'aftercare staff add\'; nothing was written',
    "zh-CN":
      "{flag} “{name}” 不在员工名单中；是不是 {best}？请写 {flag} \"{best}\"，或用 'aftercare staff add' 添加；未写入任何内容",
  },
  "te.kept": {
    en: "your edit is kept in {tmp}; {path} was not changed",
    "zh-CN": "你的编辑保存在 {tmp}；{path} 未改动",
  },
  // undo and redo (issue 13)
  "undo.dirty": {
    en: "the store has changes not yet committed ({files}); commit them first ('aftercare doctor --fix', or git), then undo; nothing was changed",
    "zh-CN": "存储中有尚未提交的修改（{files}）；请先提交（'aftercare doctor --fix' 或 git），再撤销；未做任何改动",
  },
  "undo.later": {
    en: 'cannot undo "{subject}": later commits changed the same records:\n{list}\nundo or correct those first; nothing was changed',
    "zh-CN": '无法撤销 "{subject}"：之后的提交修改了相同的记录：\n{list}\n请先撤销或更正这些提交；未做任何改动',
  },
  "undo.gitFailed": {
    en: 'git could not revert "{subject}" ({why}); nothing was changed',
    "zh-CN": 'git 无法撤销 "{subject}"（{why}）；未做任何改动',
  },
  "undo.gitRefused": {
    en: "git refused the undo commit ({why}); nothing was changed",
    "zh-CN": "git 拒绝了撤销提交（{why}）；未做任何改动",
  },
  "undo.none": {
    en: "{name} has no aftercare commit left to undo in this store's recent history; nothing was changed",
    "zh-CN": "{name} 在本存储近期历史中没有可撤销的 aftercare 提交；未做任何改动",
  },
  "undo.init": {
    en: 'your last aftercare commit created the store ("{subject}"); that cannot be undone; nothing was changed',
    "zh-CN": '你最近的 aftercare 提交是创建存储（"{subject}"），不能撤销；未做任何改动',
  },
  "undo.done": {
    en: 'undid "{subject}" ({sha}) with a new commit {head}',
    "zh-CN": '已撤销 "{subject}"（{sha}），新提交 {head}',
  },
  "redo.none": {
    en: "{name} has nothing to redo: redo re-applies what your last undo took back, until you make another change; nothing was changed",
    "zh-CN": "{name} 没有可重做的操作：重做只恢复最近一次撤销的内容，且之后没有新的修改；未做任何改动",
  },
  "redo.done": { en: 'redid "{subject}" with a new commit {head}', "zh-CN": '已重做 "{subject}"，新提交 {head}' },
  "ask.customerName": {
    en: "Customer name (an organisation, or a private person such as 周先生)",
    "zh-CN": "客户名称（单位，或个人如 周先生）",
  },
  "ask.phone": { en: "Phone (optional)", "zh-CN": "电话（可不填）" },
  "ask.address": { en: "Address (optional)", "zh-CN": "地址（可不填）" },
  "ask.contactPerson": {
    en: "Contact person (optional; empty when the customer is a private person)",
    "zh-CN": "联系人（可不填；个人客户留空）",
  },
  "date.askDate": {
    en: "a date such as 2027-03-15, 12月7日, 下周一 or tomorrow",
    "zh-CN": "请写日期，如 2027-03-15、12月7日、下周一、明天",
  },
  "date.askNotPast": {
    en: "today ({today}) or later: a planned next contact cannot be in the past",
    "zh-CN": "须为今天（{today}）或以后：下次联系不能安排在过去",
  },
  // sync and resolve: several desks, one store (issue 17; docs/collaboration.md)
  "sy.here": { en: "this desk", "zh-CN": "本机" },
  "sy.there": { en: "the server", "zh-CN": "服务器" },
  "sy.stashOurs": { en: "what came in", "zh-CN": "收到的更改" },
  "sy.stashTheirs": { en: "your uncommitted edit", "zh-CN": "未提交的修改" },
  "h.notId": {
    en: '"{id}" is not a record ID (C-, T-, K- or E-…)',
    "zh-CN": "“{id}” 不是记录编号（C-、T-、K- 或 E-…）",
  },
  "h.none": {
    en: "git has no history of {id} ({path}); was it ever committed?",
    "zh-CN": "git 中没有 {id}（{path}）的历史；它提交过吗？",
  },
  "h.head": {
    en: { one: "{kind}, {n} change (newest first)", other: "{kind}, {n} changes (newest first)" },
    "zh-CN": "{kind}，{n} 次更改（最新的在前）",
  },
  "h.more": { en: "… and {n} more fields", "zh-CN": "…… 另有 {n} 个字段" },
  "sy.customer": { en: "customer", "zh-CN": "客户" },
  "sy.customers": { en: "customers", "zh-CN": "客户" },
  "sy.ticket": { en: "ticket", "zh-CN": "工单" },
  "sy.tickets": { en: "tickets", "zh-CN": "工单" },
  "sy.contact": { en: "call or letter", "zh-CN": "联系记录" },
  "sy.contacts": { en: "calls and letters", "zh-CN": "联系记录" },
  "sy.event": { en: "event", "zh-CN": "活动" },
  "sy.events": { en: "events", "zh-CN": "活动" },
  "sy.waiver": { en: "waiver", "zh-CN": "豁免记录" },
  "sy.waivers": { en: "waivers", "zh-CN": "豁免记录" },
  "sy.review": { en: "review", "zh-CN": "总结" },
  "sy.reviews": { en: "reviews", "zh-CN": "总结" },
  "sy.other": { en: "other file", "zh-CN": "其他文件" },
  "sy.others": { en: "other files", "zh-CN": "其他文件" },
  "sy.settings": { en: "settings", "zh-CN": "设置" },
  "sy.settingsChanged": { en: "the settings changed", "zh-CN": "设置已修改" },
  "sy.nNew": { en: "{n} new {what}", "zh-CN": "新增{what} {n} 项" },
  "sy.nChanged": { en: "{n} {what} changed", "zh-CN": "{what}修改 {n} 项" },
  "sy.nRemoved": { en: "{n} {what} removed", "zh-CN": "{what}删除 {n} 项" },
  "sy.comma": { en: ", ", "zh-CN": "，" },
  "sy.semi": { en: "; ", "zh-CN": "；" },
  "sy.broughtIn": {
    en: { one: "brought in {n} change from {authors}: {what}", other: "brought in {n} changes from {authors}: {what}" },
    "zh-CN": "收到 {authors} 的 {n} 项更改：{what}",
  },
  "sy.noRecord": { en: "no record changed", "zh-CN": "没有记录变动" },
  "sy.sent": {
    en: { one: "sent {n} change to {remote}", other: "sent {n} changes to {remote}" },
    "zh-CN": "已向 {remote} 发送 {n} 项更改",
  },
  "sy.inStep": { en: "already in step with {remote}", "zh-CN": "已与 {remote} 同步，没有新的更改" },
  "sy.removed": { en: "(removed)", "zh-CN": "（已删除）" },
  "sy.bothChanged": { en: "changed on both sides", "zh-CN": "两边都有修改" },
  "sy.stopped": {
    en: "sync stopped: these records were changed here and on another desk:",
    "zh-CN": "同步已停止：以下记录在本机和其他工作台上都被修改：",
  },
  "sy.waiting": { en: "a sync stopped on a conflict and is still waiting:", "zh-CN": "上次同步因冲突停止，仍待处理：" },
  "sy.howMerge": {
    en: "'aftercare resolve {id}' shows both values in full; '--keep here' (this desk's), '--keep there' (the server's) or '--set FIELD=VALUE' settles it and sends the sync.\nOr give up this sync, keeping your changes as they were: git merge --abort",
    "zh-CN":
      "'aftercare resolve {id}' 完整显示双方的值；加 '--keep here'（保留本机的）、'--keep there'（保留服务器的）或 '--set 字段=值' 即可解决并发送。\n或放弃本次同步，本机更改保持原样：git merge --abort",
  },
  "sy.howRebase": {
    en: "'aftercare resolve {id}' shows both values in full; '--keep here' (this desk's), '--keep there' (the server's) or '--set FIELD=VALUE' settles it and finishes the rebase.\nOr give up, keeping your changes as they were: git rebase --abort",
    "zh-CN":
      "'aftercare resolve {id}' 完整显示双方的值；加 '--keep here'（保留本机的）、'--keep there'（保留服务器的）或 '--set 字段=值' 即可解决并完成变基。\n或放弃，本机更改保持原样：git rebase --abort",
  },
  "sy.mergeSettled": {
    en: "a sync's merge is settled but not finished: 'aftercare resolve' finishes and sends it ('git merge --abort' gives it up); nothing was synced",
    "zh-CN":
      "同步的合并冲突已解决但尚未完成：运行 'aftercare resolve' 完成并发送（'git merge --abort' 放弃）；本次未同步",
  },
  "sy.rebaseHalfway": {
    en: "a git rebase stopped half-way in the store: finish it with 'git rebase --continue', or give it up with 'git rebase --abort'; nothing was synced",
    "zh-CN":
      "存储库中有一次 git 变基停在中途：用 'git rebase --continue' 完成，或用 'git rebase --abort' 放弃；本次未同步",
  },
  "sy.operation": {
    en: "a git {operation} is unfinished in the store: finish it (git {operation} --continue) or abort it (git {operation} --abort); nothing was synced",
    "zh-CN":
      "存储库中有未完成的 git {operation}：完成（git {operation} --continue）或放弃（git {operation} --abort）；本次未同步",
  },
  "sy.noRemote": {
    en: "the store's repository has no remote to sync with; add the company's one first: git remote add origin URL",
    "zh-CN": "存储库没有可同步的远程仓库；请先添加公司的仓库：git remote add origin URL",
  },
  "sy.noWorkTree": {
    en: "the store at {root} is not in a git work tree, so there is nothing to sync; see 'git init' and 'git remote add'",
    "zh-CN": "{root} 的存储不在 git 工作区中，无法同步；参见 'git init' 和 'git remote add'",
  },
  "sy.unreachable": {
    en: "could not reach the remote {remote}: {reason}; nothing was changed",
    "zh-CN": "无法连接远程仓库 {remote}：{reason}；未做任何更改",
  },
  "sy.mergeFailed": {
    en: "sync stopped: git could not bring the changes in: {reason}; nothing was changed here ('git status' shows where it stands)",
    "zh-CN": "同步已停止：git 无法合并收到的更改：{reason}；本机未做更改（'git status' 显示当前状态）",
  },
  "sy.autostash": {
    en: "your uncommitted changes to {files} clash with what came in: they are kept in {stash}, and {files} now holds both, between '<<<<<<< what came in' and '>>>>>>> your uncommitted edit' lines; keep the right values, delete the marker lines, then: git add {files} && git stash drop",
    "zh-CN":
      "你在 {files} 中未提交的修改与收到的更改冲突：修改已保存在 {stash}，{files} 中在 '<<<<<<< 收到的更改' 和 '>>>>>>> 未提交的修改' 之间保留了双方内容；保留正确的值、删除标记行，然后：git add {files} && git stash drop",
  },
  "sy.leftStash": {
    en: "{stash} holds uncommitted changes an earlier sync put aside and could not put back ({when}): see them with 'git stash show -p {stash}', put them back with 'git stash pop', or drop them with 'git stash drop {stash}'",
    "zh-CN":
      "{stash} 中保存着之前一次同步暂存但未能恢复的未提交修改（{when}）：用 'git stash show -p {stash}' 查看，用 'git stash pop' 恢复，或用 'git stash drop {stash}' 丢弃",
  },
  "sy.broken": {
    en: "nothing was sent: what this desk would send breaks the store:",
    "zh-CN": "未发送：本机要发送的内容会损坏数据：",
  },
  "sy.brokenFix": {
    en: "fix each (the line says where; 'aftercare resolve' settles a conflict), commit the fix, then sync again",
    "zh-CN": "逐条修正（每行注明位置；冲突用 'aftercare resolve' 解决），提交修正后再同步",
  },
  "sy.pushFailed": {
    en: "could not send the changes to {remote}: {reason}; they are kept here and go with the next sync",
    "zh-CN": "无法向 {remote} 发送更改：{reason}；更改保留在本机，下次同步时发送",
  },
  "sy.raceLost": {
    en: "could not send the changes to {remote}: other desks sent theirs first {n} times in a row; they are kept here (merged with theirs) and go with the next sync",
    "zh-CN": "无法向 {remote} 发送更改：其他工作台连续 {n} 次抢先发送；更改保留在本机（已与对方合并），下次同步时发送",
  },
  "sy.serverHead": {
    en: "note: the server's HEAD does not name {branch}{was}, so a new clone does not check out the store; fix it on the server: git symbolic-ref HEAD refs/heads/{branch} (a new desk can also clone with: git clone -b {branch} URL)",
    "zh-CN":
      "注意：服务器的 HEAD 没有指向 {branch}{was}，新的克隆不会检出存储；请在服务器上运行：git symbolic-ref HEAD refs/heads/{branch}（新工作台也可用 git clone -b {branch} URL 克隆）",
  },
  "sy.headNames": { en: " (it names '{head}')", "zh-CN": "（它指向 '{head}'）" },
  "sy.rewritten": {
    en: {
      one: "the server's {branch} was rewritten (a force-push): it no longer has {n} change this desk had from it ({list}); nothing was sent. To take the server's history, keeping this desk's own unsent changes: git rebase --onto {upstream} {fork}; to put the removed changes back on the server: aftercare sync --restore",
      other:
        "the server's {branch} was rewritten (a force-push): it no longer has {n} changes this desk had from it ({list}); nothing was sent. To take the server's history, keeping this desk's own unsent changes: git rebase --onto {upstream} {fork}; to put the removed changes back on the server: aftercare sync --restore",
    },
    "zh-CN":
      "服务器的 {branch} 分支被改写（强制推送）：本机从服务器取得的 {n} 项更改在服务器上已不存在（{list}）；本次未发送。接受服务器的历史、保留本机尚未发送的更改：git rebase --onto {upstream} {fork}；把被删除的更改恢复到服务器：aftercare sync --restore",
  },
  "sy.settingsBroken": {
    en: "note: the store's settings as they now are cannot be read ({reason}); fix aftercare.yaml, see 'aftercare check'",
    "zh-CN": "注意：当前的存储设置无法读取（{reason}）；请修正 aftercare.yaml，参见 'aftercare check'",
  },
  "sy.incomingProblems": {
    en: {
      one: "note: what came in has {n} problem (first: {first}); see 'aftercare check'",
      other: "note: what came in has {n} problems (first: {first}); see 'aftercare check'",
    },
    "zh-CN": "注意：收到的更改中有 {n} 个问题（第一个：{first}）；参见 'aftercare check'",
  },
  "sy.prePush": {
    en: "the push would send a broken store ({root}); fix these, commit, and push again (or push with --no-verify to skip this check):",
    "zh-CN": "这次推送会发送损坏的数据（{root}）；请修正以下问题、提交后再推送（或用 --no-verify 跳过检查）：",
  },
  "r.nothing": {
    en: "nothing to settle: no sync is waiting on a conflict in this store",
    "zh-CN": "没有需要解决的冲突：本存储中没有因冲突停下的同步",
  },
  "r.head": {
    en: { one: "{n} field changed on both sides", other: "{n} fields changed on both sides" },
    "zh-CN": "{n} 个字段两边都有修改",
  },
  "r.inside": { en: "contested: {paths}", "zh-CN": "冲突处：{paths}" },
  "r.settleWith": { en: "settle it with one of:", "zh-CN": "用以下任一命令解决：" },
  "r.value": { en: "VALUE", "zh-CN": "值" },
  "r.notRecord": {
    en: "not a record aftercare can merge: edit it by hand, then 'git add' it and run 'aftercare resolve'",
    "zh-CN": "不是 aftercare 能合并的记录：请手工编辑后 'git add'，再运行 'aftercare resolve'",
  },
  "r.notRecordSettle": {
    en: "{path} is not a record aftercare can settle: edit it by hand (keep the right lines, delete the marker lines), 'git add {path}', then run 'aftercare resolve'; nothing was written",
    "zh-CN":
      "{path} 不是 aftercare 能解决的记录：请手工编辑（保留正确的行、删除标记行），'git add {path}' 后再运行 'aftercare resolve'；未写入任何内容",
  },
  "r.unknownField": {
    en: "{flag}: {field} is not contested in {id}; contested: {list}; nothing was written",
    "zh-CN": "{flag}：{id} 中的 {field} 没有冲突；有冲突的是：{list}；未写入任何内容",
  },
  "r.badKeep": {
    en: "--keep {keep}: use here, there, here:FIELD or there:FIELD; nothing was written",
    "zh-CN": "--keep {keep}：应为 here、there、here:字段 或 there:字段；未写入任何内容",
  },
  "r.badSet": {
    en: "--set {set}: use FIELD=VALUE; nothing was written",
    "zh-CN": "--set {set}：应为 字段=值；未写入任何内容",
  },
  "r.stillOpen": {
    en: "{id} still has contested fields: {left}; add --keep here, --keep there, --keep here:{first} or --set {first}=VALUE; nothing was written",
    "zh-CN":
      "{id} 仍有冲突字段：{left}；请加 --keep here、--keep there、--keep here:{first} 或 --set {first}=值；未写入任何内容",
  },
  "r.invalid": {
    en: "{id} as settled would not be a valid record; nothing was written:",
    "zh-CN": "{id} 按此解决后不是有效记录；未写入任何内容：",
  },
  "r.addFailed": { en: "could not stage {path}: {reason}", "zh-CN": "无法暂存 {path}：{reason}" },
  "r.ambiguous": {
    en: '"{id}" fits several contested records ({list}); give more of the ID; nothing was written',
    "zh-CN": '"{id}" 对应多条冲突记录（{list}）；请输入更完整的编号；未写入任何内容',
  },
  "r.notContested": {
    en: "{id} is not among the records the sync stopped on ({list}); nothing was written",
    "zh-CN": "{id} 不在本次同步停下的冲突记录中（{list}）；未写入任何内容",
  },
  "r.whichOne": {
    en: "several records are contested ({list}): name one, e.g. aftercare resolve ID --keep here; nothing was written",
    "zh-CN": "多条记录有冲突（{list}）：请指定一条，例如 aftercare resolve 编号 --keep here；未写入任何内容",
  },
  "r.settledOne": {
    en: "settled {id}; still to settle: {left} (aftercare resolve {next})",
    "zh-CN": "已解决 {id}；仍待解决：{left}（aftercare resolve {next}）",
  },
  "r.settled": { en: "settled {id} and finished the sync's merge", "zh-CN": "已解决 {id}，同步的合并已完成" },
  "r.commitFailed": {
    en: "could not finish the merge: {reason}; 'git status' shows where it stands",
    "zh-CN": "无法完成合并：{reason}；'git status' 显示当前状态",
  },
  "r.rebaseFailed": {
    en: "could not finish the rebase: {reason}; 'git status' shows where it stands",
    "zh-CN": "无法完成变基：{reason}；'git status' 显示当前状态",
  },
  // ---------------------------------------------------------------------------------------------
  // What was still English in a zh-CN store (issue 13, item 1: test/zh-render.test.ts finds it)
  // staff (src/commands/staff.ts)
  "st.exists": {
    en: '"{name}" is already on the staff list; nothing was written',
    "zh-CN": "“{name}”已在员工名单中；未写入任何内容",
  },
  "st.added": { en: "added {name} ({role}) to the staff list", "zh-CN": "已将 {name}（{role}）加入员工名单" },
  "st.none": {
    en: "no staff yet; add someone with 'aftercare staff add NAME --role clerk'",
    "zh-CN": "员工名单还是空的；请用 'aftercare staff add 姓名 --role clerk' 添加",
  },
  "st.clerkMark": { en: " (follow-up clerk)", "zh-CN": "（跟踪专员）" },
  "st.leftMark": { en: " (left {date})", "zh-CN": "（{date} 离职）" },
  "st.absence": { en: "{from}–{to} (cover {cover})", "zh-CN": "{from}–{to}（{cover} 代岗）" },
  "st.noSupervisor": {
    en: "no supervisor on the staff list: the monthly review (R-MONTHLY) has no owner; add one with 'aftercare staff add NAME --role supervisor'",
    "zh-CN":
      "员工名单中没有部门主管，月度总结（R-MONTHLY）无人负责；请用 'aftercare staff add 姓名 --role supervisor' 添加",
  },
  "st.alreadyClerk": {
    en: "{name} is already the follow-up clerk; nothing was written",
    "zh-CN": "{name} 已经是跟踪专员；未写入任何内容",
  },
  "st.nowClerk": {
    en: "{name} is now the follow-up clerk: a ticket opened without --assignee is theirs (A1)",
    "zh-CN": "{name} 现在是跟踪专员：没有 --assignee 的工单归其负责（A1）",
  },
  "st.nowClerkWas": {
    en: "{name} is now the follow-up clerk (was {was}): a ticket opened without --assignee is theirs (A1)",
    "zh-CN": "{name} 现在是跟踪专员（原为 {was}）：没有 --assignee 的工单归其负责（A1）",
  },
  "st.away": {
    en: "{name} is away {from} to {to}; {cover} covers their duties (R-COVER)",
    "zh-CN": "{name} {from} 至 {to} 不在岗；由 {cover} 代岗（R-COVER）",
  },
  // asking for what is missing (src/services/ask.ts)
  "ask.needs": {
    en: "{command} needs {flags}; nothing was written",
    "zh-CN": "'aftercare {command}' 缺少 {flags}；未写入任何内容",
  },
  "ask.flagSep": { en: ", ", "zh-CN": "、" },
  "ask.optional": { en: " (optional)", "zh-CN": "（可不填）" },
  // record kinds in a sentence, and IDs as typed (src/store/reader.ts)
  "rk.customer": { en: "customer", "zh-CN": "客户" },
  "rk.ticket": { en: "ticket", "zh-CN": "工单" },
  "rk.contact": { en: "contact", "zh-CN": "联系记录" },
  "rk.event": { en: "event", "zh-CN": "活动" },
  "rk.waiver": { en: "waiver", "zh-CN": "豁免记录" },
  "rks.customer": { en: "customers", "zh-CN": "位客户" },
  "rks.ticket": { en: "tickets", "zh-CN": "张工单" },
  "rks.contact": { en: "contacts", "zh-CN": "条联系记录" },
  "rks.event": { en: "events", "zh-CN": "个活动" },
  "rks.waiver": { en: "waivers", "zh-CN": "条豁免记录" },
  "id.notOne": {
    en: '"{input}" is not a {kind} ID: {kind} IDs look like {example} (any unique start of one will do)',
    "zh-CN": "“{input}”不是{kind}编号：{kind}编号形如 {example}（写出能唯一确定的开头一段即可）",
  },
  "id.none": { en: "no {kind} {id} in this store", "zh-CN": "档案库中没有{kind} {id}" },
  "id.noPrefix": { en: "no {kind} ID starts with {prefix}", "zh-CN": "没有以 {prefix} 开头的{kind}编号" },
  "id.many": {
    en: "{prefix} matches {n} {kinds}: {ids}; type more of the ID",
    "zh-CN": "{prefix} 对应 {n} {kinds}：{ids}；请多写几位编号",
  },
  // customers (src/commands/customer.ts, src/services/find-record.ts)
  "cu.exists": {
    en: 'customer "{name}" already exists as {id}; use that ID, or pass --allow-duplicate for a different customer of the same name; nothing was written',
    "zh-CN": "客户“{name}”已存在（{id}）；请用这个编号，或者确是同名的另一位客户时加 --allow-duplicate；未写入任何内容",
  },
  "cu.noChange": { en: "no changes to {id}", "zh-CN": "{id} 没有改动" },
  "cu.saved": { en: "saved customer {id}", "zh-CN": "已保存客户档案 {id}" },
  "cu.editNothing": {
    en: "customer edit needs something to change (--name, --address, --contact, --phone, --tag, --untag, --note…), or a terminal to open $EDITOR; nothing was written",
    "zh-CN":
      "'aftercare customer edit' 需要要修改的内容（--name、--address、--contact、--phone、--tag、--untag、--note…），或在终端中打开 $EDITOR；未写入任何内容",
  },
  "cu.noMatch": {
    en: "no customer matches \"{q}\" ({flag}); see 'aftercare customer list --search TEXT', or add one with 'aftercare customer add'; nothing was written",
    "zh-CN":
      "没有与“{q}”（{flag}）相符的客户；可用 'aftercare customer list --search 文字' 查找，或用 'aftercare customer add' 添加；未写入任何内容",
  },
  "cu.emptyFlag": { en: "{flag} is empty: give a customer ID or name", "zh-CN": "{flag} 是空的：请写客户编号或名称" },
  "cu.many": {
    en: '"{q}" matches {n} customers: {list}; give the ID; nothing was written',
    "zh-CN": "“{q}”对应 {n} 位客户：{list}；请写编号；未写入任何内容",
  },
  // a step that does not fit the ticket (src/domain/ticket.ts: refuse)
  "tk.refused": { en: "{why}; nothing was written", "zh-CN": "{why}；未写入任何内容" },
  "tk.now": { en: "ticket {id} is {status}", "zh-CN": "工单 {id} {status}" },
  "tk.closedAgain": { en: "{now}; it cannot be closed again", "zh-CN": "{now}，不能再次关闭" },
  "tk.reopenFirst": {
    en: "{now}; it cannot be {done}; reopen it first with 'aftercare ticket reopen {id}'",
    "zh-CN": "{now}，不能{done}；请先用 'aftercare ticket reopen {id}' 重新打开",
  },
  "tk.closeOnlyResolved": {
    en: "{now}; only a resolved ticket can be closed: resolve it first with 'aftercare ticket resolve {id} --note TEXT', or cancel it",
    "zh-CN":
      "{now}；只有已解决的工单才能关闭：请先用 'aftercare ticket resolve {id} --note 处理结果' 解决，或者取消工单",
  },
  "tk.reopenOnly": {
    en: "{now}; only a resolved, closed or cancelled ticket can be reopened",
    "zh-CN": "{now}；只有已解决、已关闭或已取消的工单才能重新打开",
  },
  "tk.arriveOnly": {
    en: "{now}; only a dispatched ticket can be marked on site (dispatch it first)",
    "zh-CN": "{now}；只有已派工的工单才能标记到场（请先派工）",
  },
  "tk.escalateOnly": {
    en: "{now}; only an open, dispatched or on-site ticket can be escalated",
    "zh-CN": "{now}；只有待处理、已派工或在现场的工单才能上报",
  },
  "tk.vehicleOpen": {
    en: "{now}; a vehicle is {done} while its ticket is open",
    "zh-CN": "{now}；只有工单待处理时才能{done}",
  },
  "tk.workshopOnly": {
    en: "{now}; only a vehicle in the workshop can be {done} (hand it over first: aftercare ticket handover {id})",
    "zh-CN": "{now}；只有车间维修中的车辆才能{done}（请先交车间：aftercare ticket handover {id}）",
  },
  "tk.promiseOnly": {
    en: "{now}; only a vehicle in the workshop can be given a revised promise",
    "zh-CN": "{now}；只有车间维修中的车辆才能修改承诺完工时间",
  },
  "tk.promiseOnlyOpen": {
    en: "{now}; only a vehicle in the workshop can be given a revised promise (hand it over first: aftercare ticket handover {id})",
    "zh-CN": "{now}；只有车间维修中的车辆才能修改承诺完工时间（请先交车间：aftercare ticket handover {id}）",
  },
  "tk.scheduleOnly": {
    en: "{now}; only a ticket not yet dispatched (open or escalated) can be scheduled",
    "zh-CN": "{now}；只有尚未派工（待处理或已上报）的工单才能安排派工日期",
  },
  "tk.deliverOnly": {
    en: "{now}; only a vehicle marked ready can be delivered (aftercare ticket ready {id})",
    "zh-CN": "{now}；只有已完工待交车的车辆才能交车（aftercare ticket ready {id}）",
  },
  "tk.cannot": { en: "{now}; it cannot be {done}", "zh-CN": "{now}，不能{done}" },
  "tk.notShop": {
    en: "ticket {id} is a {kind} ticket; {action} is for vehicles at the reception desk (kind shop)",
    "zh-CN": "工单 {id} 是{kind}工单；'aftercare ticket {action}' 用于进厂维修的车辆（--kind shop）",
  },
  "tk.shopNotOnsite": {
    en: "ticket {id} is a vehicle at the reception desk; use ticket handover / ready / deliver",
    "zh-CN":
      "工单 {id} 是进厂维修的车辆；请用 'aftercare ticket handover'、'aftercare ticket ready'、'aftercare ticket deliver'",
  },
  "tk.scheduleKind": {
    en: "ticket {id} is a {kind} ticket; only on-site work ({kinds}) is scheduled for a dispatch",
    "zh-CN": "工单 {id} 是{kind}工单；只有上门服务（{kinds}）才安排派工日期",
  },
  "tk.noIntake": {
    en: "ticket {id} has no intake yet: take the vehicle in first (C-INTAKE) with 'aftercare ticket intake {id} --plate PLATE --odometer KM --fuel LEVEL --key-tag N --papers ok'",
    "zh-CN":
      "工单 {id} 还没有接车：请先接车（C-INTAKE）：'aftercare ticket intake {id} --plate 车牌 --odometer 公里数 --fuel 油量 --key-tag 钥匙牌号 --papers ok'",
  },
  "tk.noHandover": {
    en: "ticket {id} was never handed to the workshop: hand it over with 'aftercare ticket handover {id} --receiver NAME --promise DATETIME'",
    "zh-CN": "工单 {id} 还没有交车间：请用 'aftercare ticket handover {id} --receiver 姓名 --promise 时间' 交车间",
  },
  // what a step does, as the refusals name it (en: as the commit subjects say it)
  "do.escalate": { en: "escalated", "zh-CN": "上报" },
  "do.dispatch": { en: "dispatched", "zh-CN": "派工" },
  "do.arrive": { en: "marked on site", "zh-CN": "标记到场" },
  "do.resolve": { en: "resolved", "zh-CN": "标记解决" },
  "do.close": { en: "closed", "zh-CN": "关闭" },
  "do.reopen": { en: "reopened", "zh-CN": "重新打开" },
  "do.cancel": { en: "cancelled", "zh-CN": "取消" },
  "do.intake": { en: "taken in", "zh-CN": "接车" },
  "do.estimate": { en: "estimated", "zh-CN": "估价" },
  "do.handover": { en: "handed to the workshop", "zh-CN": "交车间" },
  "do.extra": { en: "given an extra-work request", "zh-CN": "登记增项" },
  "do.answer": { en: "given the customer's answer", "zh-CN": "登记客户对增项的答复" },
  "do.progress": { en: "checked on", "zh-CN": "检查进度" },
  "do.ready": { en: "marked ready", "zh-CN": "标记完工" },
  "do.deliver": { en: "delivered", "zh-CN": "交车" },
  "do.promise": { en: "given a revised promise", "zh-CN": "修改承诺完工时间" },
  "do.schedule": { en: "scheduled", "zh-CN": "安排派工日期" },
  // who is acting, and a store mid-merge (src/context.ts)
  "st.nameArg": { en: "NAME", "zh-CN": "姓名" },
  "ctx.whoActs": {
    en: "who is doing this? Give --as NAME or set AFTERCARE_USER to a name on the staff list (cron jobs too); nothing was written",
    "zh-CN":
      "是谁在操作？请加 --as 姓名，或把环境变量 AFTERCARE_USER 设为员工名单中的姓名（定时任务也一样）；未写入任何内容",
  },
  "ctx.fromAs": { en: "--as", "zh-CN": "--as" },
  "ctx.fromEnv": { en: "AFTERCARE_USER", "zh-CN": "环境变量 AFTERCARE_USER" },
  "ctx.fromGit": { en: "git's user.name", "zh-CN": "git 的 user.name" },
  "ctx.notStaffKnown": {
    en: '"{name}" (from {from}) is not on the staff list ({known}); add them with \'aftercare staff add "{name}" --role clerk\' or act as someone who is; nothing was written',
    "zh-CN":
      "“{name}”（来自 {from}）不在员工名单中（{known}）；请用 'aftercare staff add \"{name}\" --role clerk' 添加，或以名单中的人操作；未写入任何内容",
  },
  "ctx.notStaff": {
    en: '"{name}" (from {from}) is not on the staff list; add them with \'aftercare staff add "{name}" --role clerk\' or act as someone who is; nothing was written',
    "zh-CN":
      "“{name}”（来自 {from}）不在员工名单中；请用 'aftercare staff add \"{name}\" --role clerk' 添加，或以名单中的人操作；未写入任何内容",
  },
  "ctx.midMerge": {
    en: "a sync stopped on a conflict (a git merge is in progress in the store): settle it with 'aftercare resolve' (or give it up: git merge --abort) first; nothing was written",
    "zh-CN":
      "上次同步因冲突停止（档案库中有未完成的 git 合并）：请先用 'aftercare resolve' 解决（或放弃：git merge --abort）；未写入任何内容",
  },
  "ctx.midOperation": {
    en: "a git {operation} is in progress in the store (unfinished): finish it (git {operation} --continue) or abort it (git {operation} --abort) first; nothing was written",
    "zh-CN":
      "档案库中有未完成的 git {operation}：请先完成（git {operation} --continue）或放弃（git {operation} --abort）；未写入任何内容",
  },
  "ctx.detached": {
    en: "the store's git HEAD is detached (not on a branch): switch back with 'git switch main' (or your branch) first; nothing was written",
    "zh-CN": "档案库的 git HEAD 不在任何分支上：请先用 'git switch main'（或你的分支）切换回去；未写入任何内容",
  },
  // init (src/cli.ts, src/commands/init.ts)
  "note.prefix": { en: "note: {text}", "zh-CN": "注意：{text}" },
  "init.created": {
    en: "created an aftercare store for {company} ({timezone}, {locale})",
    "zh-CN": "已为 {company} 建立 aftercare 档案库（{timezone}，{locale}）",
  },
  "init.createdGit": {
    en: "created an aftercare store for {company} ({timezone}, {locale}) in a new git repository",
    "zh-CN": "已为 {company} 建立 aftercare 档案库（{timezone}，{locale}），并新建 git 仓库",
  },
  "init.next": {
    en: "next: aftercare staff add NAME --role clerk",
    "zh-CN": "下一步：aftercare staff add 姓名 --role clerk",
  },
  "init.hooks": {
    en: "installed the pre-commit and pre-push checks (aftercare check) and the field-by-field merge driver",
    "zh-CN": "已安装提交前和推送前的检查（aftercare check）以及按字段合并的合并驱动",
  },
  "init.server": {
    en: "made {server} the store's server (a bare git repository on {branch}, the store's origin) and sent the store to it; each desk: git clone {server} DESK && cd DESK && aftercare init --hooks",
    "zh-CN":
      "已把 {server} 设为档案库的服务器（{branch} 分支上的裸 git 仓库，即档案库的 origin），并已发送档案库；其他每个工作台：git clone {server} 目录 && cd 目录 && aftercare init --hooks",
  },
  "init.exists": {
    en: "{file} already exists: {root} is already a store; nothing was written",
    "zh-CN": "{file} 已存在：{root} 已经是档案库；未写入任何内容",
  },
  // the planned next contact (src/services/ticket-plan.ts, src/commands/contact.ts)
  "plan.together": {
    en: "--next-date and --next-topic go together: the planned next contact needs its date and what it is about; nothing was written",
    "zh-CN": "--next-date 和 --next-topic 要一起给：下次联系既要有日期，也要有内容；未写入任何内容",
  },
  "plan.emptyTopic": {
    en: "--next-topic is empty: say what the next contact is about; nothing was written",
    "zh-CN": "--next-topic 是空的：请写下次联系的内容；未写入任何内容",
  },
  // doctor, reindex, duty waive
  "doc.fixed": { en: "fixed: {text}", "zh-CN": "已修复：{text}" },
  "doc.sound": {
    en: "the store is sound: nothing left by a crash, a full disk or a merge",
    "zh-CN": "档案库完好：没有崩溃、磁盘写满或合并留下的问题",
  },
  "doc.fixHint": {
    en: "'aftercare doctor --fix' repairs what is marked so, and commits it; it never deletes a record",
    "zh-CN": "'aftercare doctor --fix' 修复标明可修复的问题并提交；它从不删除记录",
  },
  "ri.progress": {
    en: "indexing the store (.aftercare/index.sqlite): {files} files read, {groups} customers' duties found…",
    "zh-CN": "正在建立档案库索引（.aftercare/index.sqlite）：已读 {files} 个文件，已找出 {groups} 位客户的工作…",
  },
  "init.noGit": {
    en: "note: could not create a git repository ({why}); the store works without one, but keeps no history",
    "zh-CN": "注意：无法建立 git 仓库（{why}）；档案库没有 git 也能用，但不保留历史记录",
  },
  "init.gitMissing": { en: "git is not installed", "zh-CN": "未安装 git" },
  "ri.off": {
    en: "the index is switched off (AFTERCARE_INDEX=off): every read reads the record files; nothing was rebuilt",
    "zh-CN": "索引已关闭（AFTERCARE_INDEX=off）：每次查询都直接读取记录文件；未重建任何内容",
  },
  "ri.cannot": {
    en: "the index could not be built here (SQLite could not open .aftercare/index.sqlite); reads go on reading the record files",
    "zh-CN": "无法在此建立索引（SQLite 打不开 .aftercare/index.sqlite）；查询将继续直接读取记录文件",
  },
  // doctor's line on the store's watcher (src/store/watch/; docs/performance.md "Freshness")
  "doc.watcher.on": {
    en: "a watcher keeps the index fresh without a sweep of every file (process {pid}, {folders} folders watched); it stops after 30 minutes without a read",
    "zh-CN":
      "有监视进程让索引保持最新，无需逐个检查文件（进程 {pid}，监视 {folders} 个文件夹）；30 分钟没有读取时它自行退出",
  },
  "doc.watcher.off": {
    en: "no watcher runs for this large store: the next read starts one (AFTERCARE_WATCH=off or index.watch: false in aftercare.yaml keeps it from starting, and every read then asks git)",
    "zh-CN":
      "这个大档案库没有监视进程：下一次读取会启动一个（AFTERCARE_WATCH=off 或 aftercare.yaml 中的 index.watch: false 可阻止它启动，此后每次读取都询问 git）",
  },
  "doc.watcher.none": {
    en: "no watcher runs for this large store: it is switched off (AFTERCARE_WATCH=off or index.watch: false in aftercare.yaml), and every read asks git",
    "zh-CN":
      "这个大档案库没有监视进程：它已关闭（AFTERCARE_WATCH=off 或 aftercare.yaml 中的 index.watch: false），每次读取都询问 git",
  },
  "ri.done": {
    en: "indexed {files} record files and {duties} duties of {customers} customers in {seconds} s (.aftercare/index.sqlite)",
    "zh-CN":
      "已为 {customers} 位客户的 {files} 个记录文件和 {duties} 项工作建立索引，用时 {seconds} 秒（.aftercare/index.sqlite）",
  },
  "dw.onlySupervisorAsk": {
    en: "only the department supervisor waives a duty ({name} is {role}); ask {sups}; nothing was written",
    "zh-CN": "只有部门主管能豁免工作事项（{name} 是{role}）；请找 {sups}；未写入任何内容",
  },
  "dw.onlySupervisorAdd": {
    en: "only the department supervisor waives a duty ({name} is {role}); add one with 'aftercare staff add NAME --role supervisor'; nothing was written",
    "zh-CN":
      "只有部门主管能豁免工作事项（{name} 是{role}）；请用 'aftercare staff add 姓名 --role supervisor' 添加主管；未写入任何内容",
  },
  "dw.or": { en: " or ", "zh-CN": " 或 " },
  "dw.needsReason": {
    en: "duty waive needs --reason TEXT: why the duty cannot be done (the reviews show it); nothing was written",
    "zh-CN": "'aftercare duty waive' 需要 --reason 原因：这项工作为什么无法完成（总结中会列出）；未写入任何内容",
  },
  // events (src/commands/event.ts)
  "ev.badAudience": {
    en: '--audience "{audience}" must be "all" or "tag:NAME" (customers with that tag); nothing was written',
    "zh-CN": "--audience “{audience}” 只能是 all 或 tag:标签（带该标签的客户）；未写入任何内容",
  },
  "ev.past": {
    en: "--date {date} is in the past (today is {today}): an event is recorded before it takes place, so its customers can be told; nothing was written",
    "zh-CN": "--date {date} 已经过去（今天是 {today}）：活动要在举行之前登记，才能通知客户；未写入任何内容",
  },
  "ev.noTag": {
    en: 'note: no customer has the tag "{tag}" yet: nobody is to be phoned until one has it',
    "zh-CN": "注意：还没有客户带标签“{tag}”：在有客户带上它之前，不需要给任何人打电话",
  },
  "ev.added": {
    en: {
      one: 'added event {id} "{title}" on {date}; {n} customer to phone two weeks ahead (R-EVENT-NOTICE), by {owner}',
      other:
        'added event {id} "{title}" on {date}; {n} customers to phone two weeks ahead (R-EVENT-NOTICE), by {owner}',
    },
    "zh-CN": "已登记活动 {id}“{title}”（{date}）；提前两周电话通知 {n} 位客户（R-EVENT-NOTICE），由 {owner} 负责",
  },
  "ev.none": {
    en: "no events yet; add one with 'aftercare event add --title TITLE --date DATE'",
    "zh-CN": "还没有活动；请用 'aftercare event add --title 名称 --date 日期' 添加",
  },
  "ev.h.id": { en: "ID", "zh-CN": "编号" },
  "ev.h.date": { en: "date", "zh-CN": "日期" },
  "ev.h.kind": { en: "kind", "zh-CN": "类型" },
  "ev.h.title": { en: "title", "zh-CN": "名称" },
  "ev.h.audience": { en: "audience", "zh-CN": "对象" },
  "ev.h.owner": { en: "owner", "zh-CN": "负责人" },
  "ev.h.phoned": { en: "phoned", "zh-CN": "已电话通知" },
  "ev.h.letters": { en: "letters", "zh-CN": "已寄信函" },
  "ev.all": { en: "all", "zh-CN": "全部客户" },
  "ev.tag": { en: "tag:{tag}", "zh-CN": "标签 {tag}" },
  // a vehicle's ticket (src/commands/show.ts: shopFields)
  "word.in-person": { en: "in person", "zh-CN": "当面" },
  "sh.appointment": { en: "appointment", "zh-CN": "预约" },
  "sh.vehicle": { en: "vehicle", "zh-CN": "车辆" },
  "sh.vehicleText": {
    en: "{plate}{model}{vin}, {km} km, fuel {fuel}, key tag {tag}; taken in {at}",
    "zh-CN": "{plate}{model}{vin}，{km} 公里，油量 {fuel}，钥匙牌 {tag}；{at} 接车",
  },
  "sh.papers": { en: "papers", "zh-CN": "证件" },
  "sh.papersOk": { en: "valid and complete", "zh-CN": "有效齐全" },
  "sh.papersBad": { en: "not in order", "zh-CN": "不齐全" },
  "sh.damage": { en: "damage", "zh-CN": "车身损伤" },
  "sh.belongings": { en: "belongings", "zh-CN": "随车物品" },
  "sh.diagnosis": { en: "diagnosis", "zh-CN": "诊断" },
  "sh.advice": { en: " — advice: {advice}", "zh-CN": " — 建议：{advice}" },
  "sh.estimate": { en: "estimate", "zh-CN": "估价" },
  "sh.estimateText": { en: "by {mode}: {lines}; total {total}", "zh-CN": "{mode}：{lines}；合计 {total}" },
  "sh.fee": { en: " (diagnosis fee {fee})", "zh-CN": "（检测费 {fee}）" },
  "sh.noGuarantee": { en: "no guarantee", "zh-CN": "不保修" },
  "sh.ownPart": { en: "{part} (customer's own part)", "zh-CN": "{part}（客户自带配件）" },
  "sh.aftermarket": { en: "{part} (aftermarket, critical system)", "zh-CN": "{part}（关键系统使用副厂件）" },
  "sh.workshop": { en: "workshop", "zh-CN": "车间" },
  "sh.workshopText": {
    en: "{at} to {receiver}, promised {promise}",
    "zh-CN": "{at} 交给 {receiver}，承诺 {promise} 完工",
  },
  "sh.promiseRevised": { en: "promise revised", "zh-CN": "修改承诺" },
  "sh.promiseText": { en: "{at}: now {promise} — {reason}", "zh-CN": "{at}：改为 {promise} — {reason}" },
  "sh.extra": { en: "extra {no}", "zh-CN": "增项 {no}" },
  "sh.safety": { en: " (safety)", "zh-CN": "（涉及安全）" },
  "sh.waiting": { en: "waiting for the customer's answer", "zh-CN": "等待客户答复" },
  "sh.approved": { en: "approved {at} via {via}", "zh-CN": "{at} 经{via}同意" },
  "sh.declined": { en: "declined {at} via {via}", "zh-CN": "{at} 经{via}拒绝" },
  "sh.by": { en: " by {by}", "zh-CN": "（{by}）" },
  "sh.progress": { en: "progress", "zh-CN": "进度" },
  "sh.finish": { en: " (finish {at})", "zh-CN": "（预计 {at} 完工）" },
  "sh.ready": { en: "ready", "zh-CN": "完工" },
  "sh.readyText": { en: "{at}, bill {bill}", "zh-CN": "{at}，应收 {bill}" },
  "sh.belongingsBack": { en: ", belongings all returned", "zh-CN": "，随车物品已全部归还" },
  "sh.delivered": { en: "delivered", "zh-CN": "交车" },
  "sh.deliveredText": { en: "{at}, paid {paid}", "zh-CN": "{at}，实收 {paid}" },
  // the estimate's sentence (src/commands/shop.ts)
  "sh.total": { en: "estimate total {total}", "zh-CN": "估价合计 {total}" },
  "sh.totalWarn": {
    en: "estimate total {total}; no quality guarantee (C-PARTS) on: {parts}",
    "zh-CN": "估价合计 {total}；以下配件不保修（C-PARTS）：{parts}",
  },
  "sh.warnOwn": { en: "{part} (the customer's own part)", "zh-CN": "{part}（客户自带配件）" },
  "sh.warnAftermarket": { en: "{part} (aftermarket on a critical system)", "zh-CN": "{part}（关键系统使用副厂件）" },
  // record files changed but not committed (src/store/git/uncommitted.ts, src/commands/check.ts)
  "gn.status": { en: " ({status})", "zh-CN": "（{status}）" },
  "gn.new": { en: "new", "zh-CN": "新文件" },
  "gn.deleted": { en: "deleted", "zh-CN": "已删除" },
  "gn.conflicted": { en: "conflicted", "zh-CN": "有冲突" },
  "gn.changed": { en: "changed", "zh-CN": "已修改" },
  "gn.changedSince": {
    en: {
      one: "note: {files} was saved by an earlier write (\"{subject}\") that was not committed, and changed since; check it, then commit with 'aftercare doctor --fix' (or git commit)",
      other:
        "note: {files} were saved by an earlier write (\"{subject}\") that was not committed, and changed since; check them, then commit with 'aftercare doctor --fix' (or git commit)",
    },
    "zh-CN":
      "注意：{files} 由先前一次未提交的写入（“{subject}”）保存，之后又被修改；请先核对，再用 'aftercare doctor --fix'（或 git commit）提交",
  },
  "gn.stillPending": {
    en: "note: an earlier write is still not committed ({reason}): {subject} — {files}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits it once git can",
    "zh-CN":
      "注意：先前的一次写入仍未提交（{reason}）：{subject} — {files}；'aftercare doctor' 说明原因，git 可用后 'aftercare doctor --fix' 会提交它",
  },
  "gn.committedEarlier": {
    en: "note: committed an earlier write that had been saved but not committed{why}: {subject}{before} ({sha})",
    "zh-CN": "注意：已提交先前保存但未提交的一次写入{why}：{subject}{before}（{sha}）",
  },
  "gn.committedWhy": { en: " ({reason})", "zh-CN": "（{reason}）" },
  "gn.committedBefore": {
    en: { one: " (and {n} before it)", other: " (and {n} before it)" },
    "zh-CN": "（连同之前的 {n} 次）",
  },
  "gr.dubious": {
    en: 'git refuses to work in the store\'s repository at {at}: it belongs to another user (git: "detected dubious ownership"); run aftercare as the user who owns it, or, if you trust it, tell git so: {command}',
    "zh-CN":
      "git 拒绝在 {at} 的档案库仓库中工作：它属于另一个用户（git：“detected dubious ownership”）；请以仓库所有者的身份运行 aftercare，或在信任它时告诉 git：{command}",
  },
  "gr.cannotUse": {
    en: "git cannot use the store's repository: {line}; repair it (see 'git status' in the store) before writing",
    "zh-CN": "git 无法使用档案库的仓库：{line}；请先修复（在档案库中看 'git status'）再写入",
  },
  "gr.nothingChanged": { en: "{why}; nothing was changed", "zh-CN": "{why}；未做任何更改" },
  "gr.noGit": {
    en: "git is not installed; install git to keep the store's history",
    "zh-CN": "未安装 git；请安装 git 以保留档案库的历史记录",
  },
  "gr.noRepo": { en: "the store is not in a git repository", "zh-CN": "档案库不在 git 仓库中" },
  "gr.indexLock": {
    en: "another git process holds the store's index.lock",
    "zh-CN": "另一个 git 进程占用着档案库的 index.lock",
  },
  "gr.diskFull": {
    en: "No space left on device: git could not write its objects",
    "zh-CN": "磁盘空间已满：git 无法写入它的对象",
  },
  "gr.didNot": { en: "git did not commit", "zh-CN": "git 没有提交" },
  "gr.hook": { en: "a git hook refused the commit: {line}", "zh-CN": "git 钩子拒绝了提交：{line}" },
  "gn.others": {
    en: {
      one: "note: {n} record file is changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): {files}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid",
      other:
        "note: {n} record files are changed but not committed, by no aftercare write on record (a hand edit, or a write stopped before its commit): {files}; 'aftercare doctor' explains, 'aftercare doctor --fix' commits what is valid",
    },
    "zh-CN":
      "注意：有 {n} 个记录文件已修改但未提交，且不是 aftercare 记下的写入（手工修改，或写入在提交前中断）：{files}；'aftercare doctor' 说明原因，'aftercare doctor --fix' 提交其中有效的",
  },
  "ck.stillBroken": {
    en: {
      one: "note: {n} file already broken in the last commit is still broken ({files}); see 'aftercare check'",
      other: "note: {n} files already broken in the last commit are still broken ({files}); see 'aftercare check'",
    },
    "zh-CN": "注意：上次提交中已有问题的 {n} 个文件仍有问题（{files}）；见 'aftercare check'",
  },
  "ck.hook": {
    en: "the commit would break the aftercare store; fix these and stage them again (or commit with --no-verify to skip this check):",
    "zh-CN": "这次提交会破坏 aftercare 档案库；请修正以下问题后重新暂存（或用 --no-verify 提交以跳过这项检查）：",
  },
  "ck.pending": {
    en: "saved by \"{subject}\" but not committed; the next write or 'aftercare doctor --fix' commits it",
    "zh-CN": "已由“{subject}”保存但未提交；下一次写入或 'aftercare doctor --fix' 会提交它",
  },
  "ck.pendingWhy": {
    en: "saved by \"{subject}\" but not committed ({reason}); the next write or 'aftercare doctor --fix' commits it",
    "zh-CN": "已由“{subject}”保存但未提交（{reason}）；下一次写入或 'aftercare doctor --fix' 会提交它",
  },
  "ck.conflicted": {
    en: "a merge conflict not yet settled; see 'git status'",
    "zh-CN": "合并冲突尚未解决；见 'git status'",
  },
  "ck.deleted": {
    en: "deleted but the deletion is not committed; restore it with 'git checkout -- FILE' or commit the deletion with git",
    "zh-CN": "已删除，但删除尚未提交；可用 'git checkout -- 文件' 恢复，或用 git 提交这次删除",
  },
  "ck.new": {
    en: "new but not committed (a hand edit, or a write stopped before its commit); 'aftercare doctor --fix' commits it when it is valid",
    "zh-CN": "新文件，尚未提交（手工修改，或写入在提交前中断）；文件有效时 'aftercare doctor --fix' 会提交它",
  },
  "ck.changed": {
    en: "changed but not committed (a hand edit, or a write stopped before its commit); 'aftercare doctor --fix' commits it when it is valid",
    "zh-CN": "已修改，尚未提交（手工修改，或写入在提交前中断）；文件有效时 'aftercare doctor --fix' 会提交它",
  },
  // doctor's findings (src/services/diagnosis.ts)
  "dg.operation": {
    en: "a git {operation} is unfinished: settle the conflicts, then 'git {operation} --continue', or give up with 'git {operation} --abort'; writes wait until then",
    "zh-CN":
      "git {operation} 尚未完成：请解决冲突后运行 'git {operation} --continue'，或用 'git {operation} --abort' 放弃；在此之前不能写入",
  },
  "dg.rebase": {
    en: "a git {operation} is unfinished (a sync stopped on a conflict?): settle the conflicts, then 'git {operation} --continue', or give up with 'git {operation} --abort'; writes wait until then",
    "zh-CN":
      "git {operation} 尚未完成（同步因冲突停止？）：请解决冲突后运行 'git {operation} --continue'，或用 'git {operation} --abort' 放弃；在此之前不能写入",
  },
  "dg.detached": {
    en: "the store's git HEAD is detached (not on a branch): switch back with 'git switch main' (or your branch); writes wait until then",
    "zh-CN": "档案库的 git HEAD 不在任何分支上：请用 'git switch main'（或你的分支）切换回去；在此之前不能写入",
  },
  "dg.indexLock": {
    en: "git's index is locked ({lock}, {age} old): a git command is running or crashed; if none is running (an open commit editor counts), remove it: rm {quoted}; until then nothing can be committed",
    "zh-CN":
      "git 的索引被锁定（{lock}，已有 {age}）：有 git 命令正在运行或已崩溃；若没有在运行的（打开着的提交编辑器也算），请删除它：rm {quoted}；在此之前无法提交",
  },
  "dg.markers": {
    en: "{path}: merge-conflict markers from line {line}: keep the right value, delete the <<<<<<< ======= >>>>>>> lines, then 'git add {path}' and commit",
    "zh-CN":
      "{path}：第 {line} 行起有合并冲突标记：保留正确的值，删除 <<<<<<< ======= >>>>>>> 各行，然后 'git add {path}' 并提交",
  },
  "dg.markersRebase": {
    en: "{path}: merge-conflict markers from line {line}: keep the right value, delete the <<<<<<< ======= >>>>>>> lines, then 'git add {path}' and 'git rebase --continue'",
    "zh-CN":
      "{path}：第 {line} 行起有合并冲突标记：保留正确的值，删除 <<<<<<< ======= >>>>>>> 各行，然后 'git add {path}' 并 'git rebase --continue'",
  },
  "dg.duplicate": {
    en: "duplicate ID {id}: {path} and {other}; compare them (diff {path} {other}), keep the right one and remove the other with 'git rm' (doctor never deletes a record)",
    "zh-CN":
      "编号 {id} 重复：{path} 和 {other}；请比较两者（diff {path} {other}），保留正确的一个，用 'git rm' 删除另一个（doctor 从不删除记录）",
  },
  "dg.misplacedFree": {
    en: "{path}: in the wrong folder, so every list leaves it out; its ID puts it at {to}; 'aftercare doctor --fix' moves it there (or: git mv {path} {to})",
    "zh-CN":
      "{path}：放错了文件夹，所有列表都不会列出它；按编号应在 {to}；'aftercare doctor --fix' 会把它移过去（或：git mv {path} {to}）",
  },
  "dg.misplacedTaken": {
    en: "{path}: in the wrong folder, so every list leaves it out; its ID puts it at {to}; a file is already there: compare the two and keep one",
    "zh-CN": "{path}：放错了文件夹，所有列表都不会列出它；按编号应在 {to}；那里已有文件：请比较两者，保留一个",
  },
  "dg.settings": {
    en: "{file} cannot be read: {reason}; fix it by hand (conflict markers? 'git diff {file}')",
    "zh-CN": "{file} 无法读取：{reason}；请手工修正（有冲突标记？'git diff {file}'）",
  },
  "dg.nProblems": { en: { one: "{n} other problem", other: "{n} other problems" }, "zh-CN": "另有 {n} 个问题" },
  "dg.nFiles": { en: { one: "{n} file", other: "{n} files" }, "zh-CN": "{n} 个文件" },
  "dg.others": {
    en: "{problems} in {files} (first: {first}); 'aftercare check' lists them: fix them by hand",
    "zh-CN": "{files}中{problems}（第一个：{first}）；'aftercare check' 会列出全部：请手工修正",
  },
  "dg.stopped": { en: "the command stopped before its commit", "zh-CN": "命令在提交前停止" },
  "dg.waitingGit": {
    en: {
      one: "{n} write is saved but not committed (first: \"{subject}\", {reason}); fix what git says above, then the next write or 'aftercare doctor --fix' commits them",
      other:
        "{n} writes are saved but not committed (first: \"{subject}\", {reason}); fix what git says above, then the next write or 'aftercare doctor --fix' commits them",
    },
    "zh-CN":
      "有 {n} 次写入已保存但未提交（第一次：“{subject}”，{reason}）；请先处理上面 git 所说的问题，之后下一次写入或 'aftercare doctor --fix' 会提交它们",
  },
  "dg.waitingNoGit": {
    en: {
      one: "{n} write is saved but not committed (first: \"{subject}\", {reason}); install git (or put it on PATH), then the next write or 'aftercare doctor --fix' commits them",
      other:
        "{n} writes are saved but not committed (first: \"{subject}\", {reason}); install git (or put it on PATH), then the next write or 'aftercare doctor --fix' commits them",
    },
    "zh-CN":
      "有 {n} 次写入已保存但未提交（第一次：“{subject}”，{reason}）；请安装 git（或把它加入 PATH），之后下一次写入或 'aftercare doctor --fix' 会提交它们",
  },
  "dg.gone": {
    en: {
      one: "the write \"{subject}\" was saved but never committed, and its file is gone ({files}); if that was not meant, look for the record in 'git stash list' or redo it",
      other:
        "the write \"{subject}\" was saved but never committed, and its files are gone ({files}); if that was not meant, look for the record in 'git stash list' or redo it",
    },
    "zh-CN":
      "写入“{subject}”已保存但从未提交，而且它的文件已不在（{files}）；如果这不是有意的，请在 'git stash list' 中找找这条记录，或重做一遍",
  },
  "dg.conflicted": {
    en: "{path}: a merge conflict not yet settled; see 'git status'",
    "zh-CN": "{path}：合并冲突尚未解决；见 'git status'",
  },
  "dg.deleted": {
    en: "{path}: deleted, and the deletion is not committed; if that was a mistake, bring it back with 'git checkout -- {path}', else commit the deletion with git (doctor never deletes a record)",
    "zh-CN":
      "{path}：已删除，删除尚未提交；如果是误删，用 'git checkout -- {path}' 恢复，否则用 git 提交这次删除（doctor 从不删除记录）",
  },
  "dg.savedBy": { en: 'saved by "{subject}"', "zh-CN": "已由“{subject}”保存" },
  "dg.brokenUncommitted": {
    en: "{path}: {what} but not committed, and it does not read cleanly ('aftercare check'); fix it, then 'aftercare doctor --fix' commits it",
    "zh-CN": "{path}：{what}，尚未提交，而且读取有问题（'aftercare check'）；请修正后由 'aftercare doctor --fix' 提交",
  },
  "dg.pending": {
    en: "{path}: saved by \"{subject}\" but not committed ({reason}); 'aftercare doctor --fix' (or the next write) commits it",
    "zh-CN": "{path}：已由“{subject}”保存但未提交（{reason}）；'aftercare doctor --fix'（或下一次写入）会提交它",
  },
  "dg.validUncommitted": {
    en: "{path}: {what} but not committed (a write killed before its commit, or a hand edit); it is valid: 'aftercare doctor --fix' commits it",
    "zh-CN": "{path}：{what}，尚未提交（写入在提交前被终止，或手工修改）；文件有效：'aftercare doctor --fix' 会提交它",
  },
  // check's findings across records (src/domain/check.ts)
  "cf.fileName": {
    en: 'file name "{id}" is not a {kind} ID ({letter}-yymmdd-XXXX); rename the file',
    "zh-CN": "文件名“{id}”不是{kind}编号（{letter}-yymmdd-XXXX）；请重命名该文件",
  },
  "cf.duplicate": {
    en: "duplicate ID {id}: also at {other}; keep one of the two files",
    "zh-CN": "编号 {id} 重复：{other} 也用了它；两个文件只保留一个",
  },
  "cf.place": {
    en: "{kind} {id} is in the wrong place: its ID puts it at {place}",
    "zh-CN": "{kind} {id} 放错了位置：按编号应在 {place}",
  },
  "cf.reference": {
    en: "{field} refers to {kind} {id}, which is not in this store",
    "zh-CN": "字段 {field} 指向的{kind} {id} 不在本档案库中",
  },
  "cf.staff": {
    en: "{field} names \"{name}\", who is not on the staff list in aftercare.yaml; add them with 'aftercare staff add'",
    "zh-CN": "字段 {field} 写的“{name}”不在 aftercare.yaml 的员工名单中；请用 'aftercare staff add' 添加",
  },
  "cf.owner": {
    en: "ticket {ticket} belongs to customer {owner}, not to {customer}",
    "zh-CN": "工单 {ticket} 属于客户 {owner}，不属于 {customer}",
  },
  "cf.section": {
    en: "status is {status} but {what} is missing",
    "zh-CN": "字段 status 为 {status}，但缺少字段 {what}",
  },
  "cf.received": {
    en: "received is later than filed: a request is filed after it comes in",
    "zh-CN": "字段 received（受理时间）晚于字段 filed（建档时间）：报修总是先受理后建档",
  },
  "cf.twice": { en: 'staff member "{name}" is listed twice', "zh-CN": "员工“{name}”在名单中出现了两次" },
  "cf.cover": {
    en: 'cover "{cover}" for {name}\'s absence must be another person on the staff list',
    "zh-CN": "{name} 缺勤时的代岗人“{cover}”必须是员工名单中的另一个人",
  },
  "dg.first": { en: "{at}: {message}", "zh-CN": "{at}：{message}" },
  // a record's field where a conflict names it (src/commands/resolve.ts, src/services/conflicts.ts)
  "r.field": { en: "{field}", "zh-CN": "字段 {field}" },
  // the questions at a terminal (src/services/ask.ts and its callers): every question, choice and
  // worded flag a key of its own, checked by tsc; the choices' values are shown as say.value shows them
  "q.flag.customerOrTicket": { en: "--customer (or --ticket)", "zh-CN": "--customer（或 --ticket）" },
  "q.customer": { en: "Customer", "zh-CN": "客户" },
  "q.problem": { en: "Problem, as the customer tells it", "zh-CN": "问题（按客户的说法）" },
  "q.request": { en: "Service the customer wants", "zh-CN": "客户要求的服务" },
  "q.channel": { en: "Came in by", "zh-CN": "来源" },
  "q.ticketKind": { en: "Kind of request", "zh-CN": "工单类型" },
  "q.whoCalled": { en: "Who called", "zh-CN": "谁打的电话" },
  "q.calledIn": { en: "they called us (in)", "zh-CN": "客户打来（来电）" },
  "q.calledOut": { en: "we called them (out)", "zh-CN": "我们打去（去电）" },
  "q.callPurpose": { en: "What the call was for", "zh-CN": "通话目的" },
  "q.callSummary": { en: "Key points of the conversation", "zh-CN": "通话要点" },
  "q.letterKind": { en: "Kind of letter", "zh-CN": "信函类型" },
  "q.subject": { en: "Subject", "zh-CN": "主题" },
  "q.role": { en: "Role", "zh-CN": "角色" },
  "q.awayFrom": { en: "First day away", "zh-CN": "缺勤第一天" },
  "q.awayTo": { en: "Last day away", "zh-CN": "缺勤最后一天" },
  "q.cover": { en: "Who covers", "zh-CN": "代岗人" },
  "q.technician": { en: "Technician", "zh-CN": "技术员" },
  "q.solution": { en: "What solved it", "zh-CN": "处理结果" },
  "q.cancelReason": { en: "Why is the ticket cancelled", "zh-CN": "取消工单的原因" },
  "q.scheduleDate": { en: "Dispatch scheduled for (YYYY-MM-DD)", "zh-CN": "计划派工日期（如 2026-12-09）" },
  "q.scheduleReason": {
    en: "Why nobody can be sent at once (the customer is told)",
    "zh-CN": "为什么不能立即派人（会告知客户）",
  },
  "q.plate": { en: "Number plate", "zh-CN": "车牌号" },
  "q.odometer": { en: "Odometer (km)", "zh-CN": "里程表读数（公里）" },
  "q.fuel": { en: "Fuel gauge (e.g. 1/2)", "zh-CN": "油量（如 1/2）" },
  "q.keyTag": { en: "Key tag number", "zh-CN": "钥匙牌号" },
  "q.papers": {
    en: 'Papers ("ok" when valid and complete, else what is wrong)',
    "zh-CN": "证件（齐全有效填“齐全”，否则写明缺什么或哪里不对）",
  },
  "q.estimateMode": { en: "Estimate by", "zh-CN": "估价方式" },
  "q.receiver": { en: "Received in the workshop by", "zh-CN": "车间接车人" },
  "q.promise": { en: "Completion promised for (YYYY-MM-DD HH:MM)", "zh-CN": "承诺完工时间（如 2026-12-09 17:50）" },
  "q.newPromise": {
    en: "Completion now promised for (YYYY-MM-DD HH:MM)",
    "zh-CN": "新的承诺完工时间（如 2026-12-09 18:30）",
  },
  "q.promiseReason": {
    en: "Why the promise changes (e.g. approved extra work)",
    "zh-CN": "修改承诺的原因（如客户同意了增项）",
  },
  "q.extraItem": { en: "Extra work found", "zh-CN": "发现的增项" },
  "q.paid": { en: "Amount paid", "zh-CN": "实收金额" },
  "q.eventTitle": { en: "Event title", "zh-CN": "活动名称" },
  "q.eventDate": { en: "Date (YYYY-MM-DD)", "zh-CN": "日期（如 2027-01-20）" },
  "q.ticketOfCall": { en: "Ticket the call is about", "zh-CN": "这次通话关于哪张工单" },
  "q.ticketAnswered": { en: "Ticket the call answers", "zh-CN": "这次通话完成哪张工单的事项" },
  "q.eventAnnounced": { en: "Event the call announces", "zh-CN": "这次通话通知哪个活动" },
  "q.closes": { en: "{label} — closes {closes}", "zh-CN": "{label} — 完成 {closes}" },
  "q.none": { en: "none", "zh-CN": "都不是" },
  "q.whyWaive": { en: "Why the duty cannot be done", "zh-CN": "这项工作为什么无法完成" },
  "q.estimateLine": {
    en: 'Line ("TEXT; labour=350.00; part=NAME/us|customer/genuine|aftermarket/AMOUNT")',
    "zh-CN": "估价行（“项目; labour=350.00; part=配件名/us|customer/genuine|aftermarket/金额”）",
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof M;

/** Every entry of the catalogue (for the test that walks them). */
export const CATALOGUE: Readonly<Record<MessageKey, Entry>> = M;

const pluralRules = new Map<Locale, Intl.PluralRules>();
/** The form of `text` for the number in `params` (Intl.PluralRules of the locale). */
function formOf(text: Text, locale: Locale, params: Record<string, string | number>): string {
  if (typeof text === "string") return text;
  const n = typeof params.n === "number" ? params.n : Object.values(params).find((v) => typeof v === "number");
  if (n === undefined) return text.other;
  const rules = pluralRules.get(locale) ?? pluralRules.set(locale, new Intl.PluralRules(locale)).get(locale)!;
  return text[rules.select(n)] ?? text.other;
}

/** The message for `key` in `locale`, with {name} placeholders filled. */
export function t(locale: string, key: MessageKey, params: Record<string, string | number> = {}): string {
  const entry: Entry = M[key];
  const loc: Locale = locale === "zh-CN" ? "zh-CN" : "en";
  const text = formOf(entry[loc], loc, params);
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

/** The word for a value records hold (a kind, status, rule…), or the value itself. */
export function word(locale: string, value: unknown): string {
  const k = `word.${String(value)}`;
  return k in M ? t(locale, k as MessageKey) : textOf(value);
}

/** The fields an edit changed, in words: `received, channel`, or 受理时间、来源 (a field with no word keeps its name). */
export function fieldWords(locale: string, fields: readonly string[]): string {
  return fields.map((f) => (`fld.${f}` in M ? t(locale, `fld.${f}` as MessageKey) : f)).join(t(locale, "fld.sep"));
}

/** A translator bound to one locale. */
export const translator = (locale: string) => ({
  t: (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params),
  word: (v: unknown) => word(locale, v),
  /** a record's value in a table: as typed on the command line in English, in words in Chinese */
  value: (v: unknown) => (locale === "zh-CN" ? word(locale, v) : textOf(v)),
  locale,
});
export type Translator = ReturnType<typeof translator>;

/**
 * A parameter of a worded sentence: a number or text as it is; a catalogue sentence of its own; a
 * value records hold (`{ value: "repair" }`: as typed in English, in words in Chinese); a list of them.
 */
export type WordParam =
  | string
  | number
  | Worded
  | { value: string }
  | { values: readonly string[] }
  | { typed: readonly string[] }
  | { asWritten: string; worded: Worded };
/** A sentence as facts (a catalogue key and its parameters), worded in the reader's language when shown. */
export interface Worded {
  key: MessageKey;
  params?: Record<string, WordParam>;
}

/** A value to type, with its word after it when it has one: open（待处理）. */
function glossed(locale: string, x: string): string {
  const w = word(locale, x);
  return w === x ? x : `${x}（${w}）`;
}

/** A worded sentence in `locale`. */
export function wordedText(locale: string, w: Worded): string {
  const say = translator(locale);
  const param = (v: WordParam): string | number => {
    if (typeof v !== "object") return v;
    if ("key" in v) return wordedText(locale, v);
    if ("value" in v) return say.value(v.value);
    // values to type as they are (a YAML file's): glossed in words in Chinese, status open（待处理）
    if ("typed" in v) return v.typed.map((x) => (locale === "en" ? x : glossed(locale, x))).join(say.t("ask.flagSep"));
    // English as another program wrote it (the YAML parser's), in other languages the catalogue's sentence
    if ("asWritten" in v) return locale === "en" ? v.asWritten : wordedText(locale, v.worded);
    return v.values.map((x) => say.value(x)).join(say.t("ask.flagSep"));
  };
  return say.t(w.key, Object.fromEntries(Object.entries(w.params ?? {}).map(([k, v]) => [k, param(v)])));
}
