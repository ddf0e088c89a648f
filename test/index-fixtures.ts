// Stores for test/index-fresh.test.ts: a small hand-written store in Chinese and English whose
// records open and close duties of every kind, and a generator for stores of thousands of records
// written straight to disk (no per-record commit), for the paths an index takes on larger stores.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** "Now" for every read of the small store: Monday 2026-11-30, 09:00 in Shanghai. */
export const NOW = "2026-11-30T09:00:00+08:00";

export const SETTINGS = `# aftercare store settings (test fixture for the derived index)
version: 1
company: 上海明远机电设备服务有限公司
timezone: Asia/Shanghai
locale: zh-CN
staff:
  - name: 王芳
    role: clerk
    email: wangfang@example.com
  - name: 陈静
    role: clerk
  - name: Tom Baker
    role: clerk
  - name: 李强
    role: technician
  - name: 赵工
    role: engineering
  - name: 周敏
    role: supervisor
followupClerk: 王芳
calendar:
  workweek: [1, 2, 3, 4, 5]
  holidays:
    - { name: 国庆节, from: 2026-10-01, to: 2026-10-07 }
  workdays: [2026-10-10]
rules:
  R-ESC-1DAY: { days: 1 }
  R-FOLLOWUP-2: { from: 7, to: 14 }
  R-MONTHLY: { days: 5, annualDays: 15 }
`;

// customers: Chinese and English, companies and a private car owner
export const MINGYUAN = "C-260901-AAAA";
export const ACME = "C-260902-BBBB";
export const XIHU = "C-260903-CCCC";
export const PACIFIC = "C-260904-DDDD";
export const JINGGONG = "C-260905-EEEE";
export const ZHOU = "C-260906-FFFF";

// tickets
/** September, closed long ago, every duty done; plans a maintenance call for 2027 */
export const OLD_CLOSED = "T-260910-0001";
/** October, closed, English; its second follow-up was on time */
export const OCT_CLOSED = "T-261020-0002";
/** dispatched 11-18, first follow-up done, the second one due (11-25 – 12-02) */
export const DISPATCHED = "T-261118-0003";
/** escalated, resolved 11-24, nobody told the customer: R-ANSWER-SAME-DAY overdue */
export const RESOLVED = "T-261123-0004";
/** received Friday 11-27, not escalated, nobody sent: R-ESC-1DAY and R-DISPATCH */
export const OPEN = "T-261127-0005";
/** a vehicle in the workshop, promised for 12-01 */
export const SHOP = "T-261126-0006";
/** a complaint owned by 陈静, escalated */
export const COMPLAINT = "T-261125-0007";
/** November, closed; the second follow-up counted */
export const NOV_CLOSED = "T-261105-0008";
/** cancelled */
export const CANCELLED = "T-261110-0009";

// contacts that scenarios take away or change
export const OLD_FU1 = "K-260910-0002";
export const OLD_FU2 = "K-260918-0004";
export const DISPATCHED_FU1 = "K-261118-0011";
export const NOV_FU2 = "K-261113-0023";
export const EVENT_CALL = "K-261120-0031";
export const PACIFIC_NEXT = "K-261120-0041";
/** Rajesh told the fix on 11-24, logged without its ticket: linked to RESOLVED it closes R-ANSWER-SAME-DAY */
export const UNLINKED = "K-261124-0042";
export const EVENT = "E-261110-EV01";

