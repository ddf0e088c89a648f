// aftercare import customers FILE: a company's customer list from CSV or Excel, with the column
// names Chinese offices use. Re-running the same file adds nothing twice; bad rows are named.
import { basename, resolve } from "node:path";
import { UsageError, UserError } from "../errors.js";
import type { Context } from "../context.js";
import { customerSchema, type Customer } from "../domain/schema.js";
import { oneLine } from "../format/text.js";
import { delimiterName, readTable } from "../store/tabular.js";
import { stringifyRecord } from "../store/yaml.js";
import { nowStamp } from "./common.js";

const FIELDS = ["name", "address", "contact", "title", "phone", "email", "tags", "note", "equipment"] as const;
type Field = (typeof FIELDS)[number];

/** Column headings as offices write them, Chinese and English; compared without spaces and case. */
const HEADINGS: Record<Field, string[]> = {
  name: ["客户单位名称", "客户名称", "单位名称", "公司名称", "客户单位", "客户", "单位", "名称", "company", "customer", "name", "organisation", "organization", "customername"],
  address: ["地址", "单位地址", "通讯地址", "详细地址", "联系地址", "address"],
  contact: ["联系人", "联系人姓名", "负责人", "contact", "contactperson", "contactname"],
  title: ["职务", "职位", "title", "position"],
  phone: ["联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码", "固定电话", "座机", "phone", "telephone", "tel", "mobile", "phonenumber"],
  email: ["邮箱", "电子邮件", "电子邮箱", "email", "e-mail", "mail"],
  tags: ["标签", "分类", "客户类型", "客户分类", "区域", "地区", "tags", "tag", "category", "region"],
  note: ["备注", "说明", "note", "notes", "remark", "remarks", "comment"],
  equipment: ["设备", "设备型号", "设备名称", "equipment", "machine"],
};
const key = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[\s_:：()（）]/g, "");

export interface ImportOptions {
  file: string;
  map?: string;
  encoding?: string;
  sheet?: string;
  /** the CSV's column separator (default: sniffed from the header row) */
  delimiter?: string;
  dryRun?: boolean;
  strict?: boolean;
}

/** Which column holds which field: --map first, then the known headings. Several phone columns are fine. */
function columns(header: string[], map: string | undefined): Map<Field, number[]> {
  const out = new Map<Field, number[]>();
  const add = (f: Field, i: number) => out.set(f, [...(out.get(f) ?? []), i]);
  const given = new Set<Field>();
  for (const part of (map ?? "").split(/[,，]/).map((x) => x.trim()).filter(Boolean)) {
    const [f, col] = part.split("=").map((x) => x.trim()) as [string, string | undefined];
    if (!(FIELDS as readonly string[]).includes(f) || !col) throw new UsageError(`--map "${part}" must be FIELD=COLUMN with FIELD one of ${FIELDS.join(", ")}`);
    const i = header.findIndex((h) => key(h) === key(col));
    if (i < 0) throw new UsageError(`--map ${f}=${col}: the file has no column "${col}" (it has: ${header.join(", ")})`);
    add(f as Field, i);
    given.add(f as Field);
  }
  header.forEach((h, i) => {
    if ([...out.values()].some((is) => is.includes(i))) return;
    const f = FIELDS.find((x) => !given.has(x) && HEADINGS[x].some((k) => key(k) === key(h)));
    if (f && (f === "phone" || !out.has(f))) add(f, i);
  });
  return out;
}

const split = (v: string) => v.split(/[/／,，;；、\n]+/).map((x) => x.trim()).filter(Boolean);

