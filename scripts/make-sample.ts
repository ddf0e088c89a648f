// Writes the sample store in records/: an after-sales department's autumn of 2026, Chinese and
// English customers. Deterministic (seeded IDs, fixed dates), and written through the store module
// so it is valid by construction. Run: npx tsx scripts/make-sample.ts [dir]
//
// The story runs to the end of the week of the README's day (Thursday 2026-11-26) and stops before
// Monday 2026-11-30 08:30 (SAMPLE_NOW), the morning list the README shows: the clerks did their
// follow-ups, the supervisor archived her reviews, 王芳 is away and 陈静 covers for her, and what is
// left is one duty overdue, a few due today and the week ahead. The dates are fixed: on a later
// day `npm start` (aftercare due) shows that day's list, with more of it overdue; `--now` pins it.
import { promises as fs } from "node:fs";
import { join, resolve } from "node:path";
import type { Contact, Customer, CustomerEvent, Ticket } from "../src/domain/schema.js";
import { formatDateTime, parseDateTime } from "../src/domain/time.js";
import { main as cli } from "../src/cli.js";
import { testIO } from "../src/io.js";
import { stampLine } from "../src/store/duty-input.js";
import { Store, type Loaded } from "../src/store/store.js";

const dir = resolve(process.argv[2] ?? "records");
const TZ = "Asia/Shanghai";
/** The moment the story stops: nothing in the sample happens after it. */
const SAMPLE_NOW = "2026-11-30 08:30";

let seed = 20261126;
const random = (n: number) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out[i] = seed >> 16;
  }
  return out;
};
const at = (s: string) => parseDateTime(s, TZ, new Date(0))!;
const stamp = (s: string) => formatDateTime(at(s), TZ);

const settings = `# aftercare store settings. Edit by hand or with 'aftercare staff add'; 'aftercare check' validates.
# The sample store of the README: an after-sales department in Shanghai.
version: 1
company: 上海明远机电设备服务有限公司
timezone: Asia/Shanghai
locale: zh-CN
staff:
  - name: 王芳
    role: clerk
    phone: "021-6888 0101"
    email: wangfang@mingyuan.example
    absences:
      - from: 2026-11-30
        to: 2026-12-04
        cover: 陈静
        note: 外出培训
  - name: 陈静
    role: clerk
    email: chenjing@mingyuan.example
  - name: 李强
    role: technician
    phone: "139 1600 2233"
  - name: 张建华
    role: technician
  - name: 赵建国
    role: engineering
    email: zhaojianguo@mingyuan.example
  - name: 周敏
    role: supervisor
    email: zhoumin@mingyuan.example
# The follow-up clerk the engineering supervisor appointed (A1): a ticket opened without
# --assignee is hers ('aftercare staff followup NAME').
followupClerk: 王芳
# Working days: Monday to Friday, the State Council's public holidays and make-up working days
# (source: cn, the chinese-days dataset); days of the store's own would go under holidays: and
# workdays: ('aftercare holidays add', 'aftercare holidays workday') and win over it.
calendar:
  source: cn
  workweek: [1, 2, 3, 4, 5]
# The regulation's deadlines (these are the defaults; change a number to change the rule).
rules:
  R-ESC-1DAY: { days: 1 }
  R-DISPATCH: { hours: 4 }
  R-FOLLOWUP-2: { from: 7, to: 14 }
  R-EVENT-NOTICE: { daysBefore: 14, letterWithin: 2 }
  R-MONTHLY: { days: 5, annualDays: 15 }
`;

