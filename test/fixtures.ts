// A small hand-written store: two customers (Chinese and English), one open ticket, one call.
export const MINGYUAN = "C-261101-AAAA";
export const ACME = "C-261102-BBBB";
export const TICKET = "T-261120-CCCC";
export const CALL = "K-261120-DDDD";

export const RECORDS: Record<string, string> = {
  [`customers/${MINGYUAN}.yaml`]: `# 老客户，2019 年起合作
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
equipment:
  - name: 螺杆空压机
    model: LG-22
created: 2026-11-01T09:00:00+08:00
`,
  [`customers/${ACME}.yaml`]: `name: Acme Pumps GmbH
address: Hauptstraße 5, Berlin
contacts:
  - name: Hans Weber
    phones:
      - "+49 30 1234567"
created: 2026-11-02T14:00:00+08:00
`,
  [`tickets/2026/11/${TICKET}.yaml`]: `customer: ${MINGYUAN}
received: 2026-11-20T09:12:00+08:00
filed: 2026-11-20T09:15:00+08:00
channel: phone
kind: repair
problem: |-
  空压机启动后跳闸
  第二次启动有异响
request: 上门维修
status: open
`,
  [`contacts/2026/11/${CALL}.yaml`]: `customer: ${MINGYUAN}
ticket: ${TICKET}
at: 2026-11-20T09:12:00+08:00
channel: call
direction: in
purpose: complaint
staff: 王芳
summary: 客户来电报修，空压机跳闸
complaints:
  - 上次维修后一个月又坏
`,
};
