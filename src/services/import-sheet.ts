// How an office's customer list is laid out: which row holds the headings (below a title, blank
// rows, or over a second heading row), which column is which field (Chinese and English names,
// numbered "联系人2" columns for a second contact), which columns are no field, and which rows are
// no customer (a row number alone, a totals row).
import { EXIT, refusal, UsageError } from "../errors.js";
import { t } from "../i18n.js";
import { isId } from "../domain/ids.js";
import type { Cell } from "../store/tabular.js";

export const FIELDS = [
  "name",
  "address",
  "contact",
  "title",
  "phone",
  "email",
  "tags",
  "note",
  "equipment",
  "vehicles",
  "created",
] as const;
export type Field = (typeof FIELDS)[number];
/** fields of a contact person: a numbered column ("联系人2", "phones 2") is the second contact's */
const PERSON: Field[] = ["contact", "title", "phone", "email"];

/** Column headings as offices write them, Chinese and English; compared by `key`. */
const HEADINGS: Record<Field | "serial" | "id", string[]> = {
  name: [
    "客户单位名称",
    "客户名称",
    "单位名称",
    "公司名称",
    "客户单位",
    "客户",
    "单位",
    "名称",
    "企业名称",
    "company",
    "customer",
    "name",
    "organisation",
    "organization",
    "customername",
  ],
  address: ["地址", "单位地址", "通讯地址", "详细地址", "联系地址", "公司地址", "address"],
  contact: ["联系人", "联系人姓名", "负责人", "contact", "contactperson", "contactname"],
  title: ["职务", "职位", "title", "position"],
  phone: [
    "联系电话",
    "电话",
    "手机",
    "手机号",
    "手机号码",
    "联系方式",
    "电话号码",
    "固定电话",
    "座机",
    "移动电话",
    "办公电话",
    "联系人手机",
    "联系人电话",
    "联系人手机号",
    "phone",
    "phones",
    "telephone",
    "tel",
    "mobile",
    "phonenumber",
  ],
  email: ["邮箱", "电子邮件", "电子邮箱", "联系人邮箱", "email", "e-mail", "mail"],
  tags: ["标签", "分类", "客户类型", "客户分类", "区域", "地区", "tags", "tag", "category", "region"],
  note: ["备注", "说明", "note", "notes", "remark", "remarks", "comment"],
  equipment: ["设备", "设备型号", "设备名称", "equipment", "machine"],
  vehicles: ["车辆", "车牌", "车牌号", "车牌号码", "vehicles", "vehicle", "plate"],
  created: ["建档时间", "建档日期", "created"],
  serial: ["序号", "行号", "no", "no.", "#", "seq", "nr"],
  id: ["id", "编号"],
};

/** A heading as compared: full-width folded, lower case, without spaces, marks (*) and "(必填)". */
export const key = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\((?:[^)]*?)(必填|选填|可选|required|optional)[^)]*\)/g, "")
    .replace(/[\s_:()*]/g, "");

const KNOWN = new Map<string, Field | "serial" | "id">();
for (const [f, hs] of Object.entries(HEADINGS))
  for (const h of hs) if (!KNOWN.has(key(h))) KNOWN.set(key(h), f as Field);

/** What a heading names: a field (with the contact it belongs to), a column to pass over, or nothing known. */
function known(heading: string): { field: Field | "serial" | "id"; n?: number } | undefined {
  const k = key(heading);
  if (!k) return undefined;
  const f = KNOWN.get(k);
  if (f) return { field: f };
  const m = /^(.*?\D)(\d{1,2})$/.exec(k);
  const base = m ? KNOWN.get(m[1]!) : undefined;
  return base ? { field: base, n: Number(m![2]) } : undefined;
}

export const text = (c: Cell): string => {
  if (c === undefined || c === null) return "";
  if (c instanceof Date) {
    const iso = c.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ").replace(/:00$/, "");
  }
  return String(c).trim();
};

