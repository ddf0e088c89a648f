// A customer day for the VIP customers, and a free-service campaign in the spring; the customer
// day's invitations: a call, then a letter within days (R-EVENT-NOTICE).
import type { CustomerEvent } from "../../src/domain/schema.js";
import { stamp } from "./clock.js";

export const events: CustomerEvent[] = [
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

export interface Invitation {
  /** an index in customers.ts */
  customer: number;
  /** the call's time */
  called: string;
  person: string;
  summary: string;
  /** the day the letter went out */
  letter: string;
}

/** The invitations to the first event, the customer day, all by 陈静. */
export const invitations: Invitation[] = [
  {
    customer: 0,
    called: "2026-11-24 10:00",
    person: "张伟",
    summary: "电话通知张伟 12 月 12 日答谢会，客户确认两人参加",
    letter: "2026-11-25",
  },
  {
    customer: 4,
    called: "2026-11-26 10:00",
    person: "陈涛",
    summary: "电话通知陈涛 12 月 12 日答谢会，客户确认参加",
    letter: "2026-11-27",
  },
  {
    customer: 7,
    called: "2026-11-26 14:00",
    person: "孙丽",
    summary: "电话通知孙丽 12 月 12 日答谢会，客户确认参加",
    letter: "2026-11-27",
  },
];

/** The subject of the customer day's invitation letters. */
export const invitationSubject = "2026 年度客户答谢会邀请函";
