// The reviews from the derived index are the reviews from the files (issue 12): every review read
// both ways, byte for byte, after the records changed behind the index's back in the ways a store
// changes: after the period, by hand, across a month's end, by a pull, in a zone with daylight saving.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { pathOf } from "../src/store/layout.js";
import { cli, git, tempDir, testStore } from "./helpers.js";
import {
  ACME,
  baseStore as indexStore,
  generate,
  NOW as INDEX_NOW,
  PACIFIC,
  pathOf as indexPathOf,
  SETTINGS as INDEX_SETTINGS,
  XIHU,
} from "./index-fixtures.js";

/** Changed after October ended, in ways that make October's end differ from now. */
const OCTOBER_CHANGED: Record<string, string> = {
  // received 10-29, nobody escalated it in October; escalated and solved on 11-03
  [indexPathOf("T-261029-0101")]: `customer: ${ACME}
received: 2026-10-29T10:00:00+08:00
filed: 2026-10-29T10:05:00+08:00
channel: phone
kind: repair
problem: Compressor trips at start-up
status: resolved
assignee: Tom Baker
escalation:
  to: 赵工
  at: 2026-11-03T09:00:00+08:00
  by: Tom Baker
resolution:
  at: 2026-11-03T16:00:00+08:00
  by: Tom Baker
  note: Replaced the start capacitor
`,
  // received 10-26, cancelled 11-02: its open duties vanish now, but were overdue at October's end
  [indexPathOf("T-261026-0102")]: `customer: ${XIHU}
received: 2026-10-26T14:00:00+08:00
filed: 2026-10-26T14:10:00+08:00
channel: phone
kind: repair
problem: 空压机跳闸
status: cancelled
assignee: 陈静
cancelled:
  at: 2026-11-02T10:00:00+08:00
  reason: 客户自行修复
`,
  // escalated and solved on 10-27, all in October; the customer was told the solution only on
  // 11-02: R-ANSWER-SAME-DAY overdue at October's end, done late now (by a November call alone)
  [indexPathOf("T-261027-0105")]: `customer: ${PACIFIC}
received: 2026-10-27T09:00:00+08:00
filed: 2026-10-27T09:05:00+08:00
channel: email
kind: consult
problem: Which toner fits the new press
status: resolved
assignee: Tom Baker
escalation:
  to: 赵工
  at: 2026-10-27T09:30:00+08:00
  by: Tom Baker
resolution:
  at: 2026-10-27T15:00:00+08:00
  by: Tom Baker
  note: Use the TN-900 series
`,
  [indexPathOf("K-261102-0106")]:
    `customer: ${PACIFIC}\nticket: T-261027-0105\nat: 2026-11-02T10:00:00+08:00\nchannel: call\ndirection: out\npurpose: followup\nstaff: Tom Baker\nsummary: Told them to use the TN-900 series\n`,
  // an October duty excused in November: overdue at October's end, waived now
  [indexPathOf("W-261105-0103")]:
    `duty: R-EVENT-NOTICE:E-261008-EV02:${ACME}:call\nreason: 客户已在展会上获知\nby: 周敏\nat: 2026-11-05T12:00:00+08:00\n`,
  // an event recorded in October for 11-06: its calls were due by 10-23 and nobody made them
  // (overdue at October's end, missed now)
  [indexPathOf("E-261008-EV02")]:
    `title: Open day at the service centre\ndate: 2026-11-06\nkind: gathering\naudience: all\nowner: 陈静\ncreated: 2026-10-08T10:00:00+08:00\n`,
  // a file that cannot be read: said on stderr, left out of both
  [indexPathOf("K-261015-0104")]: "customer: C-260902-BBBB\nat: [not closed\n",
};

async function both(root: string, args: string[], now: string, env: Record<string, string> = {}) {
  const indexed = await cli(root, args, { now, as: "", env });
  const full = await cli(root, args, { now, as: "", env: { ...env, AFTERCARE_INDEX: "off" } });
  return { indexed, full };
}
const sorted = (s: string) => s.split("\n").sort().join("\n");