const customers: Record<string, string> = {
  [MINGYUAN]: `# 老客户，2019 年起合作
name: 上海明远机电设备有限公司
address: 上海市浦东新区张江路 88 号
contacts:
  - name: 张伟
    title: 设备科科长
    phones:
      - "021-5555 1234"
      - "13800001111"
tags:
  - vip
  - 华东
equipment:
  - name: 螺杆空压机
    model: LG-22
created: 2026-09-01T09:00:00+08:00
`,
  [ACME]: `name: Acme Pumps GmbH
address: Hauptstraße 5, Berlin
contacts:
  - name: Hans Weber
    phones:
      - "+49 30 1234567"
created: 2026-09-02T14:00:00+08:00
`,
  [XIHU]: `name: 杭州西湖食品有限公司
address: 杭州市西湖区文三路 200 号
contacts:
  - name: 李娜
    phones:
      - "0571-8888 6666"
tags:
  - 华东
created: 2026-09-03T10:00:00+08:00
`,
  [PACIFIC]: `name: Pacific Print Works Pte Ltd
address: 21 Tuas Avenue 3, Singapore
contacts:
  - name: Rajesh Kumar
    phones:
      - "+65 6741 2233"
tags:
  - vip
created: 2026-09-04T10:00:00+08:00
`,
  [JINGGONG]: `name: 苏州精工模具厂
address: 苏州工业园区星湖街 18 号
contacts:
  - name: 王建军
    phones:
      - "0512-6655 7788"
created: 2026-09-05T10:00:00+08:00
`,
  [ZHOU]: `name: 周建明
contacts:
  - name: 周建明
    phones:
      - "139 1766 5521"
vehicles:
  - plate: 沪A·3K752
    model: 大众帕萨特 2019
created: 2026-09-06T15:00:00+08:00
`,
};

const tickets: Record<string, string> = {
  [OLD_CLOSED]: `customer: ${MINGYUAN}
received: 2026-09-10T09:10:00+08:00
filed: 2026-09-10T09:15:00+08:00
channel: phone
kind: repair
problem: 冷水机组高压报警停机
request: 尽快上门
status: closed
assignee: 王芳
escalation:
  to: 赵工
  at: 2026-09-10T09:30:00+08:00
  by: 王芳
dispatch:
  technician: 李强
  at: 2026-09-10T09:40:00+08:00
  by: 王芳
  depart: 2026-09-10T10:30:00+08:00
  arrive: 2026-09-10T11:40:00+08:00
resolution:
  at: 2026-09-10T16:00:00+08:00
  by: 王芳
  note: 清洗冷凝器，更换高压开关
closed: 2026-09-11T10:00:00+08:00
plans:
  - date: 2027-04-15
    topic: 制冷季前年度保养提醒
    at: 2026-09-11T10:00:00+08:00
    by: 王芳
`,
  [OCT_CLOSED]: `customer: ${ACME}
received: 2026-10-20T10:00:00+08:00
filed: 2026-10-20T10:05:00+08:00
channel: email
kind: repair
problem: Pump seal leaking after the restart
status: closed
assignee: Tom Baker
dispatch:
  technician: 李强
  at: 2026-10-20T11:00:00+08:00
  by: Tom Baker
  depart: 2026-10-20T13:00:00+08:00
  arrive: 2026-10-20T14:00:00+08:00
resolution:
  at: 2026-10-20T17:00:00+08:00
  by: Tom Baker
  note: Replaced the mechanical seal
closed: 2026-10-21T09:00:00+08:00
plans:
  - date: 2027-01-20
    topic: Quarterly seal inspection
    at: 2026-10-21T09:00:00+08:00
    by: Tom Baker
`,
  [DISPATCHED]: `customer: ${MINGYUAN}
received: 2026-11-18T08:50:00+08:00
filed: 2026-11-18T09:00:00+08:00
channel: phone
kind: repair
problem: |-
  空压机启动后跳闸
  第二次启动有异响
request: 上门维修
status: dispatched
assignee: 王芳
escalation:
  to: 赵工
  at: 2026-11-18T09:20:00+08:00
  by: 王芳
dispatch:
  technician: 李强
  at: 2026-11-18T09:30:00+08:00
  by: 王芳
  depart: 2026-11-18T10:30:00+08:00
  arrive: 2026-11-18T11:40:00+08:00
`,
  [RESOLVED]: `customer: ${PACIFIC}
received: 2026-11-23T10:00:00+08:00
filed: 2026-11-23T10:05:00+08:00
channel: phone
kind: repair
problem: Printing press feeder jams every hour
status: resolved
assignee: Tom Baker
escalation:
  to: 赵工
  at: 2026-11-23T11:00:00+08:00
  by: Tom Baker
resolution:
  at: 2026-11-24T15:00:00+08:00
  by: Tom Baker
  note: Adjusted the suction cups; sent a remote fix
`,
  [OPEN]: `customer: ${JINGGONG}
received: 2026-11-27T10:40:00+08:00
filed: 2026-11-27T10:45:00+08:00
channel: phone
kind: repair
problem: 空压机油气分离器压差高报警
status: open
assignee: 王芳
`,
  [SHOP]: `customer: ${ZHOU}
received: 2026-11-26T09:00:00+08:00
filed: 2026-11-26T09:00:00+08:00
channel: visit
kind: shop
problem: 刹车时有异响
status: workshop
assignee: 陈静
intake:
  at: 2026-11-26T09:05:00+08:00
  by: 陈静
  plate: 沪A·3K752
  model: 大众帕萨特 2019
  odometer: 48210
  fuel: 1/2
  keyTag: "17"
  papers:
    ok: true
handover:
  at: 2026-11-26T09:50:00+08:00
  receiver: 张师傅
  by: 陈静
  promise: 2026-12-01T17:50:00+08:00
`,
  [COMPLAINT]: `customer: ${XIHU}
received: 2026-11-25T14:00:00+08:00
filed: 2026-11-25T14:10:00+08:00
channel: phone
kind: complaint
problem: 投诉上次维修后冷库温度波动
status: escalated
assignee: 陈静
escalation:
  to: 赵工
  at: 2026-11-25T16:00:00+08:00
  by: 陈静
`,
  [NOV_CLOSED]: `customer: ${ACME}
received: 2026-11-05T09:00:00+08:00
filed: 2026-11-05T09:05:00+08:00
channel: phone
kind: repair
problem: Pressure gauge reads zero
status: closed
assignee: Tom Baker
dispatch:
  technician: 李强
  at: 2026-11-05T09:30:00+08:00
  by: Tom Baker
  depart: 2026-11-05T10:00:00+08:00
  arrive: 2026-11-05T11:00:00+08:00
resolution:
  at: 2026-11-05T15:00:00+08:00
  by: Tom Baker
  note: Replaced the gauge
closed: 2026-11-06T09:00:00+08:00
plans:
  - date: 2027-02-05
    topic: Gauge calibration reminder
    at: 2026-11-06T09:00:00+08:00
    by: Tom Baker
`,
  [CANCELLED]: `customer: ${XIHU}
received: 2026-11-10T09:00:00+08:00
filed: 2026-11-10T09:00:00+08:00
channel: phone
kind: maintenance
problem: 年度保养预约
status: cancelled
assignee: 王芳
cancelled:
  at: 2026-11-10T15:00:00+08:00
  reason: 客户改期到明年
`,
};

