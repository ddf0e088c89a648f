// The catalogue's block for refusals that were still written in English at their call sites (issue 13,
// item 1: no English in a zh-CN store): a flag's value the command does not take, a step that does not
// fit, a name not given. src/i18n-problems.ts spreads it into the one catalogue. The English is exactly
// what the call sites said before.
import type { Entry } from "./i18n.js";

export const REFUSALS = {
  "rf.and": { en: "{a}, {b}", "zh-CN": "{a}、{b}" },
  "rf.or": { en: "{a} or {b}", "zh-CN": "{a} 或 {b}" },
  "rf.notOneOf": {
    en: '{flag} "{value}" is not one of {choices}; nothing was written',
    "zh-CN": "{flag} “{value}” 不可用：请选择 {choices}；未写入任何内容",
  },
  "rf.atBeforeReceived": {
    en: "--at {when} is before the ticket was received ({received}); nothing was written",
    "zh-CN": "--at {when} 早于工单的受理时间（{received}）；未写入任何内容",
  },
  "rf.satisfaction": {
    en: '--satisfaction "{value}" must be a whole number from 1 (poor) to 5 (excellent); nothing was written',
    "zh-CN": "--satisfaction “{value}” 必须是 1（差）到 5（很好）的整数；未写入任何内容",
  },
  "rf.customerName": {
    en: "customer add needs the customer's name (NAME or --name); nothing was written",
    "zh-CN": "'aftercare customer add' 需要客户名称（写在命令后，或用 --name）；未写入任何内容",
  },
  "rf.phoneEmpty": {
    en: '--phone "{value}" is empty: give the number, such as "021-5555 1234"; nothing was written',
    "zh-CN": "--phone “{value}” 是空的：请给出号码，如 021-5555 1234；未写入任何内容",
  },
  "rf.emailBad": {
    en: '--email "{value}" is not an e-mail address such as name@example.com; nothing was written',
    "zh-CN": "--email “{value}” 不是电子邮件地址（如 name@example.com）；未写入任何内容",
  },
  "rf.contactFirst": {
    en: "--phone and --email belong to a contact person: give --contact NAME too; nothing was written",
    "zh-CN": "--phone 和 --email 属于某位联系人：请同时用 --contact 给出姓名；未写入任何内容",
  },
  "rf.within": {
    en: '--within "{value}" must be a number of days, such as 7',
    "zh-CN": "--within “{value}” 必须是天数，如 7",
  },
  "rf.staffName": {
    en: "staff add needs a NAME; nothing was written",
    "zh-CN": "'aftercare staff add' 需要姓名；未写入任何内容",
  },
  "rf.role": {
    en: '--role "{role}" is not a role; use {roles}; nothing was written',
    "zh-CN": "--role “{role}” 不是角色；请用 {roles}；未写入任何内容",
  },
  "rf.left": {
    en: "{name} left on {date}; appoint someone still on the staff; nothing was written",
    "zh-CN": "{name} 已于 {date} 离职；请指定仍在职的人；未写入任何内容",
  },
  "rf.notClerk": {
    en: "{name} is {role}; the follow-up clerk is one of the after-sales clerks (regulation A1){clerks}; nothing was written",
    "zh-CN": "{name} 是{role}；跟踪回访专员须是售后客服之一（规定 A1）{clerks}；未写入任何内容",
  },
  "rf.notClerk.some": { en: ": {names}", "zh-CN": "：{names}" },
  "rf.notClerk.none": {
    en: ": add one with 'aftercare staff add NAME --role clerk'",
    "zh-CN": "：请用 'aftercare staff add 姓名 --role clerk' 添加一位",
  },
  "rf.awayAlready": {
    en: "{name} is already recorded away {spans}; an absence over the same days would be ignored: edit that one in aftercare.yaml, or choose other days; nothing was written",
    "zh-CN":
      "已登记 {name} 在 {spans} 不在岗；同样日期的缺勤会被忽略：请在 aftercare.yaml 中修改那一条，或另选日期；未写入任何内容",
  },
  "rf.span": { en: "{from}–{to} (covered by {cover})", "zh-CN": "{from}–{to}（由 {cover} 代班）" },
  "rf.coverLeft": { en: "{cover} left on {date}", "zh-CN": "{cover} 已于 {date} 离职" },
  "rf.days": { en: "{from} to {to}", "zh-CN": "{from} 至 {to}" },
  "rf.coverAway": { en: "{cover} is away too ({days})", "zh-CN": "{cover} 也不在岗（{days}）" },
  "rf.cannotCover": {
    en: "{why}, so cannot cover {name} {from} to {to}; {next}; nothing was written",
    "zh-CN": "{why}，无法在 {from} 至 {to} 代 {name} 的班；{next}；未写入任何内容",
  },
  "rf.coverSuggest": {
    en: "name someone present on all those days with --cover, such as {names}",
    "zh-CN": "请用 --cover 指定这些天都在岗的人，如 {names}",
  },
  "rf.coverNobody": {
    en: "nobody else on the staff list is present on all those days; split the absence, or add the cover with 'aftercare staff add'",
    "zh-CN": "员工名单中没有别人这些天都在岗；请拆分这段缺勤，或用 'aftercare staff add' 添加代班人",
  },
  "rf.coverSelf": {
    en: "{name} cannot cover for themselves; name a colleague with --cover; nothing was written",
    "zh-CN": "{name} 不能替自己代班；请用 --cover 指定一位同事；未写入任何内容",
  },
  "rf.toBeforeFrom": {
    en: "--to {to} is before --from {from}; nothing was written",
    "zh-CN": "--to {to} 早于 --from {from}；未写入任何内容",
  },
  "rf.reportLocale": {
    en: '--locale "{locale}" is not supported; use {choices}',
    "zh-CN": "不支持 --locale “{locale}”；请用 {choices}",
  },
  "rf.month": { en: 'month "{label}" must look like 2026-11', "zh-CN": "月份“{label}”应写成 2026-11 这样的年月" },
  "rf.year": { en: 'year "{label}" must look like 2026', "zh-CN": "年份“{label}”应写成 2026 这样" },
  "rf.notCall": {
    en: "{id} is a {channel}, not a call; the call record form is for calls",
    "zh-CN": "{id} 是{channel}，不是电话；通话记录表只用于电话",
  },
  "rf.notShop": {
    en: "ticket {id} is a {kind} ticket; the {form} is for vehicles at the reception desk (kind shop)",
    "zh-CN": "工单 {id} 是{kind}工单；{form}只用于接待台的进厂车辆（类型 shop）",
  },
  "rf.form.order": { en: "repair order", "zh-CN": "维修委托书" },
  "rf.form.diagnosis": { en: "diagnosis sheet", "zh-CN": "诊断单" },
  "rf.toldBoth": {
    en: "--told and --not-told contradict each other: give one; nothing was written",
    "zh-CN": "--told 和 --not-told 互相矛盾：只能给一个；未写入任何内容",
  },
  "rf.flagEmpty": { en: "--{flag} is empty; nothing was written", "zh-CN": "--{flag} 是空的；未写入任何内容" },
  "rf.letterOut": {
    en: "{id} is a letter we sent: its direction is out; nothing was written",
    "zh-CN": "{id} 是我们寄出的信函：方向只能是 out（去函）；未写入任何内容",
  },
  "rf.ticketOfOther": {
    en: "ticket {ticket} belongs to customer {owner}, not to {customer}; nothing was written",
    "zh-CN": "工单 {ticket} 属于客户 {owner}，不属于 {customer}；未写入任何内容",
  },
  "rf.nextBeforeToday": {
    en: "--next-date {day} is before today ({today}): a planned next contact cannot be in the past; nothing was written",
    "zh-CN": "--next-date {day} 早于今天（{today}）：计划的下次联系不能在过去；未写入任何内容",
  },
  "rf.linkNeeds": {
    en: "contact link needs --ticket T, --event E or --plan P: what to link the contact to; nothing was written",
    "zh-CN": "'aftercare contact link' 需要 --ticket、--event 或 --plan 之一：把联系记录关联到什么；未写入任何内容",
  },
  "rf.linkOther": {
    en: "ticket {ticket} belongs to customer {owner}, and contact {id} to {customer}: a contact is linked only to its own customer's tickets; nothing was written",
    "zh-CN":
      "工单 {ticket} 属于客户 {owner}，联系记录 {id} 属于 {customer}：联系记录只能关联本客户的工单；未写入任何内容",
  },
  "rf.planNotId": {
    en: '--plan "{input}" must be the ID of the contact (K-…) or ticket (T-…) that planned the next contact; nothing was written',
    "zh-CN": "--plan “{input}” 必须是计划这次联系的联系记录（K-…）或工单（T-…）的编号；未写入任何内容",
  },
  "rf.planSelf": {
    en: "--plan {id} is this contact itself: give the contact or ticket that planned it; nothing was written",
    "zh-CN": "--plan {id} 就是这条联系记录本身：请给出计划它的联系记录或工单；未写入任何内容",
  },
  "rf.planOther": {
    en: "--plan {id} belongs to customer {owner}, not to {customer}; nothing was written",
    "zh-CN": "--plan {id} 属于客户 {owner}，不属于 {customer}；未写入任何内容",
  },
  "rf.planNone": {
    en: "--plan {id} planned no next contact (it has no {what}); nothing was written",
    "zh-CN": "--plan {id} 没有计划下次联系（它没有{what}）；未写入任何内容",
  },
  "rf.plan.next": { en: "next date", "zh-CN": "下次联系日期" },
  "rf.plan.plans": { en: "plans", "zh-CN": "联系计划" },
  "rf.shell": {
    en: 'completion for "{shell}" is not available: choose {shells}',
    "zh-CN": "没有“{shell}”的命令补全：请选择 {shells}",
  },
  "rf.stagedNoRepo": {
    en: "--staged: {root} is not in a git repository",
    "zh-CN": "--staged：{root} 不在 git 仓库中",
  },
  "rf.stagedIndex": {
    en: "--staged: could not read the git index ({why})",
    "zh-CN": "--staged：无法读取 git 索引（{why}）",
  },
  "rf.checking": { en: "checking {done} of {total} files…", "zh-CN": "正在检查第 {done} 个文件，共 {total} 个…" },
  "rf.promiseNotAfter": {
    en: "--promise {promise} is not after the hand-over ({at}); nothing was written",
    "zh-CN": "--promise {promise} 不晚于交修时间（{at}）；未写入任何内容",
  },
  "rf.extrasPending": {
    en: {
      one: "extra-work request {nos} still waits for the customer's answer (aftercare ticket answer {id} N --approved|--declined); nothing was written",
      other:
        "extra-work requests {nos} still wait for the customer's answer (aftercare ticket answer {id} N --approved|--declined); nothing was written",
    },
    "zh-CN": "增项 {nos} 还在等客户答复（aftercare ticket answer {id} 序号 --approved|--declined）；未写入任何内容",
  },
  "rf.odometer": {
    en: '--odometer "{value}" must be the reading in whole kilometres, such as 48210; nothing was written',
    "zh-CN": "--odometer “{value}” 必须是整公里的里程表读数，如 48210；未写入任何内容",
  },
  "rf.amount": {
    en: '{flag} "{value}" is not an amount: use units and up to two decimals, such as 1280.00; nothing was written',
    "zh-CN": "{flag} “{value}” 不是金额：请用元为单位，最多两位小数，如 1280.00；未写入任何内容",
  },
  "rf.schedulepast": {
    en: "--date {date} is in the past (today is {today}); schedule the dispatch for today or later; nothing was written",
    "zh-CN": "--date {date} 已经过去（今天是 {today}）；请把派工安排在今天或以后；未写入任何内容",
  },
  "rf.atBeforeHandover": {
    en: "--at {at} is before the hand-over to the workshop ({handover}); nothing was written",
    "zh-CN": "--at {at} 早于交给车间的时间（{handover}）；未写入任何内容",
  },
  "rf.promiseBeforeHandover": {
    en: "--promise {promise} is not after the hand-over to the workshop ({handover}); nothing was written",
    "zh-CN": "--promise {promise} 不晚于交给车间的时间（{handover}）；未写入任何内容",
  },
  "rf.receivedFuture": {
    en: "--received {received} is in the future; a request is filed after it comes in; nothing was written",
    "zh-CN": "--received {received} 晚于现在；请求要在收到之后才能登记；未写入任何内容",
  },
  "rf.appointmentKind": {
    en: "--appointment is for vehicles at the reception desk: add --kind shop; nothing was written",
    "zh-CN": "--appointment 只用于接待台的进厂车辆：请加上 --kind shop；未写入任何内容",
  },
  "rf.appointmentPast": {
    en: "--appointment {at} is in the past; give the time the vehicle is to come in; nothing was written",
    "zh-CN": "--appointment {at} 已经过去；请给出车辆将要进厂的时间；未写入任何内容",
  },
  "rf.nextPast": {
    en: "--next-date {day} is in the past (today is {today}); plan the next contact for today or later; nothing was written",
    "zh-CN": "--next-date {day} 已经过去（今天是 {today}）；请把下次联系安排在今天或以后；未写入任何内容",
  },
  "rf.noStoreHere": {
    en: "no aftercare store here: no aftercare.yaml in {cwd} or any folder above it; run 'aftercare init', or give --records DIR (or set AFTERCARE_RECORDS)",
    "zh-CN":
      "这里没有 aftercare 档案库：{cwd} 及其上级文件夹中都没有 aftercare.yaml；请运行 'aftercare init'，或用 --records 指定档案库所在的文件夹（也可设置环境变量 AFTERCARE_RECORDS）",
  },
  "rf.noStoreAt": {
    en: "no aftercare store at {root} ({file} not found); point --records at the store",
    "zh-CN": "{root} 不是 aftercare 档案库（没有 {file}）；请用 --records 指向档案库",
  },
  "rf.lockTimeout": {
    en: 'AFTERCARE_LOCK_TIMEOUT "{value}" must be a number of seconds, such as 120; nothing was written',
    "zh-CN": "AFTERCARE_LOCK_TIMEOUT “{value}” 必须是秒数，如 120；未写入任何内容",
  },
  "rf.noFreeId": {
    en: "could not find a free {kind} ID for {day} after 32 tries; nothing was written",
    "zh-CN": "试了 32 次仍找不到 {day} 可用的{kind}编号；未写入任何内容",
  },
  "rf.sep.comma": { en: "commas", "zh-CN": "逗号" },
  "rf.sep.semicolon": { en: "semicolons", "zh-CN": "分号" },
  "rf.sep.tab": { en: "tabs", "zh-CN": "制表符" },
  "rf.sep.bar": { en: "vertical bars", "zh-CN": "竖线" },
  "rf.delimiter": {
    en: '--delimiter "{given}" is not a column separator aftercare reads; use , ; tab or |',
    "zh-CN": "--delimiter “{given}” 不是可用的列分隔符；请用 , ; tab 或 |",
  },
  "rf.delimiterTie": {
    en: "the header row has as many {a} as {b} ({n}): say which separates the columns with --delimiter {flagA} or --delimiter {flagB}; nothing was written",
    "zh-CN":
      "列名行中{a}和{b}一样多（{n} 个）：请用 --delimiter {flagA} 或 --delimiter {flagB} 说明哪个是列分隔符；未写入任何内容",
  },
  "rf.encoding": {
    en: '--encoding "{encoding}" is not one aftercare reads; use utf-8, gb18030 (also for GBK), utf-16le or utf-16be',
    "zh-CN": "--encoding “{encoding}” 不可用；请用 utf-8、gb18030（GBK 也用它）、utf-16le 或 utf-16be",
  },
  "rf.notEncoding": {
    en: "the file is not valid {enc}; say its encoding with --encoding gb18030|utf-8|utf-16le",
    "zh-CN": "文件不是有效的 {enc}；请用 --encoding gb18030|utf-8|utf-16le 说明它的编码",
  },
  "rf.notEncodingDetected": {
    en: "the file is not valid {enc} (detected); say its encoding with --encoding gb18030|utf-8|utf-16le",
    "zh-CN": "文件不是有效的 {enc}（自动识别）；请用 --encoding gb18030|utf-8|utf-16le 说明它的编码",
  },
  "rf.mapForm": {
    en: '--map "{part}" must be FIELD=COLUMN with FIELD one of {fields}',
    "zh-CN": "--map “{part}” 应写成 字段=列名，字段可用 {fields}",
  },
  "rf.mapColumn": {
    en: '--map {f}={col}: the file has no column "{col}" (it has: {has})',
    "zh-CN": "--map {f}={col}：文件中没有“{col}”列（现有的列：{has}）",
  },
  "rf.noTemplate": { en: "--template {file}: no such file", "zh-CN": "--template {file}：文件不存在" },
  "rf.templateFailed": {
    en: "{what}\nthe report could not be written: fix the template; nothing was written",
    "zh-CN": "{what}\n无法生成报告：请修正模板；未写入任何内容",
  },
  "rf.source": {
    en: 'calendar.source "{id}" in aftercare.yaml is not a {what} that {label} knows; use cn, none, or a code such as DE, DE-BY or US-CA (https://github.com/commenthol/date-holidays#supported-countries-states-regions)',
    "zh-CN":
      "aftercare.yaml 中的 calendar.source “{id}” 不是 {label} 认识的{what}；请用 cn、none，或 DE、DE-BY、US-CA 这样的代码（https://github.com/commenthol/date-holidays#supported-countries-states-regions）",
  },
  "rf.source.country": { en: "country", "zh-CN": "国家" },
  "rf.source.state": { en: "state", "zh-CN": "州/省" },
  "rf.source.region": { en: "region", "zh-CN": "地区" },
  "rf.noGit": {
    en: "git is not installed (or not on PATH), so there is {what}; install git; nothing was changed",
    "zh-CN": "没有安装 git（或不在 PATH 中），因此{what}；请安装 git；未改动任何内容",
  },
  "rf.noRepo": {
    en: "the store at {cwd} is not a git repository, so there is {what}; see 'git init'",
    "zh-CN": "{cwd} 处的档案库不是 git 仓库，因此{what}；见 'git init'",
  },
  "rf.repo.history": { en: "no history to show", "zh-CN": "没有可显示的历史" },
  "rf.repo.sync": { en: "nothing to sync", "zh-CN": "没有可同步的内容" },
  "rf.repo.undo": { en: "no history to undo", "zh-CN": "没有可撤销的历史" },
  "rf.repo.redo": { en: "no history to redo", "zh-CN": "没有可重做的历史" },
  "rf.repo.settle": { en: "nothing to settle", "zh-CN": "没有要处理的冲突" },
} satisfies Record<string, Entry>;

type Param = string | { key: "rf.and" | "rf.or"; params: { a: Param; b: Param } };
/** Items joined in the reader's language: `a, b, c` / `a、b、c` (rf.and), `a or b` / `a 或 b` (rf.or). */
export function joined(items: readonly string[], key: "rf.and" | "rf.or"): Param {
  return items.slice(1).reduce<Param>((a, b) => ({ key, params: { a, b } }), items[0] ?? "");
}
