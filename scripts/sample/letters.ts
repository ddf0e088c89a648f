// The letters sent, the calls that planned a next contact, and the supervisor's monthly reviews.

/** [customer index, day, kind, subject, staff] */
export const letters: [number, string, "notice" | "invitation" | "reply", string, string][] = [
  [0, "2026-09-01", "notice", "秋季设备保养优惠通知", "王芳"],
  [4, "2026-09-01", "notice", "秋季设备保养优惠通知", "王芳"],
  [3, "2026-08-21", "reply", "Service contract terms for the CX-500 chiller", "陈静"],
  [4, "2026-11-06", "reply", "关于冷却塔噪音投诉的处理结果", "王芳"],
];

// Calls that plan the next contact, customer by customer, and the call that carried the plan out:
// one was done on its day, one was missed on Friday (the overdue line of Monday's list), the others
// fall due in the coming week, some while 王芳 is away and 陈静 covers for her.
/** [customer index, at, staff, summary, next date, next topic, the call that carried it out: [at, summary]] */
export const planned: [number, string, string, string, string, string, [string, string]?][] = [
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
/** [month, saved at] */
export const reviews: [string, string][] = [
  ["2026-08", "2026-09-02 09:30"],
  ["2026-09", "2026-10-05 10:00"],
  ["2026-10", "2026-11-03 10:00"],
];
