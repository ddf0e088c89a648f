// A small store for November 2026 whose review figures are worked out by hand in report.test.ts.
export const CUSTOMERS = {
  "customers/C-261001-AAAA.yaml":
    'name: 上海明远机电设备有限公司\naddress: 上海市浦东新区张江路 88 号\ncontacts:\n  - name: 张伟\n    phones:\n      - "021-5555 1234"\ncreated: 2026-10-01T09:00:00+08:00\n',
  "customers/C-261002-BBBB.yaml":
    'name: Acme Pumps GmbH\ncontacts:\n  - name: Hans Weber\n    phones:\n      - "+49 30 1234567"\ncreated: 2026-10-02T09:00:00+08:00\n',
};

const ticket = (id: string, body: string) => [`tickets/2026/11/${id}.yaml`, body] as const;
const contact = (id: string, body: string) => [`contacts/2026/11/${id}.yaml`, body] as const;

export const NOVEMBER: Record<string, string> = {
  ...CUSTOMERS,
  ...Object.fromEntries([
    ticket(
      "T-261102-T001",
      `customer: C-261001-AAAA
received: 2026-11-02T09:00:00+08:00
filed: 2026-11-02T09:05:00+08:00
channel: phone
kind: repair
problem: 空压机跳闸
status: closed
assignee: 王芳
escalation:
  to: 赵工
  at: 2026-11-02T11:00:00+08:00
dispatch:
  technician: 李强
  at: 2026-11-02T14:00:00+08:00
resolution:
  at: 2026-11-03T17:00:00+08:00
  note: 更换接触器
closed: 2026-11-04T09:00:00+08:00
`,
    ),
    ticket(
      "T-261110-T002",
      `customer: C-261002-BBBB
received: 2026-11-10T10:00:00+08:00
filed: 2026-11-10T10:05:00+08:00
channel: email
kind: consult
problem: How often should the filters be changed?
status: resolved
assignee: 王芳
resolution:
  at: 2026-11-10T12:00:00+08:00
  note: Sent the maintenance manual
`,
    ),
    ticket(
      "T-261121-T003",
      `customer: C-261002-BBBB
received: 2026-11-20T22:00:00+08:00
filed: 2026-11-21T09:00:00+08:00
channel: phone
kind: complaint
problem: Pump | noise after the repair
status: open
assignee: 王芳
`,
    ),
    contact(
      "K-261102-K001",
      "customer: C-261001-AAAA\nticket: T-261102-T001\nat: 2026-11-02T09:00:00+08:00\nchannel: call\ndirection: in\npurpose: complaint\nstaff: 王芳\nsummary: 客户报修空压机跳闸\ncomplaints:\n  - 停机影响生产\n",
    ),
    contact(
      "K-261102-K002",
      "customer: C-261001-AAAA\nticket: T-261102-T001\nat: 2026-11-02T14:30:00+08:00\nchannel: call\ndirection: out\npurpose: followup\nstaff: 王芳\nsummary: 告知李强 14:00 出发\nsatisfaction: 4\n",
    ),
    contact(
      "K-261103-K003",
      "customer: C-261001-AAAA\nticket: T-261102-T001\nat: 2026-11-03T18:00:00+08:00\nchannel: call\ndirection: out\npurpose: other\nstaff: 王芳\nsummary: 告知解决方案：更换接触器\n",
    ),
    contact(
      "K-261112-K004",
      "customer: C-261001-AAAA\nticket: T-261102-T001\nat: 2026-11-12T10:00:00+08:00\nchannel: call\ndirection: out\npurpose: followup\nstaff: 王芳\nsummary: 第二次回访，运行正常\nrequests:\n  - 希望年底安排保养\nsatisfaction: 5\nnext:\n  date: 2026-12-15\n  topic: 年度保养提醒\n",
    ),
    contact(
      "K-261110-K005",
      "customer: C-261002-BBBB\nticket: T-261110-T002\nat: 2026-11-10T10:00:00+08:00\nchannel: call\ndirection: in\npurpose: consult\nstaff: 王芳\nsummary: Asked about filter intervals\n",
    ),
    contact(
      "K-261111-K006",
      "customer: C-261002-BBBB\nticket: T-261110-T002\nat: 2026-11-11\nchannel: letter\ndirection: out\npurpose: followup\nstaff: 王芳\nletter:\n  kind: reply\n  subject: Manual | quick start\n",
    ),
    contact(
      "K-261121-K007",
      "customer: C-261002-BBBB\nticket: T-261121-T003\nat: 2026-11-20T22:00:00+08:00\nchannel: call\ndirection: in\npurpose: complaint\nstaff: 王芳\nsummary: |-\n  Noise\n  again\n",
    ),
  ]),
};