/** A one-line YAML scalar: quoted when plain would not read back as the same text. */
const scalar = (s: string) => (/: |#|^[-?:,[\]{}&*!|>'"%@`]/.test(s) ? JSON.stringify(s) : s);

const call = (o: {
  customer: string;
  ticket?: string;
  event?: string;
  at: string;
  direction: "in" | "out";
  purpose: string;
  staff: string;
  summary: string;
  extra?: string;
}) =>
  `customer: ${o.customer}\n${o.ticket ? `ticket: ${o.ticket}\n` : ""}${o.event ? `event: ${o.event}\n` : ""}at: ${o.at}\nchannel: call\ndirection: ${o.direction}\npurpose: ${o.purpose}\nstaff: ${o.staff}\nsummary: ${scalar(o.summary)}\n${o.extra ?? ""}`;

const contacts: Record<string, string> = {
  // the September ticket: every duty done in time
  "K-260910-0001": call({
    customer: MINGYUAN,
    ticket: OLD_CLOSED,
    at: "2026-09-10T09:10:00+08:00",
    direction: "in",
    purpose: "complaint",
    staff: "王芳",
    summary: "客户来电：冷水机组高压报警，车间温度上升",
    extra: "complaints:\n  - 停机影响生产\n",
  }),
  [OLD_FU1]: call({
    customer: MINGYUAN,
    ticket: OLD_CLOSED,
    at: "2026-09-10T10:00:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "王芳",
    summary: "告知 10:30 出发、11:40 到达",
  }),
  "K-260910-0003": call({
    customer: MINGYUAN,
    ticket: OLD_CLOSED,
    at: "2026-09-10T16:30:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "王芳",
    summary: "告知处理结果：已清洗冷凝器、更换高压开关",
  }),
  [OLD_FU2]: call({
    customer: MINGYUAN,
    ticket: OLD_CLOSED,
    at: "2026-09-18T10:00:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "王芳",
    summary: "第二次回访：机组运行正常",
    extra: "satisfaction: 5\n",
  }),
  // October, English
  "K-261020-0005": call({
    customer: ACME,
    ticket: OCT_CLOSED,
    at: "2026-10-20T12:00:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "Tom Baker",
    summary: "Technician leaves at 13:00, on site at 14:00",
  }),
  "K-261028-0006": call({
    customer: ACME,
    ticket: OCT_CLOSED,
    at: "2026-10-28T10:00:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "Tom Baker",
    summary: "Second follow-up: the pump runs dry of leaks",
    extra: "satisfaction: 4\n",
  }),
  // the dispatched ticket: first follow-up done
  "K-261118-0010": call({
    customer: MINGYUAN,
    ticket: DISPATCHED,
    at: "2026-11-18T08:50:00+08:00",
    direction: "in",
    purpose: "complaint",
    staff: "王芳",
    summary: "客户来电报修，空压机跳闸",
  }),
  [DISPATCHED_FU1]: call({
    customer: MINGYUAN,
    ticket: DISPATCHED,
    at: "2026-11-18T10:00:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "王芳",
    summary: "告知李强 10:30 出发、11:40 到达",
  }),
  // the resolved ticket: only the inbound call
  "K-261123-0012": call({
    customer: PACIFIC,
    ticket: RESOLVED,
    at: "2026-11-23T10:00:00+08:00",
    direction: "in",
    purpose: "complaint",
    staff: "Tom Baker",
    summary: "Feeder jams every hour",
  }),
  // November closed ticket
  "K-261105-0020": call({
    customer: ACME,
    ticket: NOV_CLOSED,
    at: "2026-11-05T09:00:00+08:00",
    direction: "in",
    purpose: "complaint",
    staff: "Tom Baker",
    summary: "Gauge reads zero",
  }),
  "K-261105-0021": call({
    customer: ACME,
    ticket: NOV_CLOSED,
    at: "2026-11-05T09:40:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "Tom Baker",
    summary: "Technician leaves at 10:00",
  }),
  [NOV_FU2]: call({
    customer: ACME,
    ticket: NOV_CLOSED,
    at: "2026-11-13T10:00:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "Tom Baker",
    summary: "Second follow-up: all fine",
    extra: "satisfaction: 5\n",
  }),
  // the complaint
  "K-261125-0024": call({
    customer: XIHU,
    ticket: COMPLAINT,
    at: "2026-11-25T14:00:00+08:00",
    direction: "in",
    purpose: "complaint",
    staff: "陈静",
    summary: "冷库温度波动，要求尽快处理",
    extra: "complaints:\n  - 上次维修后一个月又坏\n",
  }),
  // the event: Mingyuan phoned (the letter is still owed), Pacific not yet
  [EVENT_CALL]: call({
    customer: MINGYUAN,
    event: EVENT,
    at: "2026-11-20T10:00:00+08:00",
    direction: "out",
    purpose: "notice",
    staff: "陈静",
    summary: "电话通知张伟 12 月 12 日答谢会",
  }),
  // a call that plans the next contact, overdue since 11-27
  [PACIFIC_NEXT]: call({
    customer: PACIFIC,
    at: "2026-11-20T15:00:00+08:00",
    direction: "out",
    purpose: "other",
    staff: "Tom Baker",
    summary: "Asked about spare parts",
    extra: "next:\n  date: 2026-11-27\n  topic: Confirm the spare flow switch has been shipped\n",
  }),
  [UNLINKED]: call({
    customer: PACIFIC,
    at: "2026-11-24T16:00:00+08:00",
    direction: "out",
    purpose: "followup",
    staff: "Tom Baker",
    summary: "Told Rajesh how the feeder was fixed",
  }),
  // a letter
  "K-261111-0050": `customer: ${XIHU}\nat: 2026-11-11\nchannel: letter\ndirection: out\npurpose: notice\nstaff: 王芳\nletter:\n  kind: notice\n  subject: 冬季设备保养须知\n`,
};

const path = (id: string): string => {
  const y = `20${id.slice(2, 4)}`;
  const m = id.slice(4, 6);
  if (id.startsWith("C-")) return `customers/${id}.yaml`;
  if (id.startsWith("E-")) return `events/${id}.yaml`;
  const folder = id.startsWith("T-") ? "tickets" : id.startsWith("K-") ? "contacts" : "waivers";
  return `${folder}/${y}/${m}/${id}.yaml`;
};

/** The relative path of a record by its ID, as the store files it. */
export const pathOf = path;

/** The small store: every file by its path. */
export function baseStore(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [id, text] of Object.entries({ ...customers, ...tickets, ...contacts })) files[path(id)] = text;
  files[path(EVENT)] = `title: 2026 年度客户答谢会
date: 2026-12-12
kind: gathering
audience: tag:vip
owner: 陈静
note: 上海浦东香格里拉，14:00–17:00
created: 2026-11-10T10:00:00+08:00
`;
  files["reports/2026-09-monthly.md"] =
    "<!-- aftercare report monthly 2026-09, saved 2026-10-09T10:00:00+08:00 by 周敏 -->\n# 上海明远机电设备服务有限公司 售后服务月度总结（2026-09）\n\n（存档）\n";
  files["reports/2026-10-monthly.md"] =
    "<!-- aftercare report monthly 2026-10, saved 2026-11-03T10:00:00+08:00 by 周敏 -->\n# 上海明远机电设备服务有限公司 售后服务月度总结（2026-10）\n\n（存档）\n";
  files[".gitattributes"] = "*.yaml merge=aftercare\n";
  return files;
}