export async function importCustomers(opts: ImportOptions, ctx: Context) {
  const store = await ctx.store();
  const table = await readTable(resolve(ctx.deps.cwd, opts.file), { encoding: opts.encoding, sheet: opts.sheet, delimiter: opts.delimiter });
  const cols = columns(table.header, opts.map);
  if (!cols.has("name"))
    throw new UsageError(`${basename(opts.file)}: no column for the customer's name (looked for 客户单位名称, 客户名称, name, …; the file has: ${table.header.join(", ")}); name it with --map name=COLUMN`);
  const actor = opts.dryRun ? undefined : await ctx.actor();
  const created = await nowStamp(ctx);
  const existing = new Set((await store.all("customer", (m) => ctx.io.err(m))).map((c) => key(c.value.name)));
  const seen = new Map<string, number>();
  const good: { row: number; value: Customer }[] = [];
  const bad: string[] = [];
  const skipped: string[] = [];
  const get = (r: string[], f: Field) => (cols.get(f) ?? []).map((i) => (r[i] ?? "").trim()).filter(Boolean);
  const width = table.header.length;
  table.rows.forEach((r, i) => {
    const row = i + 2; // as the spreadsheet numbers it, with the heading in row 1
    if (r.every((c) => !c.trim())) return;
    // a CSV row with more or fewer cells than the header would put values under the wrong
    // headings (an unquoted separator in a cell): refused, never shifted (empty cells past the
    // last heading, as some programs write them, are no shift)
    if (table.delimiter !== undefined && r.length !== width && !(r.length > width && r.slice(width).every((c) => !c.trim())))
      return void bad.push(
        `${basename(opts.file)}:${row}: ${r.length} cells where the header has ${width} (columns separated by ${delimiterName(table.delimiter)}); a value holding the separator needs "double quotes" — fix the row and import again`,
      );
    const name = get(r, "name")[0];
    if (!name) return void bad.push(`${basename(opts.file)}:${row}: no customer name; fill the name column or delete the row`);
    if (existing.has(key(name))) return void skipped.push(`${row}: ${oneLine(name)} (already on file)`);
    if (seen.has(key(name))) return void skipped.push(`${row}: ${oneLine(name)} (same as row ${seen.get(key(name))})`);
    const phones = get(r, "phone").flatMap(split);
    const contact = get(r, "contact")[0];
    const value = {
      name,
      address: get(r, "address")[0],
      contacts: contact || phones.length ? [{ name: contact ?? name, title: get(r, "title")[0], phones: phones.length ? phones : undefined, email: get(r, "email")[0] }] : undefined,
      tags: get(r, "tags").flatMap(split).length ? get(r, "tags").flatMap(split) : undefined,
      equipment: get(r, "equipment").length ? get(r, "equipment").map((e) => ({ name: e })) : undefined,
      note: get(r, "note")[0],
      created,
    };
    const v = customerSchema.safeParse(value);
    if (!v.success) {
      const iss = v.error.issues[0]!;
      return void bad.push(`${basename(opts.file)}:${row}: ${iss.path.join(".")} ${iss.message}`);
    }
    seen.set(key(name), row);
    good.push({ row, value: v.data });
  });

  const summary = `${good.length} to add, ${skipped.length} already on file or repeated, ${bad.length} refused`;
  if (opts.dryRun) {
    // exactly what a real run would write (each customer's file, but for its ID) and refuse
    const plan = [
      ...good.map((g) => ({ row: g.row, text: `would add row ${g.row}:\n${stringifyRecord(g.value).replace(/^(?=.)/gm, "    ")}` })),
      ...skipped.map((s) => ({ row: Number(s.split(":")[0]), text: `would skip row ${s}\n` })),
      ...bad.map((b) => ({ row: Number(/:(\d+): /.exec(b)?.[1] ?? 0), text: `would refuse ${b}\n` })),
    ].sort((a, b) => a.row - b.row);
    if (ctx.json) ctx.io.out(JSON.stringify({ dryRun: true, add: good.map((g) => ({ row: g.row, ...g.value })), skipped, refused: bad }, null, 2) + "\n");
    else for (const p of plan) ctx.io.out(p.text);
    ctx.io.err(`dry run of ${basename(opts.file)}${table.encoding ? ` (${table.encoding})` : ""}: ${summary}; nothing was written\n`);
    return { added: [], skipped, bad, exitCode: bad.length ? 1 : 0 };
  }
  for (const b of bad) ctx.io.err(`${b}\n`);
  if (opts.strict && bad.length) throw new UserError(`${bad.length} row${bad.length > 1 ? "s" : ""} refused and --strict given: nothing was imported`);
  const ids = await ctx.writing(async () => {
    const out: string[] = [];
    const paths: string[] = [];
    const progress = ctx.io.isTTY && good.length > 200;
    for (const [n, g] of good.entries()) {
      const rec = await store.create("customer", g.value, await ctx.now(), ctx.random);
      out.push(rec.id);
      paths.push(rec.path);
      if (progress && (n % 50 === 0 || n === good.length - 1)) ctx.io.err(`\rimporting ${basename(opts.file)}: ${bar(n + 1, good.length)}`);
    }
    if (progress) ctx.io.err("\n");
    if (paths.length) await ctx.commit(paths, `import: ${paths.length} customer${paths.length > 1 ? "s" : ""} from ${basename(opts.file)}`, actor!);
    return out;
  });
  if (ctx.json) ctx.io.out(JSON.stringify({ added: ids, skipped, refused: bad }, null, 2) + "\n");
  else for (const id of ids) ctx.io.out(`${id}\n`);
  ctx.io.err(`imported ${ids.length} customer${ids.length === 1 ? "" : "s"} from ${basename(opts.file)}${table.encoding ? ` (${table.encoding})` : ""}; ${skipped.length} already on file or repeated; ${bad.length} refused\n`);
  return { added: ids, skipped, bad, exitCode: bad.length ? 1 : 0 };
}

function bar(n: number, total: number): string {
  const width = 30;
  const done = Math.round((n / total) * width);
  return `[${"#".repeat(done)}${" ".repeat(width - done)}] ${n}/${total}`;
}