// Two vehicles at the reception desk (kind shop) in November: V001 delivered and closed on the
// 25th (resolved, though it has no resolution: the desk closes a vehicle by delivering it), V002
// still in the workshop at the month's end.
export const VEHICLES: Record<string, string> = {
  ...CUSTOMERS,
  ...Object.fromEntries([
    ticket(
      "T-261125-V001",
      `customer: C-261001-AAAA
received: 2026-11-25T09:00:00+08:00
filed: 2026-11-25T09:00:00+08:00
channel: visit
kind: shop
problem: 刹车异响
status: closed
assignee: 王芳
handover:
  at: 2026-11-25T09:50:00+08:00
  receiver: 张师傅
  promise: 2026-11-25T17:50:00+08:00
ready:
  at: 2026-11-25T16:30:00+08:00
  belongings: true
  bill: 83000
delivery:
  at: 2026-11-25T18:00:00+08:00
  by: 王芳
  paid: 83000
closed: 2026-11-25T18:00:00+08:00
`,
    ),
    ticket(
      "T-261127-V002",
      `customer: C-261002-BBBB
received: 2026-11-27T09:00:00+08:00
filed: 2026-11-27T09:00:00+08:00
channel: visit
kind: shop
problem: Engine warning light
status: workshop
assignee: 王芳
handover:
  at: 2026-11-27T09:50:00+08:00
  receiver: 张师傅
  promise: 2026-12-04T17:50:00+08:00
`,
    ),
  ]),
};

// Contacts at the edge of November in Asia/Shanghai, written with different offsets. The company's
// day decides the month: E001 (23:30 on 11-30 Shanghai, stored in UTC) and the letter E004 dated
// 2026-11-30 are November's; E002 (16:30Z on 11-30 = 00:30 on 12-01 Shanghai) and E003 (00:30
// +08:00 on 12-01) and the letter E005 dated 2026-12-01 are December's.
const edge = (id: string, folder: string, body: string) => [`contacts/${folder}/${id}.yaml`, body] as const;
export const MONTH_EDGE: Record<string, string> = {
  ...CUSTOMERS,
  ...Object.fromEntries([
    edge(
      "K-261130-E001",
      "2026/11",
      "customer: C-261001-AAAA\nat: 2026-11-30T15:30:00Z\nchannel: call\ndirection: out\npurpose: followup\nstaff: 王芳\nsummary: 23:30 Shanghai on 11-30\n",
    ),
    edge(
      "K-261201-E002",
      "2026/12",
      "customer: C-261001-AAAA\nat: 2026-11-30T16:30:00Z\nchannel: call\ndirection: in\npurpose: consult\nstaff: 王芳\nsummary: 00:30 Shanghai on 12-01, stored in UTC\n",
    ),
    edge(
      "K-261201-E003",
      "2026/12",
      "customer: C-261002-BBBB\nat: 2026-12-01T00:30:00+08:00\nchannel: call\ndirection: in\npurpose: complaint\nstaff: 王芳\nsummary: 00:30 Shanghai on 12-01\n",
    ),
    edge(
      "K-261130-E004",
      "2026/11",
      "customer: C-261002-BBBB\nat: 2026-11-30\nchannel: letter\ndirection: out\npurpose: notice\nstaff: 王芳\nletter:\n  kind: notice\n  subject: Sent on the 30th\n",
    ),
    edge(
      "K-261201-E005",
      "2026/12",
      "customer: C-261002-BBBB\nat: 2026-12-01\nchannel: letter\ndirection: out\npurpose: notice\nstaff: 王芳\nletter:\n  kind: notice\n  subject: Sent on the 1st\n",
    ),
  ]),
};