/** Every read below, the index's answer against the full read's, byte for byte. */
async function sameReviews(root: string, when: string, env: Record<string, string>) {
  const out = new Map<string, string>();
  const reads: string[][] = [];
  for (const p of ["2026-03", "2026-10", "2026-11", "2025-10"]) reads.push(["report", "monthly", p]);
  reads.push(["report", "annual", "2026"], ["report", "annual", "2025", "--json"]);
  reads.push(["report", "monthly", "2026-10", "--locale", "en", "--json"]);
  for (const args of reads) {
    const { indexed, full } = await both(root, args, INDEX_NOW, env);
    const label = `${args.join(" ")} ${when}`;
    expect(full.code, label).toBe(0);
    expect(indexed.stdout, label).toBe(full.stdout);
    expect(indexed.code, label).toBe(0);
    out.set(args.join(" "), full.stdout);
  }
  return out;
}
/** A contact's time of day moved to another moment (its file stays where its ID puts it). */
const moveContact = (root: string, id: string, at: string) => {
  const file = join(root, indexPathOf(id));
  writeFileSync(file, readFileSync(file, "utf8").replace(/^at: .*$/m, `at: ${at}`));
};

describe("the reviews from the index are the reviews from the files", () => {
  it("monthly and annual, past and running, Chinese and English, text and JSON, with a customer changed after the period, a waiver, events and a broken file", async () => {
    const root = testStore({ ...indexStore(), ...OCTOBER_CHANGED }, { settings: INDEX_SETTINGS, git: false });
    generate(root, { customers: 60, tickets: 400, contacts: 900, seed: 7 });
    const reads: { args: string[]; now: string; env?: Record<string, string> }[] = [];
    for (const env of [{ AFTERCARE_LOCALE: "" }, { AFTERCARE_LOCALE: "en" }]) {
      for (const p of ["2026-10", "2026-09", "2026-11", "2025-12"])
        reads.push({ args: ["report", "monthly", p], now: INDEX_NOW, env });
      for (const y of ["2025", "2026"]) reads.push({ args: ["report", "annual", y], now: INDEX_NOW, env });
    }
    reads.push({ args: ["report", "monthly", "2026-10", "--json"], now: INDEX_NOW });
    reads.push({ args: ["report", "annual", "2025", "--locale", "en", "--json"], now: INDEX_NOW });
    // a replayed day: mid-November, and the last second of October (the period not yet over)
    reads.push({
      args: ["report", "monthly", "2026-10"],
      now: "2026-11-15T09:00:00+08:00",
      env: { AFTERCARE_LOCALE: "" },
    });
    reads.push({ args: ["report", "monthly", "2026-10", "--locale", "en"], now: "2026-10-31T23:59:59+08:00" });
    // the first read builds the index; every read after it answers from it
    await cli(root, ["due"], { now: INDEX_NOW, as: "" });
    expect(existsSync(join(root, ".aftercare", "index.sqlite"))).toBe(true);
    for (const r of reads) {
      const { indexed, full } = await both(root, r.args, r.now, r.env);
      const label = `${r.args.join(" ")} at ${r.now} ${JSON.stringify(r.env ?? {})}`;
      expect(full.code, label).toBe(0);
      expect(indexed.stdout, label).toBe(full.stdout);
      expect(sorted(indexed.stderr), label).toBe(sorted(full.stderr));
      expect(indexed.code, label).toBe(0);
      // the broken file is named in both, in the language of what is shown
      const chinese = r.env?.AFTERCARE_LOCALE === "" && !r.args.includes("--locale");
      expect(full.stderr, label).toContain(
        chinese
          ? "警告：有 1 个联系记录文件无法读取，已略去（第一个：contacts/2026/10/K-261015-0104.yaml:"
          : "warning: 1 contact file could not be read and is left out (first: contacts/2026/10/K-261015-0104.yaml:",
      );
    }
    // what the changes did is there to see: October's end had the escalation, the cancelled
    // ticket's duties and the open day's calls overdue; now those calls are missed, one waived
    const oct = await both(root, ["report", "monthly", "2026-10", "--json"], INDEX_NOW);
    const view = JSON.parse(oct.indexed.stdout) as {
      overdue_at_end: { name: string | null; duties: { key: string; state: string }[] }[];
      compliance: { rules: { rule: string; waived: number }[] };
    };
    const overdueKeys = view.overdue_at_end.flatMap((p) => p.duties.map((d) => d.key));
    expect(overdueKeys).toEqual(
      expect.arrayContaining([
        "R-ESC-1DAY:T-261029-0101",
        "R-ANSWER-SAME-DAY:T-261027-0105",
        "R-ESC-1DAY:T-261026-0102",
        `R-EVENT-NOTICE:E-261008-EV02:${ACME}:call`,
      ]),
    );
    expect(view.compliance.rules.find((r) => r.rule === "R-EVENT-NOTICE")).toMatchObject({ waived: 1, open: 0 });
    // and a month later the cancelled ticket's open duties are gone from the duties of now
    const due = await cli(root, ["due", "--json"], { now: INDEX_NOW, as: "" });
    expect(due.stdout).not.toContain("T-261026-0102");
  });
});

