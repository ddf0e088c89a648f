// The reviews from the derived index are the reviews from the files (issue 12): every review read
// both ways, byte for byte, after the records changed behind the index's back in the ways a store
// changes: after the period, by hand, across a month's end, by a pull, in a zone with daylight saving.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
