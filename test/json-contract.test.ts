// `--json` is a contract (issue 13, item 7): every command's output, on a store with Chinese and
// English data, is what docs/json.md describes (test/json-schemas.ts, strict: an unknown or a
// missing key fails), and every object of one list carries the same keys.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { cli, git, SETTINGS } from "./helpers.js";
import {
  contactSchema,
  customerSchema,
  eventSchema,
  staffSchema,
  ticketSchema,
  waiverSchema,
} from "../src/domain/schema.js";
import { FIELDS } from "../src/format/json.js";
import * as S from "./json-schemas.js";

const DAY1 = "2026-11-26T09:15:00+08:00";
const LATER = "2026-12-02T10:00:00+08:00";

let root: string;
const ids: Record<"c1" | "c2" | "c3" | "t1" | "t2" | "e1", string> = { c1: "", c2: "", c3: "", t1: "", t2: "", e1: "" };

/** Run with --json; the parsed output, after the exit code and stderr are checked. */
async function json(args: string[], now = LATER, as?: string): Promise<unknown> {
  const r = await cli(root, [...args, "--json"], { now, as });
  expect(r.code, `aftercare ${args.join(" ")}: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as unknown;
}

/** The keys of every object of a list, which must be one set. */
function sameKeys(list: unknown, what: string): void {
  expect(Array.isArray(list), what).toBe(true);
  const keys = new Set((list as object[]).map((o) => Object.keys(o).join(",")));
  expect(keys.size, `${what}: objects with different keys: ${[...keys].join(" | ")}`).toBeLessThanOrEqual(1);
}

function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  expect(r.success, `${what}: ${r.error ? JSON.stringify(r.error.issues.slice(0, 3)) : ""}`).toBe(true);
  return r.data!;
}

/** A list: every item valid, every item with the same keys, and not empty (an empty list proves nothing). */
function validList<T>(schema: z.ZodType<T>, value: unknown, what: string): T[] {
  sameKeys(value, what);
  expect((value as unknown[]).length, `${what} is empty`).toBeGreaterThan(0);
  return (value as unknown[]).map((v, i) => valid(schema, v, `${what}[${i}]`));
}

type Write = (schema: z.ZodType, args: string[], now?: string, as?: string) => Promise<{ id: string }>;

/** A letter, an event and the staff list's changes, each write's output checked as it is made. */
async function otherRecords(w: Write): Promise<void> {
  await w(S.Contact, ["letter", "log", "--customer", "Pacific", "--kind", "notice", "--subject", "Service notice"]);
  ids.e1 = (
    await w(S.Event, ["event", "add", "--title", "客户答谢会", "--date", "2026-12-30", "--audience", "tag:vip"])
  ).id;
  await w(S.StaffMember, ["staff", "add", "陈静", "--role", "clerk"]);
  await w(S.StaffMember, ["staff", "followup", "王芳"]);
  await w(S.StaffMember, ["staff", "absent", "陈静", "--from", "2026-12-21", "--to", "2026-12-22", "--cover", "王芳"]);
}

afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  // one store for the whole file (testStore's folders go after each test): the fixture's staff, in git
  root = mkdtempSync(join(tmpdir(), "aftercare-json-"));
  writeFileSync(join(root, "aftercare.yaml"), SETTINGS);
  git(root, "init", "--quiet", "--initial-branch=main");
  git(root, "add", "-A");
  git(root, "-c", "user.name=setup", "-c", "user.email=setup@example.com", "commit", "--quiet", "-m", "fixture");
  const w = async (schema: z.ZodType, args: string[], now = DAY1, as?: string) =>
    valid(schema, await json(args, now, as), args.slice(0, 2).join(" ")) as { id: string };
  ids.c1 = (
    await w(S.Customer, [
      "customer",
      "add",
      "上海华东制冷设备有限公司",
      "--contact",
      "张伟",
      "--phone",
      "021-5555 1234",
      "--tag",
      "vip",
    ])
  ).id;
  ids.c2 = (
    await w(S.Customer, ["customer", "add", "Pacific Print Works", "--contact", "Anna Lee", "--phone", "+65 6741 2233"])
  ).id;
  ids.c3 = (await w(S.Customer, ["customer", "add", "周先生", "--phone", "138 1234 5678"])).id;
  ids.t1 = (
    await w(S.Ticket, [
      "ticket",
      "open",
      "--customer",
      "华东",
      "--problem",
      "冷水机组高压报警停机",
      "--received",
      "09:10",
    ])
  ).id;
  ids.t2 = (await w(S.Ticket, ["ticket", "open", "--customer", "Pacific", "--problem", "Printer jams on tray 2"])).id;
  await w(S.Contact, [
    "call",
    "log",
    "--ticket",
    ids.t1,
    "--direction",
    "in",
    "--purpose",
    "complaint",
    "--summary",
    "客户来电：车间温度上升",
    "--at",
    "09:10",
  ]);
  await w(S.Ticket, ["ticket", "escalate", ids.t1], "2026-11-26T09:30:00+08:00");
  await w(
    S.Ticket,
    ["ticket", "dispatch", ids.t1, "--technician", "李强", "--depart", "10:30", "--arrive", "11:40"],
    "2026-11-26T09:31:00+08:00",
  );
  await otherRecords(w);
}, 60_000);

describe("writes print the record they wrote", () => {
  it("holidays add and workday: the same keys for one day as for a span", async () => {
    expect(
      valid(S.HolidayAdded, await json(["holidays", "add", "厂休", "--from", "2026-12-28"]), "holidays add"),
    ).toEqual({ name: "厂休", from: "2026-12-28", to: "2026-12-28" });
    expect(
      valid(
        S.HolidayAdded,
        await json(["holidays", "add", "Stocktaking", "--from", "2027-01-04", "--to", "2027-01-05"]),
        "holidays add",
      ),
    ).toEqual({ name: "Stocktaking", from: "2027-01-04", to: "2027-01-05" });
    expect(valid(S.WorkdayAdded, await json(["holidays", "workday", "2026-12-27"]), "holidays workday")).toEqual({
      day: "2026-12-27",
    });
  });

  it("duty waive prints the waiver", async () => {
    const due = validList(S.DueRow, await json(["due"]), "due");
    const key = due.find((d) => d.ticket === ids.t2)!.key;
    const w = valid(
      S.Waiver,
      await json(["duty", "waive", key, "--reason", "客户联系不上"], LATER, "Anna Schmidt"),
      "waive",
    );
    expect(w).toMatchObject({ duty: key, by: "Anna Schmidt" });
  });
});

describe.each(["zh-CN", "en"])("reads, in %s", (locale) => {
  const read = (args: string[]) => json([...args, "--locale", locale]);

  it("due and overdue: rows of one shape, with whom to call", async () => {
    const due = validList(S.DueRow, await read(["due", "--within", "60"]), "due");
    expect(due.find((d) => d.ticket === ids.t1)).toMatchObject({
      customer: ids.c1,
      customerName: "上海华东制冷设备有限公司",
      phone: "021-5555 1234 张伟",
    });
    // a duty of no customer (the review) has null where a customer's duty has its name
    expect(due.find((d) => d.rule === "R-MONTHLY")).toMatchObject({ customer: null, customerName: null, phone: null });
    const overdue = validList(S.DueRow, await read(["overdue"]), "overdue");
    expect(overdue.every((d) => d.state === "overdue")).toBe(true);
  });

  it("ticket show and list, customer show and list", async () => {
    const t = valid(S.TicketPage, await read(["ticket", "show", ids.t1]), "ticket show");
    sameKeys(t.duties, "ticket show: duties");
    sameKeys(t.contacts, "ticket show: contacts");
    expect(t.duties.map((d) => d.state)).toContain("done");
    validList(S.Ticket, await read(["ticket", "list", "--status", "all"]), "ticket list");
    const c = valid(S.CustomerPage, await read(["customer", "show", ids.c1]), "customer show");
    for (const k of ["tickets", "contacts", "duties"] as const) sameKeys(c[k], `customer show: ${k}`);
    const list = validList(S.Customer, await read(["customer", "list"]), "customer list");
    // a private customer has no address: null, not a missing key
    expect(list.find((x) => x.id === ids.c3)).toMatchObject({ name: "周先生", address: null });
  });

  it("staff list, holidays, event list", async () => {
    const staff = validList(S.StaffMember, await read(["staff", "list"]), "staff list");
    expect(staff.filter((s) => s.followupClerk).map((s) => s.name)).toEqual(["王芳"]);
    const h = valid(S.Holidays, await read(["holidays", "2026"]), "holidays");
    sameKeys(h.holidays, "holidays: holidays");
    expect(h.holidays.at(-1)).toEqual({ name: "厂休", from: "2026-12-28", to: "2026-12-28", origin: "aftercare.yaml" });
    const events = validList(S.EventRow, await read(["event", "list"]), "event list");
    expect(events[0]).toMatchObject({ id: ids.e1, title: "客户答谢会", note: null, audienceSize: 1 });
  });
});

describe.each(["zh-CN", "en"])("reads of the store's life, in %s", (locale) => {
  const read = (args: string[]) => json([...args, "--locale", locale]);

  it("history: every change with both sides, and what kind of change it was", async () => {
    const h = valid(S.History, await read(["history", ids.t1]), "history");
    sameKeys(h.history, "history");
    for (const s of h.history) sameKeys(s.changes, "history: changes");
    // newest first: the last step made the ticket, the first dispatched it
    expect(h.history.at(-1)!.changes).toContainEqual({
      field: "problem",
      change: "added",
      from: null,
      to: "冷水机组高压报警停机",
    });
    expect(h.history[0]!.changes).toContainEqual({
      field: "status",
      change: "changed",
      from: "escalated",
      to: "dispatched",
    });
  });

  it("check and doctor", async () => {
    expect(valid(S.Problem.array(), await read(["check"]), "check")).toEqual([]);
    // doctor exits 1 when it finds something: the fixture store has no hooks and no merge driver
    const r = await cli(root, ["doctor", "--json", "--locale", locale], { now: LATER });
    const d = valid(S.Doctor, JSON.parse(r.stdout), "doctor");
    expect(r.code).toBe(d.findings.length ? 1 : 0);
    sameKeys(d.findings, "doctor: findings");
  });

  it("export --format json: the records and the duties as the reads print them", async () => {
    const schemas = { customers: S.Customer, tickets: S.Ticket, contacts: S.Contact, duties: S.Duty };
    for (const [what, schema] of Object.entries(schemas))
      validList(schema as z.ZodType, await read(["export", what, "--format", "json"]), `export ${what}`);
  });

  it("report --json: the data a template gets (docs/templates.md)", async () => {
    valid(S.Review, await read(["report", "monthly", "2026-11"]), "report monthly");
    valid(S.Review, await read(["report", "annual", "2026"]), "report annual");
    valid(S.CallRegister, await read(["report", "calls", "--month", "2026-11"]), "report calls");
    valid(S.LetterRegister, await read(["report", "letters", "--month", "2026-11"]), "report letters");
    valid(S.CustomerFile, await read(["report", "customer", ids.c1]), "report customer");
  });
});

describe("the rest", () => {
  it("undo and redo say what they took back and re-applied", async () => {
    const u = valid(S.Undo, await json(["undo"]), "undo");
    expect(u.subject).toMatch(/^calendar: 2026-12-27 added as a make-up working day/);
    const r = valid(S.Redo, await json(["redo"]), "redo");
    expect(r.subject).toBe(u.subject);
  });

  it("calendar refuses --json with one line naming the command that gives the duties as JSON", async () => {
    for (const [locale, line] of [
      ["en", "calendar prints iCalendar, not JSON; the same duties as JSON: aftercare due --json --within 90\n"],
      [
        "zh-CN",
        "calendar 输出 iCalendar 日历文件，不输出 JSON；同样的工作事项以 JSON 输出：aftercare due --json --within 90\n",
      ],
    ]) {
      const r = await cli(root, ["calendar", "--json", "--locale", locale!], { now: LATER });
      expect(r).toMatchObject({ code: 2, stdout: "", stderr: line });
    }
  });

  it("the fields --json prints for a record are its schema's, in the schema's order", () => {
    const schemas = {
      customer: customerSchema,
      ticket: ticketSchema,
      contact: contactSchema,
      event: eventSchema,
      waiver: waiverSchema,
      staff: staffSchema,
    };
    for (const [kind, schema] of Object.entries(schemas))
      expect(FIELDS[kind as keyof typeof FIELDS], kind).toEqual(Object.keys(schema.shape));
  });

  it("docs/json.md has a section for every shape this test checks", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "docs", "json.md"), "utf8");
    for (const name of Object.keys(S)) expect(doc, name).toContain(`<a id="${name.toLowerCase()}"></a>`);
  });
});
