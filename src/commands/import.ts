// aftercare import customers FILE: a company's customer list from CSV or Excel as offices make
// them (a title above the headings, two heading rows, row numbers, a totals row, columns of their
// own), and aftercare's own export read back field for field. Re-running the same file adds
// nothing twice; every row not imported is named with its number and why.
import { basename, resolve } from "node:path";
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { type Customer } from "../domain/schema.js";
import { t, type MessageKey } from "../i18n.js";
import { readGrid } from "../store/tabular.js";
import { stringifyRecord } from "../store/yaml.js";
import { key, layout, text, type Field, type Layout } from "../services/import-sheet.js";
import { nowStamp } from "../services/flags.js";
import { readRow, type Grid, type Refusal, type RowEnv, type Say } from "../services/import-rows.js";
import { jsonText } from "../format/json.js";
import type { Staff } from "../domain/schema.js";

export interface ImportOptions {
  file: string;
  map?: string;
  encoding?: string;
  sheet?: string;
  /** the CSV's column separator (default: sniffed from the heading row) */
  delimiter?: string;
  /** the row that holds the headings, as the spreadsheet numbers it (default: found) */
  headerRow?: string;
  dryRun?: boolean;
  strict?: boolean;
}

export async function importCustomers(opts: ImportOptions, ctx: Context) {
  const store = await ctx.store();
  const locale = await ctx.locale();
  const say = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
  const file = basename(opts.file);
  const grid = await readGrid(resolve(ctx.deps.cwd, opts.file), {
    encoding: opts.encoding,
    sheet: opts.sheet,
    delimiter: opts.delimiter,
    locale,
  });
  if (!grid.rows.some((r) => r.some((c) => text(c)))) throw new UserError(say("imp.empty", { file }));
  const l = checkedLayout(ctx, grid, opts, say, locale);
  const actor = opts.dryRun ? undefined : await ctx.actor();
  const existing = new Set((await store.all("customer", (m) => ctx.io.err(m))).map((c) => key(c.value.name)));
  const env: RowEnv = {
    file,
    grid,
    l,
    say,
    tz: store.settings.timezone,
    now: await ctx.now(),
    created: await nowStamp(ctx),
    width: (grid.rows[l.sub ?? l.row] ?? []).length,
    contacts: [...new Set([...l.fields.values()].map((v) => v.contact))].sort((a, b) => a - b),
  };
  const rows = readRows(env, existing);
  const enc = grid.encoding ? ` (${grid.encoding})` : "";
  const { good, bad, skipped, passed } = rows;
  const counts = {
    file,
    enc,
    add: good.length,
    skip: skipped.length,
    bad: bad.length,
    other: passed.length ? say("imp.otherSkipped", { n: passed.length }) : "",
  };
  if (opts.dryRun) {
    dryRun(ctx, rows, say);
    ctx.io.err(`${say("imp.dryRun", counts)}\n`);
    return { added: [], skipped, bad, exitCode: bad.length ? 1 : 0 };
  }
  for (const b of bad) ctx.io.err(`${b.text}\n`);
  for (const p of passed) ctx.io.err(`${say("imp.skipped", { what: p.text })}\n`);
  if (opts.strict && bad.length)
    throw new UserError(say("imp.strict", { n: bad.length, s: bad.length > 1 ? "s" : "" }));
  const ids = await ctx.writing(() => writeAll(ctx, good, file, actor!));
  if (ctx.json)
    ctx.io.out(
      jsonText({ added: ids, skipped: [...skipped, ...passed].map((s) => s.text), refused: bad.map((b) => b.text) }),
    );
  else for (const id of ids) ctx.io.out(`${id}\n`);
  ctx.io.err(`${say("imp.done", { ...counts, n: ids.length, s: ids.length === 1 ? "" : "s" })}\n`);
  return { added: ids, skipped, bad, exitCode: bad.length ? 1 : 0 };
}

interface Rows {
  good: { row: number; value: Customer }[];
  bad: Refusal[];
  skipped: Refusal[];
  passed: Refusal[];
}

