// The bench's table of results (scripts/bench.ts).
import { TIMEOUT_MS } from "./settings.js";
import { fmtMs, type Row } from "./measure.js";

// ---------------------------------------------------------------------------------------------
// The table

/** Columns line up in a terminal: CJK characters take two cells. */
export const width = (s: string) => {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
};
export const pad = (s: string, n: number, right = false) =>
  right ? " ".repeat(Math.max(0, n - width(s))) + s : s + " ".repeat(Math.max(0, n - width(s)));

export function table(rows: Row[]): string {
  const head = ["command", "median", "min–max", "× node -e 0", "peak MB", "cpu", "target", "met"];
  const body = rows.map((r) => [
    r.name,
    r.status === "ok" && r.median !== undefined
      ? fmtMs(r.median)
      : r.status === "timeout"
        ? `> ${TIMEOUT_MS / 1000} s`
        : r.status,
    r.status === "ok" && r.min !== undefined ? `${fmtMs(r.min)}–${fmtMs(r.max!)}` : "—",
    r.ratio !== undefined && r.status === "ok" ? `${r.ratio.toFixed(1)}×` : "",
    r.peakMB !== undefined ? r.peakMB.toFixed(0) : "",
    r.cpuMs !== undefined && r.status === "ok" ? fmtMs(r.cpuMs) : "",
    r.target ?? "",
    r.verdict ?? "",
  ]);
  const right = [false, true, true, true, true, true, false, false];
  const w = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, w[i]!, right[i]))
      .join("  ")
      .trimEnd();
  const out = [line(head), w.map((n) => "-".repeat(n)).join("  "), ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`);
  return out.join("\n") + (notes.length ? "\nnotes:\n" + notes.join("\n") : "");
}
