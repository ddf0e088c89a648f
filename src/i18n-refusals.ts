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
} satisfies Record<string, Entry>;

type Param = string | { key: "rf.and" | "rf.or"; params: { a: Param; b: Param } };
/** Items joined in the reader's language: `a, b, c` / `a、b、c` (rf.and), `a or b` / `a 或 b` (rf.or). */
export function joined(items: readonly string[], key: "rf.and" | "rf.or"): Param {
  return items.slice(1).reduce<Param>((a, b) => ({ key, params: { a, b } }), items[0] ?? "");
}