const customers: [string, Customer][] = [
  [
    "2026-08-03 09:20",
    {
      name: "上海华东制冷设备有限公司",
      address: "上海市闵行区莘庄工业区春东路 508 号",
      contacts: [{ name: "张伟", title: "设备科科长", phones: ["021-5555 1234", "13800001111"] }],
      tags: ["vip", "华东"],
      equipment: [{ name: "螺杆式冷水机组", model: "LS-300", serial: "LS300-2019-0412", installed: "2019-05-20" }],
      created: "",
    },
  ],
  [
    "2026-08-05 14:10",
    {
      name: "杭州西湖食品有限公司",
      address: "杭州市余杭区良渚街道好运街 18 号",
      contacts: [{ name: "李娜", title: "后勤主管", phones: ["0571-8888 6666"] }],
      tags: ["华东"],
      equipment: [{ name: "冷库制冷机组", model: "CK-120" }],
      created: "",
    },
  ],
  [
    "2026-08-11 10:00",
    {
      name: "苏州精工模具厂",
      address: "苏州市吴中区木渎镇金桥路 66 号",
      contacts: [{ name: "王建军", title: "厂长", phones: ["0512-6655 7788", "13962001234"] }],
      tags: ["华东"],
      equipment: [{ name: "空压机", model: "GA37" }],
      created: "",
    },
  ],
  [
    "2026-08-19 16:30",
    {
      name: "Acme Pumps GmbH",
      address: "Hauptstraße 5, 10115 Berlin, Germany",
      contacts: [
        {
          name: "Hans Weber",
          title: "Maintenance lead",
          phones: ["+49 30 1234567"],
          email: "h.weber@acme-pumps.example",
        },
      ],
      tags: ["export"],
      equipment: [{ name: "Centrifugal chiller", model: "CX-500" }],
      created: "",
    },
  ],
  [
    "2026-08-25 11:45",
    {
      name: "南京金陵大酒店",
      address: "南京市鼓楼区汉中路 2 号",
      contacts: [
        { name: "陈涛", title: "工程部经理", phones: ["025-8471 1888"] },
        { name: "刘芳", title: "值班工程师", phones: ["13770551234"] },
      ],
      tags: ["vip"],
      equipment: [
        { name: "中央空调主机", model: "LS-500" },
        { name: "冷却塔", model: "CT-200" },
      ],
      created: "",
    },
  ],
  [
    "2026-09-02 09:05",
    {
      name: "Harbour Cold Storage Ltd",
      address: "12 Wharf Road, Kowloon, Hong Kong",
      contacts: [
        {
          name: "Emily Chan",
          title: "Operations manager",
          phones: ["+852 2345 6789"],
          email: "emily.chan@harbourcold.example",
        },
      ],
      tags: ["export"],
      equipment: [{ name: "Cold-room condensing units", model: "CU-80" }],
      created: "",
    },
  ],
  [
    "2026-09-14 15:20",
    {
      name: "宁波港城物流有限公司",
      address: "宁波市北仑区新碶街道明州路 99 号",
      contacts: [{ name: "赵磊", title: "仓储经理", phones: ["0574-8686 2020", "13857401234"] }],
      tags: ["华东"],
      equipment: [{ name: "冷链仓库制冷系统", model: "CK-300" }],
      created: "",
    },
  ],
  [
    "2026-09-28 10:30",
    {
      name: "无锡太湖医院",
      address: "无锡市滨湖区太湖大道 1000 号",
      contacts: [{ name: "孙丽", title: "后勤处", phones: ["0510-8590 1234"] }],
      tags: ["vip", "医疗"],
      equipment: [{ name: "手术室净化空调", model: "JH-40" }],
      created: "",
    },
  ],
  [
    "2026-10-09 13:00",
    {
      name: "Pacific Print Works Pte Ltd",
      address: "8 Kaki Bukit Ave 1, Singapore 417941",
      contacts: [{ name: "Rajesh Kumar", title: "Plant engineer", phones: ["+65 6741 2233"] }],
      tags: ["export"],
      equipment: [{ name: "Process chiller", model: "PC-60" }],
      created: "",
    },
  ],
  [
    "2026-10-20 09:40",
    {
      name: "合肥新能电池科技有限公司",
      address: "合肥市高新区望江西路 800 号",
      contacts: [{ name: "黄海", title: "设备部", phones: ["0551-6532 8899", "18656001234"] }],
      equipment: [{ name: "干燥房除湿机组", model: "DH-25" }],
      created: "",
    },
  ],
  [
    "2026-11-04 10:15",
    {
      name: "上海东方商厦",
      address: "上海市徐汇区漕溪北路 8 号",
      contacts: [{ name: "吴刚", title: "物业工程部", phones: ["021-6487 0000"] }],
      tags: ["华东"],
      equipment: [{ name: "风冷热泵机组", model: "FR-150" }],
      created: "",
    },
  ],
  [
    "2026-11-16 16:00",
    {
      name: "Nordic Dairy AB",
      address: "Mejerivägen 3, 223 63 Lund, Sweden",
      contacts: [{ name: "Karin Lindqvist", phones: ["+46 46 123 456"], email: "karin@nordicdairy.example" }],
      tags: ["export"],
      created: "",
    },
  ],
];

interface Story {
  customer: number;
  received: string;
  filedLate?: string;
  channel: Ticket["channel"];
  kind: Ticket["kind"];
  problem: string;
  request?: string;
  assignee: string;
  escalate?: [string, string]; // at, note (to the engineering supervisor, R-ESC-1DAY)
  schedule?: [string, string, string]; // at, planned date, reason: nobody could go at once (R-DISPATCH); the customer is told by a call at once
  dispatch?: [string, string, string, string]; // at, technician, depart, arrive
  resolve?: [string, string]; // an escalated ticket's solution is told by a call half an hour later (R-ANSWER-SAME-DAY)
  close?: string;
  next?: [string, string]; // the next contact planned when closing (R-NEXT-SERVICE)
  calls: [string, Contact["direction"], Contact["purpose"], string, string, Partial<Contact>?][]; // at, dir, purpose, staff, summary
}

