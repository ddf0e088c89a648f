// The reviews of every past month and year (R-MONTHLY), saved under reports/ by the supervisor in
// the first days after the period.
import { START, TODAY, type Counts } from "./config.js";
import { emptyMonth, type MonthStats } from "./contacts.js";
import type { StoreFiles } from "./files.js";
import { chance, int, pick, workTime } from "./random.js";
import { SUPERVISOR } from "./staff.js";
import { addDays, dt, onOrAfter } from "./time.js";

type Totals = Pick<MonthStats, "received" | "resolved" | "calls" | "letters" | "sat" | "satN">;
const TOTALS = ["received", "resolved", "calls", "letters", "sat", "satN"] as const;

const monthAfter = (ym: string) =>
  ym.endsWith("-12")
    ? `${Number(ym.slice(0, 4)) + 1}-01`
    : `${ym.slice(0, 5)}${String(Number(ym.slice(5)) + 1).padStart(2, "0")}`;

function review(files: StoreFiles, kind: "monthly" | "annual", period: string, saved: number, s: Totals): void {
  const head = `<!-- aftercare report ${kind} ${period}, saved ${dt(saved)} by ${SUPERVISOR} -->\n`;
  const what = kind === "monthly" ? "月度总结" : "年度总结";
  const body = `# 上海明远机电设备服务有限公司 售后服务${what}（${period}）

依据 R-MONTHLY 编写（Asia/Shanghai）。生成于 ${dt(saved).slice(0, 16).replace("T", " ")}。

| ${kind === "monthly" ? "本月" : "全年"}概况 | |
| --- | ---: |
| 受理工单 | ${s.received} |
| 解决工单 | ${s.resolved} |
| 电话 / 信函 | ${s.calls} / ${s.letters} |
| 平均满意度（1–5） | ${s.satN ? (s.sat / s.satN).toFixed(1) : "—"} |

## 主管意见

${pick(["跟踪回访基本按期完成；个别第二次回访逾期，已提醒经办人。", "本期投诉均已当日答复，继续保持。", "备件到货周期偏长，请工程部提前备货。", "客户满意度稳定，下期重点关注保养提醒的执行。"])}
`;
  files.write(`reports/${period}-${kind}.md`, head + body);
}

/** Every past month's review (a few saved late), then every past year's. */
export function writeReviews(files: StoreFiles, months: Map<string, MonthStats>, counts: Counts): void {
  const years = new Map<string, Totals>();
  for (let ym = START.slice(0, 7); ym < TODAY.slice(0, 7); ym = monthAfter(ym)) {
    const s = months.get(ym) ?? emptyMonth();
    const next = `${monthAfter(ym)}-01`;
    review(
      files,
      "monthly",
      ym,
      workTime(chance(0.03) ? addDays(next, int(6, 9)) : onOrAfter(addDays(next, int(0, 2))), 9, 12),
      s,
    );
    counts.reports++;
    const y = years.get(ym.slice(0, 4)) ?? { received: 0, resolved: 0, calls: 0, letters: 0, sat: 0, satN: 0 };
    for (const k of TOTALS) y[k] += s[k];
    years.set(ym.slice(0, 4), y);
  }
  for (const [y, s] of years)
    if (y < TODAY.slice(0, 4)) {
      review(
        files,
        "annual",
        y,
        workTime(onOrAfter(`${Number(y) + 1}-01-${String(int(5, 12)).padStart(2, "0")}`), 9, 12),
        s,
      );
      counts.reports++;
    }
}
