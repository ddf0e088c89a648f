// The reception desk (part C): one vehicle delivered last week, one in the workshop now. A ticket's
// `customer` is filled in when written, first, as the store keeps it.
import type { Customer, Ticket } from "../../src/domain/schema.js";
import { stamp } from "./clock.js";

/** The car owner, created when he phoned. */
export const carOwner: Customer = {
  name: "周建明",
  contacts: [{ name: "周建明", phones: ["139 1766 5521"] }],
  vehicles: [{ plate: "沪A·3K752", model: "大众帕萨特 2019" }],
  created: stamp("2026-11-16 15:00"),
};

/** His car's brakes, delivered on 2026-11-18 with an approved extra (a safety item) and a plan. */
export const carTicket: Omit<Ticket, "customer"> = {
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
  plans: [{ date: "2027-05-18", topic: "半年保养提醒（约 5,000 公里）", at: stamp("2026-11-18 17:40"), by: "王芳" }],
};

/** The calls about the car: [at, purpose, summary], all by 王芳. */
export const carCalls = [
  ["2026-11-17 16:00", "reminder", "提醒明早 9 点到店"],
  ["2026-11-18 16:55", "notice", "通知 17:30 后可取车"],
  ["2026-11-18 19:00", "followup", "交车后回访：刹车正常，抖动消失"],
  ["2026-11-25 10:30", "followup", "第二次回访：行驶一周无异响，提醒 5,000 公里后保养"],
] as const;

// Acme's service van came in on Thursday; extra work was approved on Friday and the part comes
// on Monday morning, so the promised completion moved to Monday 17:00 (ticket promise)
export const vanTicket: Omit<Ticket, "customer"> = {
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
};
