// aftercare import customers FILE: a company's customer list from CSV or Excel as offices make
// them (a title above the headings, two heading rows, row numbers, a totals row, columns of their
// own), and aftercare's own export read back field for field. Re-running the same file adds
// nothing twice; every row not imported is named with its number and why.
import { basename, resolve } from "node:path";
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { customerSchema, type Customer, type Person } from "../domain/schema.js";
import { formatDateTime, isStoredDateTime, parseDateTime } from "../domain/time.js";
import { oneLine } from "../format/text.js";
import { t, type MessageKey } from "../i18n.js";
import { delimiterName, readGrid, unneutralise, unwrapFormulaText, type Cell } from "../store/tabular.js";
import { stringifyRecord } from "../store/yaml.js";
import { key, layout, notACustomer, text, type Field, type Layout } from "../services/import-sheet.js";
import { nowStamp } from "./common.js";

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

/** Several values in one cell: one a line (as export writes them), else split where offices split them. */
export const splitList = (v: string) =>
  (v.includes("\n") ? v.split(/\r?\n/) : v.split(/[/／,，;；、]+/)).map((x) => x.trim()).filter(Boolean);
/** "name | model | serial" with \| inside a part, as export writes an item with parts. */
const splitParts = (v: string) => v.split(/(?<!\\)\|/).map((x) => x.replace(/\\\|/g, "|").trim());

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

type Refusal = { row: number; text: string };