describe("the reviews from the index after the files changed behind its back", () => {
  it("in a zone with daylight saving, after a hand edit moves a follow-up across a month's end, and after a pull; done duties as the index counts them", async () => {
    // Berlin: the clocks go forward on 2026-03-29 and back on 2026-10-25; a time written at +08:00
    // falls on another day there near midnight
    const settings = INDEX_SETTINGS.replace("timezone: Asia/Shanghai", "timezone: Europe/Berlin");
    const origin = testStore({ ...indexStore(), ...OCTOBER_CHANGED }, { settings });
    const made = generate(origin, { customers: 40, tickets: 260, contacts: 600, seed: 11 });
    git(origin, "add", "-A");
    git(origin, "-c", "user.name=setup", "-c", "user.email=setup@example.com", "commit", "--quiet", "-m", "records");
    const root = join(tempDir(), "desk");
    git(origin, "clone", "--quiet", origin, root);
    // the large store's way: git names what changed (AFTERCARE_FULL_STAT_FILES=0)
    const env = { AFTERCARE_LOCALE: "", AFTERCARE_FULL_STAT_FILES: "0" };
    await cli(root, ["due"], { now: INDEX_NOW, as: "", env });
    const built = await sameReviews(root, "as built", env);
    // a follow-up that did R-FOLLOWUP-2 in one month moved by hand to the first half-hour of the
    // next (Berlin), then to the last of October: its duty done late, or on another month's count
    const [moved, other] = made.secondFollowUps;
    moveContact(root, moved!.contact, "2026-11-01T00:30:00+01:00");
    const edited = await sameReviews(root, "after a hand edit to 11-01 00:30 Berlin", env);
    // November has one call more, and the month the call left one fewer (or its duty done late)
    const calls = (text: string | undefined) =>
      /^\| (?:电话 \/ 信函|Calls \/ letters) \| ([\d,]+) /m.exec(text ?? "")?.[1];
    const nov = "report monthly 2026-11";
    expect(Number(calls(edited.get(nov)))).toBe(Number(calls(built.get(nov))) + 1);
    moveContact(root, moved!.contact, "2026-11-01T06:30:00+08:00");
    await sameReviews(root, "after a hand edit to 10-31 23:30 Berlin (written at +08:00)", env);
    git(root, "checkout", "--quiet", "--", ".");
    // another desk moves a follow-up to the hour the clocks went back, and it comes by a pull
    moveContact(origin, other!.contact, "2026-10-25T02:30:00+01:00");
    git(origin, "-c", "user.name=陈静", "-c", "user.email=c@example.com", "commit", "--quiet", "-am", "moved");
    git(root, "pull", "--quiet", "--ff-only");
    await sameReviews(root, "after a pull", env);
  });
});

