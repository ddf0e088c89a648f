// Aligned columns that stay aligned with Chinese text, emoji, accents and links: each cell is
// measured in terminal columns by string-width (text.ts `width`), never in code points. No box
// lines: the same text reads well on a terminal and in a cron mail.
//
// cli-table3, which the design first named, was measured and set aside: its string-width 4
// counts 🧑‍🔧 as 4 columns and 🫶 as 1, and it cuts an OSC-8 link's escape sequence apart.
import type { IO } from "../io.js";
import { width } from "./text.js";

/**
 * Rows under a bold heading, each column as wide as its widest cell (the last column unpadded).
 * Linear in the cells, and safe for any number of rows: no spread of the rows into a call.
 */
export function table(io: IO, head: string[], rows: string[][]): string {
  // every cell's width is worked out once, and kept for the padding
  const cells = new Array<number[]>(rows.length);
  const widths = head.map((h) => width(h));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const ws = new Array<number>(row.length);
    for (let i = 0; i < row.length; i++) {
      const w = width(row[i] ?? "");
      ws[i] = w;
      if (i < widths.length && w > widths[i]!) widths[i] = w;
    }
    cells[r] = ws;
  }
  const line = (r: string[], ws: number[] | undefined, bold = false) => {
    let s = "";
    for (let i = 0; i < r.length; i++) {
      const c = r[i] ?? "";
      const padded = i === r.length - 1 ? c : c + " ".repeat(Math.max(0, (widths[i] ?? 0) - (ws ? ws[i]! : width(c))));
      s += (i ? "  " : "") + (bold ? io.color.bold(padded) : padded);
    }
    return s.trimEnd();
  };
  const out = new Array<string>(rows.length + 1);
  out[0] = line(head, undefined, true);
  for (let r = 0; r < rows.length; r++) out[r + 1] = line(rows[r]!, cells[r]);
  return out.join("\n") + "\n";
}

/** "label: value" lines with the labels padded to one width (in terminal columns). */
export function fields(io: IO, pairs: [string, string | undefined][]): string {
  const shown = pairs.filter(([, v]) => v !== undefined && v !== "");
  let w = 0;
  for (const [k] of shown) w = Math.max(w, width(k));
  return (
    shown
      .map(
        ([k, v]) =>
          `${io.color.dim(k + ":" + " ".repeat(w - width(k)))} ${v!.replace(/\n/g, "\n" + " ".repeat(w + 2))}`,
      )
      .join("\n") + "\n"
  );
}