// ---------------------------------------------------------------------------------------------
// Generated stores: thousands of records written straight to disk.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Four Crockford characters for a number below 32⁴: the IDs of one day never collide. */
const suffix = (n: number) =>
  Array.from({ length: 4 }, (_, i) => CROCKFORD[Math.floor(n / 32 ** (3 - i)) % 32]).join("");
/** Generated IDs start at G000: none of them is an ID of the hand-written store (which use 0…). */
const GEN = 16 * 32 ** 3;
const pad = (n: number) => String(n).padStart(2, "0");

/** A small deterministic PRNG (mulberry32): the same store every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Generated {
  /** record files written */
  files: number;
  customers: string[];
  tickets: string[];
  contacts: string[];
  /** tickets still open (not closed, resolved or cancelled), with their customer */
  openTickets: { id: string; customer: string }[];
  /** closed tickets with their second follow-up (the contact that closed R-FOLLOWUP-2) */
  secondFollowUps: { ticket: string; contact: string; customer: string }[];
  /** customers with no open duty of their own (no open ticket, not in an event's audience) */
  quiet: string[];
  /** open tickets (recent) with their first follow-up, the call that closed R-FOLLOWUP-1 */
  firstFollowUps: { ticket: string; contact: string; customer: string }[];
}

const ZH_NAMES = ["上海", "北京", "杭州", "苏州", "宁波", "南京", "无锡", "常州", "嘉兴", "绍兴"];
const ZH_TRADES = ["机电设备", "制冷工程", "食品", "物流", "模具", "纺织", "印刷", "化工", "医药", "汽配"];
const EN_NAMES = [
  "Acme",
  "Pacific",
  "Northwind",
  "Globex",
  "Initech",
  "Umbrella",
  "Stark",
  "Wayne",
  "Hooli",
  "Vandelay",
];
const EN_TRADES = [
  "Pumps",
  "Print Works",
  "Logistics",
  "Foods",
  "Tooling",
  "Textiles",
  "Chemicals",
  "Pharma",
  "Auto Parts",
  "Cooling",
];
const PROBLEMS = [
  "空压机跳闸",
  "冷水机组高压报警",
  "Pump seal leaking",
  "Feeder jams",
  "风机异响",
  "Display shows E4",
  "制冷效果差",
  "Motor overheats",
];