// The tickets of the autumn, oldest first. The clerks kept the regulation: escalated within a
// working day what was not solved, sent a technician at once or told the customer when and why
// not, phoned before the technician arrived and again in days 7–14, told the solution the same
// day, and planned the next contact when closing. What is still open is this week's work.
const stories: Story[] = [
  {
    customer: 0,
    received: "2026-08-04 08:50",
    channel: "phone",
    kind: "repair",
    problem: "冷水机组高压报警停机",
    request: "尽快上门",
    assignee: "王芳",
    dispatch: ["2026-08-04 10:00", "李强", "2026-08-04 10:30", "2026-08-04 11:40"],
    resolve: ["2026-08-04 16:00", "清洗冷凝器，更换高压开关"],
    close: "2026-08-05 09:00",
    next: ["2027-04-15", "制冷季前年度保养提醒"],
    calls: [
      ["2026-08-04 08:50", "in", "complaint", "王芳", "客户来电：冷水机组高压报警，车间温度上升"],
      ["2026-08-04 10:20", "out", "followup", "王芳", "告知李强 10:30 出发，约 11:40 到达；请准备机房钥匙和运行记录"],
      ["2026-08-12 14:00", "out", "followup", "王芳", "回访：机组运行正常，客户满意", { satisfaction: 5 }],
    ],
  },
  {
    customer: 1,
    received: "2026-08-06 09:30",
    channel: "phone",
    kind: "maintenance",
    problem: "冷库机组例行保养",
    request: "8 月中旬安排保养",
    assignee: "陈静",
    schedule: ["2026-08-06 10:30", "2026-08-14", "客户要求 8 月中旬停机保养"],
    escalate: ["2026-08-06 15:00", "保养需更换干燥过滤器，请工程部确认备件"],
    dispatch: ["2026-08-14 08:00", "张建华", "2026-08-14 08:30", "2026-08-14 10:30"],
    resolve: ["2026-08-14 15:00", "完成保养：更换干燥过滤器，补充冷媒"],
    close: "2026-08-15 10:00",
    next: ["2027-08-14", "年度保养提醒：冷库机组保养"],
    calls: [
      ["2026-08-14 08:10", "out", "followup", "陈静", "告知张建华 8:30 出发，10:30 到达，请安排人员配合停机"],
      ["2026-08-24 10:00", "out", "followup", "陈静", "回访保养效果，库温稳定在 -18℃", { satisfaction: 4 }],
    ],
  },
  {
    customer: 2,
    received: "2026-08-12 13:20",
    channel: "fax",
    kind: "install",
    problem: "新购空压机安装调试",
    request: "9 月初安装",
    assignee: "王芳",
    escalate: ["2026-08-12 16:00", "需确认基础图纸与配电容量"],
    schedule: ["2026-08-12 16:30", "2026-09-02", "客户要求 9 月初安装，工程部先确认基础与配电"],
    dispatch: ["2026-09-02 08:00", "李强", "2026-09-02 08:30", "2026-09-02 10:00"],
    resolve: ["2026-09-03 17:00", "安装调试完成，试运行 24 小时正常"],
    close: "2026-09-04 09:00",
    next: ["2029-09-03", "空压机三年质保到期，介绍延保服务"],
    calls: [
      ["2026-08-12 13:25", "in", "consult", "王芳", "客户询问安装所需的基础和电源条件"],
      ["2026-09-02 08:05", "out", "followup", "王芳", "告知李强 8:30 出发 10:00 到达，请备好吊装设备"],
      [
        "2026-09-12 09:30",
        "out",
        "followup",
        "王芳",
        "回访：设备运行平稳，建议三个月后首保",
        { next: { date: "2026-12-05", topic: "空压机首次保养提醒" } },
      ],
    ],
  },
  {
    customer: 3,
    received: "2026-08-20 15:00",
    channel: "email",
    kind: "consult",
    problem: "Asked about a service contract for the CX-500 chiller",
    assignee: "陈静",
    resolve: ["2026-08-21 11:00", "Sent the contract terms and the annual maintenance schedule"],
    close: "2026-08-21 17:00",
    next: ["2027-01-12", "Follow up on the service contract decision"],
    calls: [
      [
        "2026-08-21 11:30",
        "out",
        "followup",
        "陈静",
        "Walked Hans through the contract; he will decide after budget review",
      ],
    ],
  },
  {
    customer: 4,
    received: "2026-08-26 22:10",
    filedLate: "2026-08-27 08:40",
    channel: "phone",
    kind: "repair",
    problem: "中央空调主机夜间停机，客房温度过高",
    request: "立即处理",
    assignee: "王芳",
    escalate: ["2026-08-27 09:00", "压缩机故障代码 E07，需工程部判断"],
    dispatch: ["2026-08-27 10:00", "李强", "2026-08-27 10:20", "2026-08-27 12:30"],
    resolve: ["2026-08-28 18:00", "更换压缩机接触器和电流互感器"],
    close: "2026-08-31 10:00",
    next: ["2028-05-20", "中央空调主机大修计划沟通"],
    calls: [
      [
        "2026-08-27 08:45",
        "in",
        "complaint",
        "王芳",
        "夜班值班工程师刘芳报修，投诉昨晚无人接听",
        { complaints: ["夜间报修电话无人接听"] },
      ],
      ["2026-08-27 10:15", "out", "followup", "王芳", "告知李强 10:20 出发 12:30 到达；请准备配电室钥匙"],
      ["2026-09-04 15:00", "out", "followup", "陈静", "回访：运行正常；已向客户说明夜间值班电话", { satisfaction: 4 }],
    ],
  },
  {
    customer: 5,
    received: "2026-09-03 10:00",
    channel: "email",
    kind: "repair",
    problem: "Cold room 2 does not reach -20 °C; condensing unit short-cycles",
    assignee: "陈静",
    dispatch: ["2026-09-03 11:00", "张建华", "2026-09-03 14:00", "2026-09-04 10:00"],
    resolve: ["2026-09-04 16:00", "Replaced the low-pressure switch; adjusted the defrost timer"],
    close: "2026-09-07 10:00",
    next: ["2027-09-01", "Yearly service of the condensing units"],
    calls: [
      [
        "2026-09-03 11:10",
        "out",
        "followup",
        "陈静",
        "Told Emily the technician flies out at 14:00 and is on site tomorrow at 10:00",
      ],
      [
        "2026-09-15 10:00",
        "out",
        "followup",
        "陈静",
        "Second follow-up: cold room holds -21 °C; customer satisfied",
        { satisfaction: 5 },
      ],
    ],
  },
  {
    customer: 6,
    received: "2026-09-15 09:00",
    channel: "visit",
    kind: "install",
    problem: "冷链仓库新增两台冷风机",
    request: "10 月内完成",
    assignee: "王芳",
    escalate: ["2026-09-15 15:00", "需工程部出方案和报价"],
    schedule: ["2026-09-15 15:30", "2026-10-10", "工程部出方案，设备 10 月初到货后安装"],
    dispatch: ["2026-10-10 07:30", "李强", "2026-10-10 08:00", "2026-10-10 09:30"],
    resolve: ["2026-10-12 17:00", "两台冷风机安装完成，调试合格"],
    close: "2026-10-13 09:00",
    next: ["2028-10-12", "冷风机两年质保到期，介绍延保服务"],
    calls: [
      ["2026-09-16 10:00", "out", "other", "王芳", "告知客户工程部方案本周内发出"],
      ["2026-10-10 07:40", "out", "followup", "王芳", "告知李强 8:00 出发 9:30 到达，请安排叉车"],
      [
        "2026-10-19 14:00",
        "out",
        "followup",
        "王芳",
        "回访：两台冷风机运行良好",
        { satisfaction: 5, next: { date: "2027-03-10", topic: "冷风机半年保养" } },
      ],
    ],
  },
  {
    customer: 7,
    received: "2026-09-29 08:30",
    channel: "phone",
    kind: "repair",
    problem: "手术室净化空调湿度偏高",
    request: "当天上门",
    assignee: "陈静",
    escalate: ["2026-09-29 11:00", "加湿器控制逻辑异常，需工程部远程看程序"],
    dispatch: ["2026-09-29 12:00", "张建华", "2026-09-29 12:30", "2026-09-29 14:00"],
    resolve: ["2026-09-30 12:00", "更新控制程序，更换湿度传感器"],
    close: "2026-09-30 17:00",
    next: ["2027-01-05", "净化空调季度巡检"],
    calls: [
      ["2026-09-29 12:05", "out", "followup", "陈静", "告知张建华 12:30 出发 14:00 到达"],
      ["2026-10-08 09:00", "out", "followup", "陈静", "回访：湿度稳定在 50%", { satisfaction: 5 }],
    ],
  },
  {
    customer: 0,
    received: "2026-10-08 09:10",
    channel: "phone",
    kind: "consult",
    problem: "询问冷水机组节能改造方案",
    assignee: "王芳",
    resolve: ["2026-10-09 10:00", "发送变频改造方案和报价"],
    close: "2026-10-10 09:00",
    next: ["2026-11-10", "询问节能改造方案的决定"],
    calls: [
      [
        "2026-10-08 09:10",
        "in",
        "consult",
        "王芳",
        "客户询问变频改造可节能多少",
        { requests: ["希望提供同类项目案例"] },
      ],
      ["2026-10-09 10:30", "out", "followup", "王芳", "已发送方案，客户将在月底前答复"],
      // the plan made when closing, carried out on its day
      [
        "2026-11-10 10:00",
        "out",
        "followup",
        "王芳",
        "张伟：节能改造列入明年预算，3 月再议",
        { plan: "ticket", next: { date: "2027-03-02", topic: "询问节能改造预算是否批准" } },
      ],
    ],
  },
  {
    customer: 8,
    received: "2026-10-10 14:00",
    channel: "web",
    kind: "repair",
    problem: "Process chiller trips on low flow alarm",
    assignee: "陈静",
    schedule: ["2026-10-10 15:00", "2026-10-13", "Both technicians are booked until Monday"],
    escalate: ["2026-10-10 16:00", "Low-flow trips after the pump change: engineering to check the piping"],
    dispatch: ["2026-10-13 09:00", "李强", "2026-10-13 09:30", "2026-10-13 11:00"],
    resolve: ["2026-10-13 17:00", "Cleaned the strainer; replaced the flow switch"],
    close: "2026-10-15 09:00",
    next: ["2027-10-15", "Yearly service of the process chiller"],
    calls: [
      ["2026-10-13 09:05", "out", "followup", "陈静", "Told Rajesh the technician leaves 09:30 and arrives 11:00"],
      [
        "2026-10-22 10:00",
        "out",
        "followup",
        "陈静",
        "Second follow-up: no more trips since the repair",
        { satisfaction: 4 },
      ],
    ],
  },
  {
    customer: 9,
    received: "2026-10-21 10:00",
    channel: "phone",
    kind: "install",
    problem: "干燥房除湿机组安装",
    request: "11 月中旬前投用",
    assignee: "王芳",
    escalate: ["2026-10-21 15:00", "露点要求 -40℃，需工程部确认选型"],
    schedule: ["2026-10-21 15:30", "2026-11-09", "除湿机组 11 月初到货后安装"],
    dispatch: ["2026-11-09 08:00", "张建华", "2026-11-09 08:30", "2026-11-09 11:30"],
    resolve: ["2026-11-11 17:00", "安装完成，露点达到 -42℃"],
    close: "2026-11-19 09:00",
    next: ["2028-11-11", "除湿机组两年质保到期，介绍延保服务"],
    calls: [
      ["2026-11-09 08:10", "out", "followup", "王芳", "告知张建华 8:30 出发 11:30 到达，请准备临时电源"],
      [
        "2026-11-18 10:00",
        "out",
        "followup",
        "王芳",
        "回访：干燥房露点稳定，客户询问备用机组报价",
        { satisfaction: 5, requests: ["备用除湿机组报价"] },
      ],
    ],
  },
  {
    customer: 4,
    received: "2026-11-03 11:00",
    channel: "phone",
    kind: "complaint",
    problem: "投诉上次维修后冷却塔噪音变大",
    assignee: "王芳",
    escalate: ["2026-11-03 16:00", "需工程部判断是否风机轴承问题"],
    dispatch: ["2026-11-05 09:00", "李强", "2026-11-05 09:30", "2026-11-05 11:30"],
    resolve: ["2026-11-05 16:00", "更换风机轴承，噪音恢复正常"],
    close: "2026-11-06 10:00",
    next: ["2027-05-10", "客房空调夏季前检查"],
    calls: [
      [
        "2026-11-03 11:00",
        "in",
        "complaint",
        "王芳",
        "工程部经理陈涛投诉冷却塔噪音",
        { complaints: ["维修后噪音变大，影响客房"] },
      ],
      ["2026-11-05 09:10", "out", "followup", "王芳", "告知李强 9:30 出发 11:30 到达"],
      ["2026-11-13 10:00", "out", "followup", "王芳", "回访：冷却塔噪音正常，客户认可处理结果", { satisfaction: 3 }],
    ],
  },
  {
    customer: 10,
    received: "2026-11-05 09:20",
    channel: "phone",
    kind: "repair",
    problem: "风冷热泵机组制热效果差",
    assignee: "陈静",
    schedule: ["2026-11-05 10:00", "2026-11-06", "两名技术员今天都在外地，明天下午上门"],
    dispatch: ["2026-11-06 13:00", "张建华", "2026-11-06 13:30", "2026-11-06 14:30"],
    resolve: ["2026-11-06 17:00", "除霜传感器失效，已更换"],
    close: "2026-11-09 10:00",
    next: ["2027-10-15", "年度保养提醒：供暖季前检查热泵"],
    calls: [
      ["2026-11-06 13:05", "out", "followup", "陈静", "告知张建华 13:30 出发 14:30 到达"],
      ["2026-11-16 10:00", "out", "followup", "陈静", "回访：制热正常", { satisfaction: 4 }],
    ],
  },
  {
    customer: 2,
    received: "2026-11-12 10:30",
    channel: "phone",
    kind: "repair",
    problem: "空压机排气温度高报警",
    assignee: "王芳",
    dispatch: ["2026-11-12 13:00", "李强", "2026-11-12 13:30", "2026-11-12 15:00"],
    resolve: ["2026-11-12 17:00", "油冷却器堵塞，已清洗"],
    close: "2026-11-13 09:00",
    calls: [
      ["2026-11-12 13:05", "out", "followup", "王芳", "告知李强 13:30 出发 15:00 到达"],
      ["2026-11-26 10:00", "out", "followup", "王芳", "回访：排气温度正常，提醒定期清洗油冷却器", { satisfaction: 5 }],
    ],
  },
  {
    customer: 11,
    received: "2026-11-17 16:00",
    channel: "email",
    kind: "consult",
    problem: "Asks whether we can service Bitzer compressors in Sweden",
    assignee: "陈静",
    escalate: ["2026-11-18 10:00", "Needs engineering to confirm a partner in Scandinavia"],
    calls: [
      [
        "2026-11-18 09:00",
        "out",
        "consult",
        "陈静",
        "Told Karin we are checking with engineering; answer within the week",
      ],
    ],
  },
  {
    customer: 6,
    received: "2026-11-20 08:40",
    channel: "phone",
    kind: "repair",
    problem: "3 号冷风机结霜严重，化霜不彻底",
    request: "今天上门",
    assignee: "王芳",
    dispatch: ["2026-11-20 10:00", "张建华", "2026-11-20 10:30", "2026-11-20 12:00"],
    resolve: ["2026-11-20 16:00", "化霜加热管一组烧断，已更换"],
    close: "2026-11-23 09:00",
    calls: [
      ["2026-11-20 08:40", "in", "complaint", "王芳", "赵磊来电报修，影响冷链出货"],
      ["2026-11-20 10:05", "out", "followup", "王芳", "告知张建华 10:30 出发 12:00 到达，请清空 3 号库门口通道"],
    ],
  },
  {
    customer: 1,
    received: "2026-11-23 09:15",
    channel: "phone",
    kind: "repair",
    problem: "冷库门加热丝不工作，门封结冰",
    assignee: "陈静",
    schedule: ["2026-11-23 10:30", "2026-11-27", "加热丝需订货，预计 11 月 26 日到货"],
    escalate: ["2026-11-23 14:00", "门封加热丝型号停产，请工程部确认替代型号"],
    calls: [["2026-11-23 09:15", "in", "complaint", "陈静", "李娜来电报修冷库门结冰"]],
  },
  {
    customer: 5,
    received: "2026-11-24 10:00",
    channel: "email",
    kind: "maintenance",
    problem: "Annual inspection of the condensing units before Chinese New Year peak",
    request: "Visit in the week of 14 December",
    assignee: "陈静",
    schedule: ["2026-11-24 11:00", "2026-12-14", "Emily asked for a visit in the week of 14 December"],
    escalate: ["2026-11-24 15:00", "Plan the inspection and the parts for the peak season"],
    calls: [],
  },
  {
    customer: 7,
    received: "2026-11-25 14:00",
    channel: "phone",
    kind: "consult",
    problem: "询问净化空调过滤器更换周期",
    assignee: "陈静",
    resolve: ["2026-11-25 14:10", "已口头答复：初效过滤器 1–3 个月、中效 3–6 个月更换"],
    close: "2026-11-25 14:15",
    calls: [
      ["2026-11-25 14:00", "in", "consult", "陈静", "孙丽询问初中效过滤器多久更换一次，已口头答复", { told: true }],
    ],
  },
  {
    customer: 10,
    received: "2026-11-25 16:30",
    channel: "phone",
    kind: "repair",
    problem: "风冷热泵二号机组运行异响",
    request: "尽快上门检查",
    assignee: "王芳",
    escalate: ["2026-11-26 09:00", "需工程部判断是否压缩机故障"],
    dispatch: ["2026-11-26 10:00", "李强", "2026-11-26 10:30", "2026-11-26 11:30"],
    resolve: ["2026-11-26 16:00", "外机支架螺栓松动，已紧固并加装减震垫"],
    close: "2026-11-27 10:00",
    calls: [
      ["2026-11-25 16:30", "in", "complaint", "王芳", "吴刚来电：二号机组外机异响，担心影响供暖"],
      ["2026-11-26 10:05", "out", "followup", "王芳", "告知李强 10:30 出发 11:30 到达，请物业陪同上屋面"],
    ],
  },
  // came in on Friday after half past three, opened without --assignee (the follow-up clerk's):
  // Monday's list asks to escalate it and to send someone
  {
    customer: 2,
    received: "2026-11-27 15:40",
    channel: "phone",
    kind: "repair",
    problem: "空压机油气分离器压差高报警",
    request: "下周一上门",
    assignee: "王芳",
    calls: [["2026-11-27 15:40", "in", "complaint", "王芳", "王建军来电：空压机压差高报警，可以降压运行到周一"]],
  },
];