export async function importCustomers(opts: ImportOptions, ctx: Context) {
  const store = await ctx.store();
  const locale = await ctx.locale();
  const say = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
  const file = basename(opts.file);
  const tz = store.settings.timezone;
  const grid = await readGrid(resolve(ctx.deps.cwd, opts.file), {
    encoding: opts.encoding,
    sheet: opts.sheet,
    delimiter: opts.delimiter,
    locale,
  });
  if (!grid.rows.some((r) => r.some((c) => text(c)))) throw new UserError(say("imp.empty", { file }));
  const l = layout(grid.rows, { headerRow: opts.headerRow, map: opts.map, locale, csv: grid.format === "csv" });
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

  const actor = opts.dryRun ? undefined : await ctx.actor();
  const created = await nowStamp(ctx);
  const now = await ctx.now();
  const existing = new Set((await store.all("customer", (m) => ctx.io.err(m))).map((c) => key(c.value.name)));
  const seen = new Map<string, number>();
  const good: { row: number; value: Customer }[] = [];
  const bad: Refusal[] = [];
  const skipped: Refusal[] = [];
  const passed: Refusal[] = [];
  const width = (grid.rows[l.sub ?? l.row] ?? []).length;
  /** a cell as the customer's text: the ' and ="…" export writes taken off again */
  const value = (c: Cell) => {
    const s = text(c);
    return grid.format === "csv" ? unneutralise(unwrapFormulaText(s)).trim() : s;
  };
  const cols = (f: Field, contact = 1) =>
    [...l.fields].filter(([, v]) => v.field === f && v.contact === contact).map(([i]) => i);
  const contacts = [...new Set([...l.fields.values()].map((v) => v.contact))].sort((a, b) => a - b);

  grid.rows.slice(l.data).forEach((r, n) => {
    const row = l.data + n + 1; // as the spreadsheet numbers it
    const at = `${file}:${row}`;
    if (r.every((c) => !text(c))) return;
    // a CSV row with more or fewer cells than the headings would put values under the wrong
    // headings (an unquoted separator in a cell): refused, never shifted (empty cells past the
    // last heading, as some programs write them, are no shift)
    if (
      grid.delimiter !== undefined &&
      r.length !== width &&
      !(r.length > width && r.slice(width).every((c) => !text(c))) &&
      !(r.length < width && l.headings.slice(r.length).every((h) => !h))
    )
      return void bad.push({
        row,
        text: say("imp.cells", { at, n: r.length, width, sep: delimiterName(grid.delimiter) }),
      });
    const other = notACustomer(r, l);
    if (other)
      return void passed.push({
        row,
        text: say(other.kind === "serial" ? "imp.skipSerial" : "imp.skipTotals", { row, value: oneLine(other.value) }),
      });
    const get = (f: Field, contact = 1) =>
      cols(f, contact)
        .map((i) => value(r[i]))
        .filter(Boolean);
    const name = get("name")[0];
    if (!name) return void bad.push({ row, text: say("imp.noNameRow", { at }) });
    if (existing.has(key(name)))
      return void skipped.push({ row, text: say("imp.skipOnFile", { row, name: oneLine(name) }) });
    if (seen.has(key(name)))
      return void skipped.push({
        row,
        text: say("imp.skipRepeat", { row, name: oneLine(name), first: seen.get(key(name))! }),
      });
    const people: Person[] = [];
    for (const c of contacts) {
      const phones: string[] = [];
      for (const i of cols("phone", c)) {
        const cell = r[i];
        if (typeof cell === "number" && !Number.isInteger(cell))
          return void bad.push({ row, text: say("imp.notPhone", { at, value: String(cell) }) });
        const v = value(cell);
        if (SCIENTIFIC.test(v)) return void bad.push({ row, text: say("imp.scientific", { at, value: v }) });
        phones.push(...splitList(v));
      }
      const person = get("contact", c)[0];
      const title = get("title", c)[0];
      const email = get("email", c)[0];
      if (person || phones.length || title || email)
        people.push({ name: person ?? name, title, phones: phones.length ? phones : undefined, email });
    }
    let stamp = created;
    const given = get("created")[0];
    if (given) {
      const cell = r[cols("created")[0]!];
      const d = isStoredDateTime(given)
        ? new Date(given)
        : parseDateTime(cell instanceof Date ? text(cell) : given, tz, now);
      if (!d) return void bad.push({ row, text: say("imp.badCreated", { at, value: JSON.stringify(given) }) });
      stamp = isStoredDateTime(given) ? given : formatDateTime(d, tz);
    }
    const tags = get("tags").flatMap(splitList);
    const notes = [
      ...get("note"),
      ...l.unknown
        .map((u) => [u.heading, value(r[u.col])] as const)
        .filter(([, v]) => v)
        .map(([h, v]) => `${h}: ${v}`),
    ];
    const equipment = get("equipment")
      .flatMap((v) => v.split(/\r?\n/))
      .map((x) => x.trim())
      .filter(Boolean)
      .map(splitParts);
    const vehicles = get("vehicles")
      .flatMap((v) => v.split(/\r?\n/))
      .map((x) => x.trim())
      .filter(Boolean)
      .map(splitParts);
    const candidate = {
      name,
      address: get("address")[0],
      contacts: people.length ? people : undefined,
      tags: tags.length ? tags : undefined,
      equipment: equipment.length
        ? equipment.map(([n, model, serial, installed]) => ({
            name: n!,
            model: model || undefined,
            serial: serial || undefined,
            installed: installed || undefined,
          }))
        : undefined,
      vehicles: vehicles.length
        ? vehicles.map(([plate, model, vin]) => ({ plate: plate!, model: model || undefined, vin: vin || undefined }))
        : undefined,
      note: notes.length ? notes.join("\n") : undefined,
      created: stamp,
    };
    const v = customerSchema.safeParse(candidate);
    if (!v.success) {
      const iss = v.error.issues[0]!;
      return void bad.push({ row, text: say("imp.field", { at, field: iss.path.join("."), message: iss.message }) });
    }
    seen.set(key(name), row);
    good.push({ row, value: v.data });
  });

  const enc = grid.encoding ? ` (${grid.encoding})` : "";
  const counts = {
    file,
    enc,
    add: good.length,
    skip: skipped.length,
    bad: bad.length,
    other: passed.length ? say("imp.otherSkipped", { n: passed.length }) : "",
  };
  if (opts.dryRun) {
    // exactly what a real run would write (each customer's file, but for its ID), skip and refuse, row by row
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
        JSON.stringify(
          {
            dryRun: true,
            add: good.map((g) => ({ row: g.row, ...g.value })),
            skipped: [...skipped, ...passed].sort((a, b) => a.row - b.row).map((s) => s.text),
            refused: bad.map((b) => b.text),
          },
          null,
          2,
        ) + "\n",
      );
    else for (const p of plan) ctx.io.out(p.text);
    ctx.io.err(`${say("imp.dryRun", counts)}\n`);
    return { added: [], skipped, bad, exitCode: bad.length ? 1 : 0 };
  }
  for (const b of bad) ctx.io.err(`${b.text}\n`);
  for (const p of passed) ctx.io.err(`${say("imp.skipped", { what: p.text })}\n`);
  if (opts.strict && bad.length)
    throw new UserError(say("imp.strict", { n: bad.length, s: bad.length > 1 ? "s" : "" }));
  const ids = await ctx.writing(async () => {
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
      await ctx.commit(paths, `import: ${paths.length} customer${paths.length > 1 ? "s" : ""} from ${file}`, actor!);
    return out;
  });
  if (ctx.json)
    ctx.io.out(
      JSON.stringify(
        { added: ids, skipped: [...skipped, ...passed].map((s) => s.text), refused: bad.map((b) => b.text) },
        null,
        2,
      ) + "\n",
    );
  else for (const id of ids) ctx.io.out(`${id}\n`);
  ctx.io.err(`${say("imp.done", { ...counts, n: ids.length, s: ids.length === 1 ? "" : "s" })}\n`);
  return { added: ids, skipped, bad, exitCode: bad.length ? 1 : 0 };
}

function bar(n: number, total: number): string {
  const width = 30;
  const done = Math.round((n / total) * width);
  return `[${"#".repeat(done)}${" ".repeat(width - done)}] ${n}/${total}`;
}

export type { Layout };