/**
 * Write `n.customers` customers, `n.tickets` tickets and about `n.contacts` contacts into `root`
 * (a store folder whose aftercare.yaml is already there): tickets over the two years before
 * `today` (2026-11-30), most closed with their follow-ups, about 2 % open and recent. Customers
 * are numbered in IDs C-2409DD-XXXX; every name is unique.
 */
export function generate(
  root: string,
  n: { customers: number; tickets: number; contacts: number; seed?: number },
): Generated {
  const rand = rng(n.seed ?? 12);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const made = new Set<string>();
  const write = (rel: string, text: string) => {
    const abs = join(root, rel);
    const dir = dirname(abs);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(abs, text);
  };
  const out: Generated = {
    files: 0,
    customers: [],
    tickets: [],
    contacts: [],
    openTickets: [],
    secondFollowUps: [],
    quiet: [],
    firstFollowUps: [],
  };
  for (let i = 0; i < n.customers; i++) {
    const id = `C-2409${pad((i % 28) + 1)}-${suffix(GEN + i)}`;
    const zh = i % 2 === 0;
    const name = zh
      ? `${pick(ZH_NAMES)}${pick(ZH_TRADES)}有限公司第${i}分公司`
      : `${pick(EN_NAMES)} ${pick(EN_TRADES)} No. ${i} Ltd`;
    const person = zh ? `联系人${i}` : `Contact Person ${i}`;
    const tags = i % 7 === 0 ? "tags:\n  - vip\n" : i % 5 === 0 ? "tags:\n  - 华东\n" : "";
    write(
      `customers/${id}.yaml`,
      `name: ${name}\ncontacts:\n  - name: ${person}\n    phones:\n      - "021-${String(5000_0000 + i).slice(0, 4)} ${String(i).padStart(4, "0")}"\n${tags}created: 2024-09-${pad((i % 28) + 1)}T09:00:00+08:00\n`,
    );
    out.customers.push(id);
  }
  const staff = ["王芳", "陈静", "Tom Baker"];
  // tickets spread over 2024-12 … 2026-11: day index 0 … 719 back from 2026-11-29
  const start = Date.UTC(2024, 11, 1);
  const span = Date.UTC(2026, 10, 29) - start;
  let contactsLeft = n.contacts;
  const perDay = new Map<string, number>();
  const nextSuffix = (letter: string, day: string) => {
    const k = `${letter}${day}`;
    const c = perDay.get(k) ?? 0;
    perDay.set(k, c + 1);
    return suffix(GEN + c);
  };
  for (let i = 0; i < n.tickets; i++) {
    const recent = i >= n.tickets - Math.max(1, Math.round(n.tickets * 0.02));
    const t0 = recent ? Date.UTC(2026, 10, 16 + (i % 12)) : start + Math.floor((i / n.tickets) * span * 0.97);
    const d = new Date(t0);
    const Y = d.getUTCFullYear();
    const M = pad(d.getUTCMonth() + 1);
    const D = pad(d.getUTCDate());
    const day = `${String(Y).slice(2)}${M}${D}`;
    const id = `T-${day}-${nextSuffix("T", day)}`;
    const customer = out.customers[Math.floor(rand() * out.customers.length)]!;
    const who = pick(staff);
    const iso = (h: number, m = 0) => `${Y}-${M}-${D}T${pad(h)}:${pad(m)}:00+08:00`;
    const problem = pick(PROBLEMS);
    let body = `customer: ${customer}\nreceived: ${iso(9)}\nfiled: ${iso(9, 5)}\nchannel: phone\nkind: repair\nproblem: ${problem} #${i}\n`;
    if (recent && i % 3 === 0) {
      body += `status: open\nassignee: ${who}\n`;
      out.openTickets.push({ id, customer });
    } else if (recent && i % 3 === 1) {
      body += `status: dispatched\nassignee: ${who}\ndispatch:\n  technician: 李强\n  at: ${iso(10)}\n  by: ${who}\n  depart: ${iso(11)}\n  arrive: ${iso(12)}\n`;
      out.openTickets.push({ id, customer });
    } else {
      body += `status: closed\nassignee: ${who}\ndispatch:\n  technician: 李强\n  at: ${iso(10)}\n  by: ${who}\n  depart: ${iso(11)}\n  arrive: ${iso(12)}\nresolution:\n  at: ${iso(16)}\n  by: ${who}\n  note: 已修复 fixed\nclosed: ${iso(17)}\nplans:\n  - date: ${Y + 2}-${M}-${D === "29" && M === "02" ? "28" : D}\n    topic: ${i % 2 ? "两年保养提醒" : "Two-year maintenance reminder"}\n    at: ${iso(17)}\n    by: ${who}\n`;
    }
    write(`tickets/${Y}/${M}/${id}.yaml`, body);
    out.tickets.push(id);
    const want = Math.min(
      contactsLeft,
      Math.max(0, Math.round((n.contacts / n.tickets) * (i + 1)) - (n.contacts - contactsLeft)),
    );
    const closed = body.includes("status: closed");
    // the first follow-up and the second on day 8 (what the duties ask), then the call that
    // opened it and the answer: a store with fewer contacts than four a ticket still keeps its duties
    const plan: [number, string][] = [
      [
        0,
        `at: ${iso(10, 30)}\nchannel: call\ndirection: out\npurpose: followup\nstaff: ${who}\nsummary: 告知出发和到达时间 departure and arrival\n`,
      ],
      [
        8,
        `channel: call\ndirection: out\npurpose: followup\nstaff: ${who}\nsummary: 第二次回访 second follow-up\nsatisfaction: ${1 + (i % 5)}\n`,
      ],
      [
        0,
        `at: ${iso(9)}\nchannel: call\ndirection: in\npurpose: complaint\nstaff: ${who}\nsummary: 客户来电报修 The customer called about ${problem}\n`,
      ],
      [
        0,
        `at: ${iso(16, 30)}\nchannel: call\ndirection: out\npurpose: followup\nstaff: ${who}\nsummary: 告知处理结果 told the solution\n`,
      ],
    ];
    for (let k = 0; k < Math.min(want, plan.length); k++) {
      const [offset, rest] = plan[k]!;
      if ((!closed || recent) && offset > 0) break;
      const cd = new Date(t0 + offset * 86_400_000);
      const cY = cd.getUTCFullYear();
      const cM = pad(cd.getUTCMonth() + 1);
      const cD = pad(cd.getUTCDate());
      const cday = `${String(cY).slice(2)}${cM}${cD}`;
      const cid = `K-${cday}-${nextSuffix("K", cday)}`;
      const at = offset > 0 ? `at: ${cY}-${cM}-${cD}T10:00:00+08:00\n` : "";
      write(`contacts/${cY}/${cM}/${cid}.yaml`, `customer: ${customer}\nticket: ${id}\n${at}${rest}`);
      out.contacts.push(cid);
      if (offset > 0) out.secondFollowUps.push({ ticket: id, contact: cid, customer });
      else if (k === 0 && !closed) out.firstFollowUps.push({ ticket: id, contact: cid, customer });
      contactsLeft--;
    }
  }
  const busy = new Set(out.openTickets.map((t) => t.customer));
  out.quiet = out.customers.filter((c, i) => i % 7 !== 0 && !busy.has(c));
  // the supervisor's saved reviews of every month (and year) before November 2026
  for (let y = 2024, m = 9; y < 2026 || m < 11; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    const ym = `${y}-${pad(m)}`;
    const after = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
    write(
      `reports/${ym}-monthly.md`,
      `<!-- aftercare report monthly ${ym}, saved ${after}-03T10:00:00+08:00 by 周敏 -->\n# 月度总结（${ym}）\n`,
    );
    if (m === 12)
      write(
        `reports/${y}-annual.md`,
        `<!-- aftercare report annual ${y}, saved ${y + 1}-01-10T10:00:00+08:00 by 周敏 -->\n# 年终总结（${y}）\n`,
      );
  }
  out.files = out.customers.length + out.tickets.length + out.contacts.length;
  return out;
}