const letters: [number, string, "notice" | "invitation" | "reply", string, string][] = [
  [0, "2026-09-01", "notice", "秋季设备保养优惠通知", "王芳"],
  [4, "2026-09-01", "notice", "秋季设备保养优惠通知", "王芳"],
  [3, "2026-08-21", "reply", "Service contract terms for the CX-500 chiller", "陈静"],
  [4, "2026-11-06", "reply", "关于冷却塔噪音投诉的处理结果", "王芳"],
];

// Calls that plan the next contact, customer by customer, and the call that carried the plan out:
// one was done on its day, one was missed on Friday (the overdue line of Monday's list), the others
// fall due in the coming week, some while 王芳 is away and 陈静 covers for her.
const planned: [number, string, string, string, string, string, [string, string]?][] = [
  [
    3,
    "2026-11-19 15:00",
    "陈静",
    "Hans asked for the price of a second chiller",
    "2026-11-26",
    "Send Hans the quotation for a second CX-500",
    ["2026-11-26 11:00", "Sent Hans the quotation for a second CX-500; he will answer in December"],
  ],
  [
    8,
    "2026-11-20 10:00",
    "陈静",
    "Rajesh asked about a spare flow switch",
    "2026-11-27",
    "Confirm the spare flow switch has been shipped",
  ],
  [6, "2026-11-24 11:00", "王芳", "赵磊询问冷链仓库扩建的制冷方案", "2026-12-01", "发送扩建方案并约现场勘察"],
  [10, "2026-11-25 09:30", "陈静", "吴刚希望年底前做一次全面检查", "2026-12-08", "预约年底全面检查的时间"],
  [
    11,
    "2026-11-25 17:00",
    "陈静",
    "Karin wants to hear about partners in Scandinavia",
    "2026-12-02",
    "Tell Karin which partner can service Bitzer compressors",
  ],
];

