// One row of a customer list read as a customer: its contact people, when it was created, its
// equipment and vehicles, or a refusal naming the row and why (aftercare import customers).
import { customerSchema, type Customer, type Person } from "../domain/schema.js";
import { formatDateTime, isStoredDateTime, parseDateTime } from "../domain/time.js";
import { oneLine } from "../format/text.js";
import type { MessageKey } from "../i18n.js";
import { delimiterName, unneutralise, unwrapFormulaText, type Cell, type readGrid } from "../store/tabular.js";
import { key, notACustomer, text, type Field, type Layout } from "./import-sheet.js";

/** Several values in one cell: one a line (as export writes them), else split where offices split them. */
export const splitList = (v: string) =>
  (v.includes("\n") ? v.split(/\r?\n/) : v.split(/[/／,，;；、]+/)).map((x) => x.trim()).filter(Boolean);
/** "name | model | serial" with \| inside a part, as export writes an item with parts. */
const splitParts = (v: string) => v.split(/(?<!\\)\|/).map((x) => x.replace(/\\\|/g, "|").trim());

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

export type Refusal = { row: number; text: string };

export type Say = (k: MessageKey, p?: Record<string, string | number>) => string;
export type Grid = Awaited<ReturnType<typeof readGrid>>;

/** What every row is read with: the file, its grid and headings, the words, the zone and the moment. */
export interface RowEnv {
  file: string;
  grid: Grid;
  l: Layout;
  say: Say;
  tz: string;
  now: Date;
  /** the moment a customer without its own "created" is filed at */
  created: string;
  /** how many cells the heading row has */
  width: number;
  /** the contact people the headings name: 1, 2… */
  contacts: number[];
}

type RowRead =
  | { to: "bad" | "skipped" | "passed"; refusal: Refusal }
  | { to: "good"; row: number; name: string; value: Customer }
  | undefined;

const refusal = (to: "bad" | "skipped" | "passed", r: Refusal): RowRead => ({ to, refusal: r });

/** The columns of a field (of one contact person). */
const colsOf = (l: Layout, f: Field, contact = 1) =>
  [...l.fields].filter(([, v]) => v.field === f && v.contact === contact).map(([i]) => i);

/** A cell as the customer's text: the ' and ="…" export writes taken off again. */
const valueOf = (grid: Grid, c: Cell) => {
  const s = text(c);
  return grid.format === "csv" ? unneutralise(unwrapFormulaText(s)).trim() : s;
};

/** One row: a customer, a refusal naming its row and why, or nothing for an empty row. */
export function readRow(
  r: Cell[],
  row: number,
  env: RowEnv,
  known: { existing: Set<string>; seen: Map<string, number> },
): RowRead {
  const { file, grid, l, say, width } = env;
  const { existing, seen } = known;
  const at = `${file}:${row}`;
  const get = (f: Field, contact = 1) =>
    colsOf(l, f, contact)
      .map((i) => valueOf(grid, r[i]))
      .filter(Boolean);
  if (r.every((c) => !text(c))) return undefined;
  // a CSV row with more or fewer cells than the headings would put values under the wrong
  // headings (an unquoted separator in a cell): refused, never shifted (empty cells past the
  // last heading, as some programs write them, are no shift)
  if (
    grid.delimiter !== undefined &&
    r.length !== width &&
    !(r.length > width && r.slice(width).every((c) => !text(c))) &&
    !(r.length < width && l.headings.slice(r.length).every((h) => !h))
  )
    return refusal("bad", {
      row,
      text: say("imp.cells", { at, n: r.length, width, sep: delimiterName(grid.delimiter, say) }),
    });
  const other = notACustomer(r, l);
  if (other)
    return refusal("passed", {
      row,
      text: say(other.kind === "serial" ? "imp.skipSerial" : "imp.skipTotals", { row, value: oneLine(other.value) }),
    });
  const name = get("name")[0];
  if (!name) return refusal("bad", { row, text: say("imp.noNameRow", { at }) });
  if (existing.has(key(name)))
    return refusal("skipped", { row, text: say("imp.skipOnFile", { row, name: oneLine(name) }) });
  if (seen.has(key(name)))
    return refusal("skipped", {
      row,
      text: say("imp.skipRepeat", { row, name: oneLine(name), first: seen.get(key(name))! }),
    });
  const people = peopleOf(r, { ...env, row, at, get }, name);
  if (!Array.isArray(people)) return people;
  const stamp = stampOf(r, { ...env, row, at, get });
  if (typeof stamp !== "string") return stamp;
  const candidate = candidateOf(r, { ...env, get }, { name, people, stamp });
  const v = customerSchema.safeParse(candidate);
  if (!v.success) {
    const iss = v.error.issues[0]!;
    return refusal("bad", { row, text: say("imp.field", { at, field: iss.path.join("."), message: iss.message }) });
  }
  return { to: "good", row, name, value: v.data };
}

type Get = (f: Field, contact?: number) => string[];

/** The contact people of a row, or the refusal of a phone that is no phone number. */
function peopleOf(r: Cell[], env: RowEnv & { row: number; at: string; get: Get }, name: string): Person[] | RowRead {
  const { grid, l, say, row, at, get, contacts } = env;
  const cols = (f: Field, c = 1) => colsOf(l, f, c);
  const value = (c: Cell) => valueOf(grid, c);
  const people: Person[] = [];
  for (const c of contacts) {
    const phones: string[] = [];
    for (const i of cols("phone", c)) {
      const cell = r[i];
      if (typeof cell === "number" && !Number.isInteger(cell))
        return refusal("bad", { row, text: say("imp.notPhone", { at, value: String(cell) }) });
      const v = value(cell);
      if (SCIENTIFIC.test(v)) return refusal("bad", { row, text: say("imp.scientific", { at, value: v }) });
      phones.push(...splitList(v));
    }
    const person = get("contact", c)[0];
    const title = get("title", c)[0];
    const email = get("email", c)[0];
    if (person || phones.length || title || email)
      people.push({ name: person ?? name, title, phones: phones.length ? phones : undefined, email });
  }
  return people;
}

/** When the customer was created: its own "created" column, else now; or the refusal of a date that does not read. */
function stampOf(r: Cell[], env: RowEnv & { row: number; at: string; get: Get }): string | RowRead {
  const { l, say, row, at, get, tz, now, created } = env;
  let stamp = created;
  const given = get("created")[0];
  if (given) {
    const cell = r[colsOf(l, "created")[0]!];
    const d = isStoredDateTime(given)
      ? new Date(given)
      : parseDateTime(cell instanceof Date ? text(cell) : given, tz, now);
    if (!d) return refusal("bad", { row, text: say("imp.badCreated", { at, value: JSON.stringify(given) }) });
    stamp = isStoredDateTime(given) ? given : formatDateTime(d, tz);
  }
  return stamp;
}

/** The customer a row describes, before the schema checks it. */
function candidateOf(r: Cell[], env: RowEnv & { get: Get }, found: { name: string; people: Person[]; stamp: string }) {
  const { l, grid, get } = env;
  const { name, people, stamp } = found;
  const value = (c: Cell) => valueOf(grid, c);
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
  return {
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
}