export interface Layout {
  /** the heading row, 0-based, and the second heading row under it when there is one */
  row: number;
  sub?: number;
  /** the first data row, 0-based */
  data: number;
  headings: string[];
  /** which field each column holds; contact: 1 for the first contact person, 2 for "联系人2"… */
  fields: Map<number, { field: Field; contact: number }>;
  serial: number[];
  ids: number[];
  /** columns that are no customer field, with their headings */
  unknown: { col: number; heading: string }[];
}

const isHeadingRow = (row: Cell[]) => {
  const cells = row.map(text).filter(Boolean);
  const hits = cells.filter((c) => known(c)).length;
  return { hits, cells: cells.length, mostly: hits >= 1 && hits * 2 >= cells.length };
};

/** A spreadsheet's column letter: 0 → A, 27 → AB. */
export const letter = (i: number): string =>
  (i >= 26 ? letter(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));

/** Find the headings: --header-row, else the row among the first 30 that names the most known columns. */
export function layout(
  rows: Cell[][],
  opts: { headerRow?: string; map?: string; locale: string; csv?: boolean },
): Layout {
  const { row, sub, headings, width } = headingsOf(rows, headingRow(rows, opts), opts);
  const data = (sub ?? row) + 1;
  const fields = mappedColumns(opts.map, headings, width);
  const taken = new Set(fields.keys());
  const columns = { fields, serial: [] as number[], ids: [] as number[], unknown: [] as Layout["unknown"] };
  const mapped = new Set([...fields.values()].map((v) => v.field));
  const numberedContacts = new Set(
    headings
      .map((h) => known(h))
      .filter((k) => k?.field === "contact" && k.n && k.n > 1)
      .map((k) => k!.n!),
  );
  const used = new Set<string>();
  headings.forEach((h, i) => {
    if (!taken.has(i))
      placeColumn(columns, { h, i, rows: rows.slice(data), mapped, numberedContacts, used }, opts.locale);
  });
  return { row, sub, data, headings, ...columns };
}

/** The heading row: --header-row, else the row among the first 30 that names the most known columns. */
function headingRow(rows: Cell[][], opts: { headerRow?: string; locale: string }): number {
  if (opts.headerRow !== undefined) {
    if (!/^\d+$/.test(opts.headerRow) || Number(opts.headerRow) < 1)
      throw new UsageError(t(opts.locale, "imp.headerRowBad", { row: opts.headerRow }));
    const row = Number(opts.headerRow) - 1;
    if (row >= rows.length)
      throw new UsageError(t(opts.locale, "imp.headerRow", { row: opts.headerRow, rows: rows.length }));
    return row;
  }
  let row = -1;
  let best = 0;
  rows.slice(0, 30).forEach((r, i) => {
    const { hits } = isHeadingRow(r);
    if (hits > best) [best, row] = [hits, i];
  });
  // nothing known: the first row that holds anything, so the refusal names what it has
  return row >= 0
    ? row
    : Math.max(
        0,
        rows.findIndex((r) => r.some((c) => text(c))),
      );
}

/** The headings, with a second heading row under the first (联系方式 over 电话 | 手机), or a first one over it. */
function headingsOf(rows: Cell[][], found: number, opts: { headerRow?: string; csv?: boolean }) {
  let row = found;
  const top = rows[row] ?? [];
  let upper = top;
  let lower: Cell[] | undefined;
  let sub: number | undefined;
  const next = rows[row + 1];
  const prev = opts.headerRow === undefined && row > 0 ? rows[row - 1] : undefined;
  const nameCol = top.findIndex((c) => known(text(c))?.field === "name");
  if (next && isHeadingRow(next).mostly && !(nameCol >= 0 && text(next[nameCol]) && !known(text(next[nameCol])))) {
    lower = next;
    sub = row + 1;
  } else if (prev && isHeadingRow(prev).mostly) {
    upper = prev;
    lower = top;
    sub = row;
    row = row - 1;
  }
  // a CSV's columns are its heading row's (a cell past them is a shifted row, refused); a sheet's, every column that holds something
  const width = Math.max(
    upper.length,
    lower?.length ?? 0,
    ...(opts.csv ? [] : rows.slice((sub ?? row) + 1).map((r) => r.length)),
  );
  const headings: string[] = [];
  for (let i = 0; i < width; i++) {
    const u = text(upper[i]);
    const l = lower ? text(lower[i]) : "";
    headings.push(l && known(l) ? l : u && known(u) ? u : l || u);
  }
  return { row, sub, headings, width };
}

