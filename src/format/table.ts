// Aligned columns that stay aligned with Chinese text (display width, not code points). No box
// lines: the same text reads well on a terminal and in a cron mail.
import Table from "cli-table3";
import stringWidth from "string-width";
import type { IO } from "../io.js";

const NONE = { top: "", "top-mid": "", "top-left": "", "top-right": "", bottom: "", "bottom-mid": "", "bottom-left": "", "bottom-right": "", left: "", "left-mid": "", mid: "", "mid-mid": "", right: "", "right-mid": "", middle: "  " };

export function table(io: IO, head: string[], rows: string[][]): string {
  const t = new Table({ head: head.map((h) => io.color.bold(h)), chars: NONE, style: { head: [], border: [], "padding-left": 0, "padding-right": 0 } });
  for (const r of rows) t.push(r);
  return t.toString().split("\n").map((l) => l.replace(/\s+$/, "")).join("\n") + "\n";
}

/** "label: value" lines with the labels padded to one width (in terminal columns). */
export function fields(io: IO, pairs: [string, string | undefined][]): string {
  const shown = pairs.filter(([, v]) => v !== undefined && v !== "");
  const w = Math.max(0, ...shown.map(([k]) => stringWidth(k)));
  return shown.map(([k, v]) => `${io.color.dim(k + ":" + " ".repeat(w - stringWidth(k)))} ${v!.replace(/\n/g, "\n" + " ".repeat(w + 2))}`).join("\n") + "\n";
}
