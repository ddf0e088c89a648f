// Aligned columns that stay aligned with Chinese text (terminal columns, not code points). No box
// lines: the same text reads well on a terminal and in a cron mail.
import type { IO } from "../io.js";
import { width } from "./text.js";

const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));

export function table(io: IO, head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ""))));
  const line = (r: string[], bold = false) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]!)))
      .map((c) => (bold ? io.color.bold(c) : c))
      .join("  ")
      .replace(/\s+$/, "");
  return [line(head, true), ...rows.map((r) => line(r))].join("\n") + "\n";
}

/** "label: value" lines with the labels padded to one width (in terminal columns). */
export function fields(io: IO, pairs: [string, string | undefined][]): string {
  const shown = pairs.filter(([, v]) => v !== undefined && v !== "");
  const w = Math.max(0, ...shown.map(([k]) => width(k)));
  return shown.map(([k, v]) => `${io.color.dim(k + ":" + " ".repeat(w - width(k)))} ${v!.replace(/\n/g, "\n" + " ".repeat(w + 2))}`).join("\n") + "\n";
}