/** Every row after the headings: the customers to add, and the rows skipped or refused with why. */
function readRows(env: RowEnv, existing: Set<string>): Rows {
  const { grid, l } = env;
  const seen = new Map<string, number>();
  const rows: Rows = { good: [], bad: [], skipped: [], passed: [] };
  grid.rows.slice(l.data).forEach((r, n) => {
    const out = readRow(r, l.data + n + 1, env, { existing, seen });
    if (!out) return;
    if (out.to !== "good") return void rows[out.to].push(out.refusal);
    seen.set(key(out.name), out.row);
    rows.good.push({ row: out.row, value: out.value });
  });
  return rows;
}

/** The headings found, refused when no column holds the name (or, with --strict, when one is unknown); what was passed over said. */
function checkedLayout(ctx: Context, grid: Grid, opts: ImportOptions, say: Say, locale: string): Layout {
  const file = basename(opts.file);
  const l = layout(grid.rows, {
    headerRow: opts.headerRow,
    map: opts.map,
    locale,
    csv: grid.format === "csv",
  });
  const has = (f: Field) => [...l.fields.values()].some((v) => v.field === f);
  if (!has("name"))
    throw new UsageError(
      say("imp.noName", {
        file,
        row: l.sub !== undefined ? `${l.row + 1}–${l.sub + 1}` : l.row + 1,
        headings: l.headings.filter(Boolean).join(", "),
      }),
    );
  const unknownList = l.unknown.map((u) => u.heading).join(", ");
  if (l.unknown.length && opts.strict)
    throw new UserError(say("imp.unknownStrict", { file, n: l.unknown.length, columns: unknownList }));
  if (l.row > 0 && grid.rows.slice(0, l.row).some((r) => r.some((c) => text(c))))
    ctx.io.err(
      `${say("imp.headingsAt", { row: l.row + 1, sub: l.sub !== undefined ? say("imp.headingsSub", { row: l.sub + 1 }) : "", skipped: l.row === 1 ? say("imp.rowAbove") : say("imp.rowsAbove", { last: l.row }) })}\n`,
    );
  if (l.unknown.length) ctx.io.err(`${say("imp.unknownCols", { n: l.unknown.length, columns: unknownList })}\n`);
  return l;
}

/** --dry-run: exactly what a real run would write (each customer's file, but for its ID), skip and refuse, row by row. */
function dryRun(ctx: Context, rows: Rows, say: Say): void {
  const { good, bad, skipped, passed } = rows;
  const plan = [
    ...good.map((g) => ({
      row: g.row,
      text: `${say("imp.wouldAdd", { row: g.row })}\n${stringifyRecord(g.value).replace(/^(?=.)/gm, "    ")}`,
    })),
    ...[...skipped, ...passed].map((s) => ({ row: s.row, text: `${say("imp.wouldSkip", { what: s.text })}\n` })),
    ...bad.map((b) => ({ row: b.row, text: `${say("imp.wouldRefuse", { what: b.text })}\n` })),
  ].sort((a, b) => a.row - b.row);
  if (ctx.json)
    ctx.io.out(
      jsonText({
        dryRun: true,
        add: good.map((g) => ({ row: g.row, ...g.value })),
        skipped: [...skipped, ...passed].sort((a, b) => a.row - b.row).map((s) => s.text),
        refused: bad.map((b) => b.text),
      }),
    );
  else for (const p of plan) ctx.io.out(p.text);
}

/** Every customer written under the lock, committed at once; their IDs. */
async function writeAll(ctx: Context, good: Rows["good"], file: string, actor: Staff): Promise<string[]> {
  const store = await ctx.store();
  const out: string[] = [];
  const paths: string[] = [];
  const progress = ctx.io.isTTY && good.length > 200;
  for (const [n, g] of good.entries()) {
    const rec = await store.create("customer", g.value, await ctx.now(), ctx.random);
    out.push(rec.id);
    paths.push(rec.path);
    if (progress && (n % 50 === 0 || n === good.length - 1))
      ctx.io.err(`\rimporting ${file}: ${bar(n + 1, good.length)}`);
  }
  if (progress) ctx.io.err("\n");
  if (paths.length)
    await ctx.commit(paths, `import: ${paths.length} customer${paths.length > 1 ? "s" : ""} from ${file}`, actor);
  return out;
}

function bar(n: number, total: number): string {
  const width = 30;
  const done = Math.round((n / total) * width);
  return `[${"#".repeat(done)}${" ".repeat(width - done)}] ${n}/${total}`;
}

export type { Layout };