/** --map first: FIELD=COLUMN names a column by its heading (or its letter). */
function mappedColumns(map: string | undefined, headings: string[], width: number): Layout["fields"] {
  const fields: Layout["fields"] = new Map();
  for (const part of (map ?? "")
    .split(/[,，]/)
    .map((x) => x.trim())
    .filter(Boolean)) {
    const [f, col] = part.split("=").map((x) => x.trim()) as [string, string | undefined];
    if (!(FIELDS as readonly string[]).includes(f) || !col)
      throw refusal("rf.mapForm", { part, fields: { typed: FIELDS } }, EXIT.usage);
    let i = headings.findIndex((h) => key(h) === key(col));
    if (i < 0 && /^[A-Z]{1,2}$/.test(col)) i = [...Array(width).keys()].find((j) => letter(j) === col) ?? -1;
    if (i < 0) throw refusal("rf.mapColumn", { f, col, has: headings.filter(Boolean).join(", ") }, EXIT.usage);
    fields.set(i, { field: f as Field, contact: 1 });
  }
  return fields;
}

/** Where a column not named by --map goes: a field (and which contact's), the serial, aftercare's IDs, or the note. */
function placeColumn(
  out: Pick<Layout, "fields" | "serial" | "ids" | "unknown">,
  c: {
    h: string;
    i: number;
    rows: Cell[][];
    mapped: Set<Field>;
    numberedContacts: Set<number>;
    used: Set<string>;
  },
  locale: string,
): void {
  const { h, i, rows } = c;
  const k = known(h);
  if (!k) {
    if (h || rows.some((r) => text(r[i])))
      out.unknown.push({ col: i, heading: h || t(locale, "imp.column", { letter: letter(i) }) });
    return;
  }
  if (k.field === "serial") return void out.serial.push(i);
  if (k.field === "id") {
    // aftercare's own IDs (an export read back) are the other store's: new ones are given; an office's own numbers are kept in the note
    const values = rows.map((r) => text(r[i])).filter(Boolean);
    if (values.every((v) => isId(v) && v.startsWith("C-"))) out.ids.push(i);
    else out.unknown.push({ col: i, heading: h });
    return;
  }
  if (c.mapped.has(k.field) && k.field !== "phone") return void out.unknown.push({ col: i, heading: h });
  const contact = PERSON.includes(k.field) && k.n && c.numberedContacts.has(k.n) ? k.n : 1;
  const slot = `${k.field}:${contact}`;
  // a second column of a one-value field (a second 地址) is kept in the note rather than lost
  if (c.used.has(slot) && !["phone", "tags", "note", "equipment", "vehicles"].includes(k.field))
    return void out.unknown.push({ col: i, heading: h });
  c.used.add(slot);
  out.fields.set(i, { field: k.field, contact });
}

const TOTALS =
  /^(合\s*计|总\s*计|小\s*计|共\s*计|总\s*数|累\s*计|total|totals|grand\s+total|sum|subtotal)\b|^(合\s*计|总\s*计|小\s*计|共\s*计)/i;
const COUNTED = /^(共|合计|总计)?\s*\d+\s*(家|个|户|位|名|条|人)(客户)?$/;

/** A row that is no customer: a row number alone (序号), or a totals row ("合计", "4 家"). */
export function notACustomer(r: Cell[], l: Layout): { kind: "serial" | "totals"; value: string } | undefined {
  const cells = r.map(text);
  const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c);
  if (filled.length && filled.every(([, i]) => l.serial.includes(i)))
    return { kind: "serial", value: filled.map(([c]) => c).join(" ") };
  const total = filled.find(([c]) => TOTALS.test(c) || COUNTED.test(c));
  if (total && !filled.some(([c, i]) => l.fields.get(i)?.field === "name" && !TOTALS.test(c) && !COUNTED.test(c)))
    return { kind: "totals", value: total[0] };
  return undefined;
}