interface ReviewJson {
  overdue_at_end: { name: string | null; duties: { key: string; assignee: string | null }[] }[];
}
const overdueKeys = (json: string) =>
  (JSON.parse(json) as ReviewJson).overdue_at_end.flatMap((p) => p.duties.map((d) => d.key));

/** The reviews of past periods the index keeps the ends of, each read both ways, byte for byte. */
async function samePast(root: string, when: string, env: Record<string, string>, lang?: string) {
  const out = new Map<string, string>();
  const reads = [
    ["report", "monthly", "2026-10", "--json"],
    ["report", "monthly", "2026-09", "--json"],
    ["report", "monthly", "2026-10"],
    ["report", "annual", "2025"],
  ];
  if (lang) for (const r of reads) r.push("--locale", lang);
  for (const args of reads) {
    const { indexed, full } = await both(root, args, INDEX_NOW, env);
    const label = `${args.join(" ")} ${when}`;
    expect(full.code, label).toBe(0);
    expect(indexed.stdout, label).toBe(full.stdout);
    expect(sorted(indexed.stderr), label).toBe(sorted(full.stderr));
    out.set(args.join(" "), full.stdout);
  }
  return {
    json: out.get(reads[0]!.join(" "))!,
    oct: overdueKeys(out.get(reads[0]!.join(" "))!),
    sep: overdueKeys(out.get(reads[1]!.join(" "))!),
  };
}

/** What the index keeps of past periods' ends (review-cache.ts): periods kept under a key, and customers' duties per period. */
function kept(root: string): { periods: number; customers: Set<string> } {
  const db = new Database(join(root, ".aftercare", "index.sqlite"), { readonly: true });
  try {
    const periods = (db.prepare("SELECT count(*) AS n FROM review_period WHERE key != ''").get() as { n: number }).n;
    const customers = new Set(db.prepare("SELECT grp FROM review_found").pluck().all() as string[]);
    return { periods, customers };
  } finally {
    db.close();
  }
}