// The supervisor's reviews of the months that are over, each archived a few days after its month.
const reviews: [string, string][] = [
  ["2026-08", "2026-09-02 09:30"],
  ["2026-09", "2026-10-05 10:00"],
  ["2026-10", "2026-11-03 10:00"],
];

async function main() {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(join(dir, "aftercare.yaml"), settings);
  for (const f of ["customers", "tickets", "contacts", "events", "reports", "templates"]) {
    await fs.mkdir(join(dir, f), { recursive: true });
    await fs.writeFile(join(dir, f, ".gitkeep"), "");
  }
  await fs.writeFile(join(dir, "README.md"), README);
  const store = await Store.open(dir);
  const cs: Loaded<"customer">[] = [];
  for (const [when, c] of customers)
    cs.push(await store.create("customer", { ...c, created: stamp(when) }, at(when), random));
  const call = (c: Omit<Contact, "channel">) =>
    store.create("contact", { ...c, channel: "call" }, at(c.at.slice(0, 16).replace("T", " ")), random);
  const later = (when: string, minutes: number) => formatDateTime(new Date(at(when).getTime() + minutes * 60_000), TZ);
  for (const s of stories) {
    const filed = s.filedLate ?? s.received;
    const t: Ticket = {
      customer: cs[s.customer]!.id,
      received: stamp(s.received),
      filed: stamp(filed),
      channel: s.channel,
      kind: s.kind,
      problem: s.problem,
      request: s.request,
      status: s.close
        ? "closed"
        : s.resolve
          ? "resolved"
          : s.dispatch
            ? "dispatched"
            : s.escalate
              ? "escalated"
              : "open",
      assignee: s.assignee,
      escalation: s.escalate && { to: "赵建国", at: stamp(s.escalate[0]), by: s.assignee, note: s.escalate[1] },
      schedule: s.schedule && { date: s.schedule[1], reason: s.schedule[2], at: stamp(s.schedule[0]), by: s.assignee },
      dispatch: s.dispatch && {
        technician: s.dispatch[1],
        at: stamp(s.dispatch[0]),
        by: s.assignee,
        depart: stamp(s.dispatch[2]),
        arrive: stamp(s.dispatch[3]),
      },
      resolution: s.resolve && { at: stamp(s.resolve[0]), by: s.assignee, note: s.resolve[1] },
      closed: s.close && stamp(s.close),
      plans:
        s.next && s.close ? [{ date: s.next[0], topic: s.next[1], at: stamp(s.close), by: s.assignee }] : undefined,
    };
    const tr = await store.create("ticket", t, at(filed), random);
    const en = /^[A-Z]/.test(s.problem);
    const base = { customer: t.customer, ticket: tr.id, direction: "out" as const, staff: s.assignee };
    // R-DISPATCH: the customer hears when and why, right after the job is scheduled
    if (s.schedule)
      await call({
        ...base,
        at: later(s.schedule[0], 5),
        purpose: "notice",
        summary: en
          ? `Told the customer: ${s.schedule[2]}; a technician comes on ${s.schedule[1]}`
          : `告知客户：${s.schedule[2]}，安排 ${s.schedule[1]} 上门`,
      });
    for (const [when, direction, purpose, staff, summary, extra] of s.calls)
      await call({
        ...base,
        at: stamp(when),
        direction,
        purpose,
        staff,
        summary,
        ...extra,
        ...(extra?.plan === "ticket" ? { plan: tr.id } : {}),
      });
    // R-ANSWER-SAME-DAY: an escalated ticket's solution is told the day it is found
    if (s.escalate && s.resolve)
      await call({
        ...base,
        at: later(s.resolve[0], 30),
        purpose: "followup",
        summary: en ? `Told the customer the solution: ${s.resolve[1]}` : `告知解决方案：${s.resolve[1]}`,
      });
  }
  for (const [c, when, staff, summary, next, topic, done] of planned) {
    const k = await call({
      customer: cs[c]!.id,
      at: stamp(when),
      direction: "out",
      purpose: "followup",
      staff,
      summary,
      next: { date: next, topic },
    });
    if (done)
      await call({
        customer: cs[c]!.id,
        at: stamp(done[0]),
        direction: "out",
        purpose: "followup",
        staff,
        summary: done[1],
        plan: k.id,
      });
  }
  // a customer day for the VIP customers, and a free-service campaign in the spring
  const events: CustomerEvent[] = [
    {
      title: "2026 年度客户答谢会",
      date: "2026-12-12",
      kind: "gathering",
      audience: "tag:vip",
      owner: "陈静",
      note: "上海浦东香格里拉，14:00–17:00",
      created: stamp("2026-11-10 10:00"),
    },
    {
      title: "春季免费检修活动",
      date: "2027-03-20",
      kind: "free-service",
      audience: "all",
      owner: "王芳",
      created: stamp("2026-11-20 10:00"),
    },
  ];
  const ev = [];
  for (const e of events) ev.push(await store.create("event", e, at(e.created.slice(0, 16).replace("T", " ")), random));
  await call({
    customer: cs[0]!.id,
    event: ev[0]!.id,
    at: stamp("2026-11-24 10:00"),
    direction: "out",
    purpose: "notice",
    staff: "陈静",
    person: "张伟",
    summary: "电话通知张伟 12 月 12 日答谢会，客户确认两人参加",
  });
  await store.create(
    "contact",
    {
      customer: cs[0]!.id,
      event: ev[0]!.id,
      at: "2026-11-25",
      channel: "letter",
      direction: "out",
      purpose: "notice",
      staff: "陈静",
      letter: { kind: "invitation", subject: "2026 年度客户答谢会邀请函" },
    },
    at("2026-11-25 10:00"),
    random,
  );
  for (const [c, when, person] of [
    [4, "2026-11-26 10:00", "陈涛"],
    [7, "2026-11-26 14:00", "孙丽"],
  ] as const) {
    await call({
      customer: cs[c]!.id,
      event: ev[0]!.id,
      at: stamp(when),
      direction: "out",
      purpose: "notice",
      staff: "陈静",
      person,
      summary: `电话通知${person} 12 月 12 日答谢会，客户确认参加`,
    });
    await store.create(
      "contact",
      {
        customer: cs[c]!.id,
        event: ev[0]!.id,
        at: "2026-11-27",
        channel: "letter",
        direction: "out",
        purpose: "notice",
        staff: "陈静",
        letter: { kind: "invitation", subject: "2026 年度客户答谢会邀请函" },
      },
      at("2026-11-27 10:00"),
      random,
    );
  }
  // the reception desk (part C): one vehicle delivered last week, one in the workshop now
  const zhou = await store.create(
    "customer",
    {
      name: "周建明",
      contacts: [{ name: "周建明", phones: ["139 1766 5521"] }],
      vehicles: [{ plate: "沪A·3K752", model: "大众帕萨特 2019" }],
      created: stamp("2026-11-16 15:00"),
    },
    at("2026-11-16 15:00"),
    random,
  );
  const car = await store.create(
    "ticket",
    {
      customer: zhou.id,
      received: stamp("2026-11-16 15:00"),
      filed: stamp("2026-11-16 15:02"),
      channel: "phone",
      kind: "shop",
      problem: "刹车时有异响，方向盘轻微抖动",
      request: "检查制动系统",
      status: "closed",
      assignee: "王芳",
      appointment: stamp("2026-11-18 09:00"),
      intake: {
        at: stamp("2026-11-18 09:05"),
        by: "王芳",
        plate: "沪A·3K752",
        model: "大众帕萨特 2019",
        odometer: 48210,
        fuel: "1/2",
        keyTag: "17",
        papers: { ok: true },
        damage: ["左后门划痕"],
        belongings: ["雨伞", "行车记录仪"],
      },
      estimate: {
        mode: "system",
        at: stamp("2026-11-18 09:30"),
        by: "王芳",
        diagnosis: "前制动片磨损到极限，前制动盘轻微偏摆",
        advice: "更换前制动片，车削制动盘",
        lines: [
          {
            item: "制动系统",
            labour: 35000,
            parts: [{ name: "前制动片", supplier: "us", grade: "genuine", amount: 48000 }],
          },
        ],
        diagnosisFee: 10000,
      },
      handover: { at: stamp("2026-11-18 09:50"), receiver: "张建华", by: "王芳", promise: stamp("2026-11-18 17:00") },
      extras: [
        {
          no: 1,
          item: "更换左前减震器（漏油）",
          safety: true,
          effect: "完工推迟约 1 小时",
          amount: 90000,
          asked: stamp("2026-11-18 11:00"),
          by: "王芳",
          answer: {
            approved: true,
            at: stamp("2026-11-18 11:20"),
            by: "周建明",
            via: "phone",
            passed: stamp("2026-11-18 11:25"),
          },
        },
      ],
      promises: [
        {
          promise: stamp("2026-11-18 18:00"),
          at: stamp("2026-11-18 11:25"),
          by: "王芳",
          reason: "增项：更换左前减震器",
        },
      ],
      progress: [
        {
          at: stamp("2026-11-18 15:50"),
          by: "王芳",
          note: "正在装减震器，17:00 可完工",
          finish: stamp("2026-11-18 17:00"),
        },
      ],
      ready: { at: stamp("2026-11-18 16:50"), by: "王芳", belongings: true, bill: 173000 },
      delivery: { at: stamp("2026-11-18 17:40"), by: "王芳", paid: 173000 },
      closed: stamp("2026-11-18 17:40"),
      plans: [
        { date: "2027-05-18", topic: "半年保养提醒（约 5,000 公里）", at: stamp("2026-11-18 17:40"), by: "王芳" },
      ],
    },
    at("2026-11-16 15:02"),
    random,
  );
  for (const [when, purpose, summary] of [
    ["2026-11-17 16:00", "reminder", "提醒明早 9 点到店"],
    ["2026-11-18 16:55", "notice", "通知 17:30 后可取车"],
    ["2026-11-18 19:00", "followup", "交车后回访：刹车正常，抖动消失"],
    ["2026-11-25 10:30", "followup", "第二次回访：行驶一周无异响，提醒 5,000 公里后保养"],
  ] as const)
    await call({
      customer: zhou.id,
      ticket: car.id,
      at: stamp(when),
      direction: "out",
      purpose,
      staff: "王芳",
      summary,
    });
  // Acme's service van came in on Thursday; extra work was approved on Friday and the part comes
  // on Monday morning, so the promised completion moved to Monday 17:00 (ticket promise)
  await store.create(
    "ticket",
    {
      customer: cs[3]!.id,
      received: stamp("2026-11-26 13:30"),
      filed: stamp("2026-11-26 13:30"),
      channel: "visit",
      kind: "shop",
      problem: "Service van: engine warning light",
      request: "Diagnose and repair",
      status: "workshop",
      assignee: "陈静",
      intake: {
        at: stamp("2026-11-26 13:40"),
        by: "陈静",
        plate: "沪B·88Q21",
        model: "Ford Transit",
        odometer: 91250,
        fuel: "1/4",
        keyTag: "9",
        papers: { ok: false, note: "保险单复印件未带" },
        belongings: ["工具箱"],
      },
      handover: { at: stamp("2026-11-26 14:00"), receiver: "张建华", by: "陈静", promise: stamp("2026-11-27 17:00") },
      extras: [
        {
          no: 1,
          item: "Replace the EGR valve (sticking)",
          effect: "the part arrives on Monday morning; finished on Monday afternoon",
          amount: 260000,
          asked: stamp("2026-11-27 10:00"),
          by: "陈静",
          answer: {
            approved: true,
            at: stamp("2026-11-27 10:30"),
            by: "Hans Weber",
            via: "phone",
            passed: stamp("2026-11-27 10:35"),
          },
        },
      ],
      promises: [
        {
          promise: stamp("2026-11-30 17:00"),
          at: stamp("2026-11-27 10:40"),
          by: "陈静",
          reason: "Extra work approved: EGR valve, the part arrives on Monday morning",
        },
      ],
      progress: [
        {
          at: stamp("2026-11-27 17:10"),
          by: "陈静",
          note: "Service done; waiting for the EGR valve, due Monday 09:00",
          finish: stamp("2026-11-30 16:00"),
        },
      ],
    },
    at("2026-11-26 13:30"),
    random,
  );
  for (const [c, day, kind, subject, staff] of letters)
    await store.create(
      "contact",
      {
        customer: cs[c]!.id,
        at: day,
        channel: "letter",
        direction: "out",
        purpose: kind === "reply" ? "followup" : "notice",
        staff,
        letter: { kind, subject },
      },
      at(`${day} 10:00`),
      random,
    );
  // the reviews: rendered by aftercare itself as of the day they were saved (a preview, which
  // writes nothing), stamped as `report monthly --save` stamps them
  for (const [month, saved] of reviews) {
    const io = testIO();
    const code = await cli(["report", "monthly", month, "--records", dir, "--now", saved], {
      io,
      env: { ...process.env, AFTERCARE_LOCALE: "zh-CN" },
      cwd: dir,
      clock: () => new Date(),
    });
    if (code !== 0) throw new Error(`report monthly ${month}: ${io.stderr()}`);
    await fs.writeFile(
      join(dir, "reports", `${month}-monthly.md`),
      stampLine("monthly", month, { saved: stamp(saved), by: "周敏" }) + io.stdout(),
    );
  }
  console.log(`sample store written to ${dir}, as of ${SAMPLE_NOW}`);
}

const README = `This is aftercare's sample store (see ../README.md), written by \`npx tsx scripts/make-sample.ts\`.

An after-sales department in Shanghai in the autumn of 2026: twelve companies and one car owner,
their tickets from August on, calls and letters, two customer events, and the supervisor's
monthly reviews up to October. The story stops before Monday 2026-11-30 08:30: 王芳, the
follow-up clerk (\`followupClerk\` in aftercare.yaml), is away that week and 陈静 covers for her;
周敏 is the supervisor, 赵建国 the engineering supervisor.

    aftercare due --records records --now "2026-11-30 08:30"   # that Monday's morning list
    aftercare due --records records --now "2026-11-30 08:30" --within 7
    npm start                                                  # today's list (aftercare due)

The dates are fixed, so on a later day the list shows that day: what fell due since is overdue.
`;
await main();