describe("the ends of past periods the index keeps are found again when what they come from changed", () => {
  it("after a hand edit, a pull, a waiver, a holiday, an absence and another language; only the changed customers again", async () => {
    const origin = testStore({ ...indexStore(), ...OCTOBER_CHANGED }, { settings: INDEX_SETTINGS });
    const made = generate(origin, { customers: 40, tickets: 300, contacts: 700, seed: 5 });
    git(origin, "add", "-A");
    git(origin, "-c", "user.name=setup", "-c", "user.email=setup@example.com", "commit", "--quiet", "-m", "records");
    const root = join(tempDir(), "desk");
    git(origin, "clone", "--quiet", origin, root);
    const env = { AFTERCARE_LOCALE: "", AFTERCARE_FULL_STAT_FILES: "0" };
    await cli(root, ["due"], { now: INDEX_NOW, as: "", env });
    const built = await samePast(root, "as built", env);
    // the index keeps October's, September's and 2025's ends (the running month's is never kept)
    const before = kept(root);
    expect(before.periods).toBe(3);
    expect(before.customers.size).toBeGreaterThan(3);
    // second follow-ups that did R-FOLLOWUP-2 early in a month: undone at that month's end if moved or gone
    const early = (month: string) =>
      made.secondFollowUps.filter((f) => f.contact.startsWith(`K-${month}`) && f.contact.slice(6, 8) <= "15");
    const [octFu] = early("2610");
    const [sepFu] = early("2609").filter((f) => f.customer !== octFu!.customer);
    const octKey = `R-FOLLOWUP-2:${octFu!.ticket}`;
    const sepKey = `R-FOLLOWUP-2:${sepFu!.ticket}`;
    expect(built.oct).not.toContain(octKey);
    expect(built.sep).not.toContain(sepKey);

    // a hand edit in a past month: October's follow-up made only on 11-04 instead
    moveContact(root, octFu!.contact, "2026-11-04T10:00:00+08:00");
    const edited = await samePast(root, "after a hand edit", env);
    expect(edited.oct).toContain(octKey);
    // the other customers' October ends were kept, not found again
    const after = kept(root);
    expect(after.periods).toBe(3);
    for (const c of [...before.customers].filter((c) => c !== octFu!.customer)) expect(after.customers).toContain(c);

    // a customer renamed by hand: October's customers served most (looked up by ID) say the new name
    const top = (json: string) => (JSON.parse(json) as { top_customers: { id: string; name: string }[] }).top_customers;
    const [first] = top(edited.json);
    const customerFile = join(root, pathOf(first!.id));
    writeFileSync(
      customerFile,
      readFileSync(customerFile, "utf8").replace(/^name: .*$/m, "name: 改名客户 Renamed Ltd"),
    );
    const renamed = await samePast(root, "after a customer was renamed", env);
    expect(top(renamed.json).find((c) => c.id === first!.id)?.name).toBe("改名客户 Renamed Ltd");

    // a pull: another desk removes September's follow-up
    git(origin, "rm", "--quiet", indexPathOf(sepFu!.contact));
    git(origin, "-c", "user.name=陈静", "-c", "user.email=c@example.com", "commit", "--quiet", "-m", "removed");
    git(root, "pull", "--quiet", "--ff-only");
    const pulled = await samePast(root, "after a pull", env);
    expect(pulled.sep).toContain(sepKey);
    expect(pulled.oct).toContain(octKey);

    // a waiver the supervisor wrote in October excuses the moved follow-up at October's end
    const waiver = join(root, indexPathOf("W-261031-0201"));
    mkdirSync(dirname(waiver), { recursive: true });
    writeFileSync(
      waiver,
      `duty: ${octKey}\nreason: 客户出国，约定回国后回访\nby: 周敏\nat: 2026-10-31T12:00:00+08:00\n`,
    );
    const waived = await samePast(root, "after a waiver", env);
    expect(waived.oct).not.toContain(octKey);
    expect(waived.sep).toContain(sepKey);

    // a holiday added at October's end: the escalation received on 10-29 was due only on 11-02
    const settingsFile = join(root, "aftercare.yaml");
    const settings = readFileSync(settingsFile, "utf8");
    expect(built.oct).toContain("R-ESC-1DAY:T-261029-0101");
    writeFileSync(
      settingsFile,
      settings.replace(
        "    - { name: 国庆节",
        "    - { name: 调休, from: 2026-10-30, to: 2026-10-30 }\n    - { name: 国庆节",
      ),
    );
    const holiday = await samePast(root, "after a holiday", env);
    expect(holiday.oct).not.toContain("R-ESC-1DAY:T-261029-0101");

    // Tom Baker away over October's end: his overdue duties then were 陈静's (R-COVER), not found again
    writeFileSync(
      settingsFile,
      settings.replace(
        "  - name: Tom Baker\n    role: clerk\n",
        "  - name: Tom Baker\n    role: clerk\n    absences:\n      - { from: 2026-10-30, to: 2026-11-02, cover: 陈静 }\n",
      ),
    );
    const away = await samePast(root, "after an absence", env);
    expect(away.oct).toContain("R-ESC-1DAY:T-261029-0101");
    const people = (await cli(root, ["report", "monthly", "2026-10", "--json"], { now: INDEX_NOW, as: "", env }))
      .stdout;
    expect((JSON.parse(people) as ReviewJson).overdue_at_end.map((p) => p.name)).not.toContain("Tom Baker");
    expect(kept(root).periods).toBe(3);

    // in another language (the index finds every duty again in it), and the store's language changed to English
    const english = await samePast(root, "with --locale en", env, "en");
    expect(english.oct).toContain("R-ESC-1DAY:T-261029-0101");
    expect(kept(root).periods).toBe(3);
    writeFileSync(settingsFile, settings.replace("locale: zh-CN", "locale: en"));
    await samePast(root, "in English", { ...env, AFTERCARE_LOCALE: "" });
  });
});
