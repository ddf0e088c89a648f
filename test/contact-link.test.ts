// Calls find their ticket (issue 10, item 3): a call logged without --ticket is linked to the
// ticket whose open duty it closes; contacts are linked, unlinked and corrected afterwards, each
// change one commit that says which duties the contact now closes. Real git, a pinned clock.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { testIO } from "../src/io.js";
import { scripted, type ScriptedAnswer } from "../src/prompt.js";
import { cleanEnv, cli, commits, testStore } from "./helpers.js";

const PUMPS = "C-261001-AAAA";
const WERK = "C-261001-BBBB";
const T1 = "T-261102-AAAA"; // resolved and closed; its first follow-up was on 11-02
const T2 = "T-261102-BBBB"; // still on site; its first follow-up was on 11-02 too
const T3 = "T-261103-CCCC"; // the other customer's
const FU1 = "K-261102-AAAA";
const FU2 = "K-261102-BBBB";
const ANSWER = "K-261103-AAAA";
const PLANNED = "K-261020-AAAA";

const customer = (name: string) =>
  `name: ${name}\ncontacts:\n  - name: Hans Weber\n    phones:\n      - "+49 30 1234567"\ncreated: 2026-10-01T09:00:00+08:00\n`;
const ticket = (cust: string, problem: string, closed: boolean) => `customer: ${cust}
received: 2026-11-02T09:00:00+08:00
filed: 2026-11-02T09:05:00+08:00
channel: phone
kind: repair
problem: ${problem}
status: ${closed ? "closed" : "onsite"}
assignee: 王芳
escalation:
  to: 赵工
  at: 2026-11-02T09:30:00+08:00
dispatch:
  technician: 李强
  at: 2026-11-02T10:00:00+08:00
  depart: 2026-11-02T13:00:00+08:00
  arrive: 2026-11-02T15:00:00+08:00
${closed ? "resolution:\n  at: 2026-11-03T16:00:00+08:00\n  note: Replaced the seal\nclosed: 2026-11-04T09:00:00+08:00\n" : ""}`;
const call = (cust: string, t: string | undefined, at: string, purpose: string, summary: string, extra = "") =>
  `customer: ${cust}\n${t ? `ticket: ${t}\n` : ""}at: ${at}\nchannel: call\ndirection: out\npurpose: ${purpose}\nstaff: 王芳\nsummary: ${summary}\n${extra}`;

const BASE = {
  [`customers/${PUMPS}.yaml`]: customer("Acme Pumps GmbH"),
  [`customers/${WERK}.yaml`]: customer("Berliner Werkzeug AG"),
  [`tickets/2026/11/${T1}.yaml`]: ticket(PUMPS, "Pump leaks", true),
  [`contacts/2026/11/${FU1}.yaml`]: call(
    PUMPS,
    T1,
    "2026-11-02T11:00:00+08:00",
    "followup",
    "Technician leaves 13:00, arrives 15:00",
  ),
  [`contacts/2026/11/${ANSWER}.yaml`]: call(
    PUMPS,
    T1,
    "2026-11-03T16:30:00+08:00",
    "other",
    "Told them the seal was replaced",
  ),
  [`tickets/2026/11/${T3}.yaml`]: ticket(WERK, "Drill press stalls", false).replace(
    "2026-11-02T09:0",
    "2026-11-03T09:0",
  ),
};
/** a second ticket of the same customer, in the same follow-up window */
const TWO = {
  ...BASE,
  [`tickets/2026/11/${T2}.yaml`]: ticket(PUMPS, "Second pump rattles", false),
  [`contacts/2026/11/${FU2}.yaml`]: call(PUMPS, T2, "2026-11-02T11:30:00+08:00", "followup", "Technician on his way"),
};

const DAY10 = "2026-11-10T10:00:00+08:00";
const read = (root: string, rel: string) => readFileSync(join(root, rel), "utf8");
const contactFile = (id: string) => `contacts/20${id.slice(2, 4)}/${id.slice(4, 6)}/${id}.yaml`;
const followup = [
  "call",
  "log",
  "--customer",
  PUMPS,
  "--direction",
  "out",
  "--purpose",
  "followup",
  "--summary",
  "Pump runs well since the repair",
];

async function atTerminal(root: string, args: string[], answers: ScriptedAnswer[], now = DAY10) {
  const io = testIO({ tty: true });
  const prompter = scripted(answers);
  const code = await main(args, {
    io,
    env: cleanEnv({ AFTERCARE_USER: "王芳", AFTERCARE_NOW: now }),
    cwd: root,
    clock: () => new Date(),
    prompter,
  });
  return { code, stdout: io.stdout(), stderr: io.stderr(), asked: prompter.asked, left: answers };
}

describe("call log finds the ticket the call answers", () => {
  it("a follow-up call after the ticket is closed links to it and closes R-FOLLOWUP-2", async () => {
    const root = testStore(BASE);
    const r = await cli(root, followup, { now: DAY10 });
    expect(r.code, r.stderr).toBe(0);
    const k = r.stdout.trim();
    expect(k).toMatch(/^K-261110-[0-9A-Z]{4}$/);
    expect(r.stderr).toBe(
      `logged outbound followup call ${k} with Acme Pumps GmbH\nlinked to ${T1}; closes R-FOLLOWUP-2\n`,
    );
    expect(read(root, contactFile(k))).toBe(
      `customer: ${PUMPS}\nticket: ${T1}\nat: ${DAY10}\nchannel: call\ndirection: out\npurpose: followup\nstaff: 王芳\nsummary: Pump runs well since the repair\n`,
    );
    expect(commits(root)[0]).toMatchObject({
      subject: `call ${k} logged (outbound followup, ${T1}) — Acme Pumps GmbH`,
      author: "王芳",
    });
    const show = await cli(root, ["ticket", "show", T1, "--json"], { now: DAY10 });
    expect(JSON.stringify(JSON.parse(show.stdout))).toContain(k);
  });

  it("says so in the store's language", async () => {
    const root = testStore(BASE);
    const r = await cli(root, followup, { now: DAY10, env: { AFTERCARE_LOCALE: "zh-CN" } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split("\n")[1]).toBe(`已关联 ${T1}；完成 R-FOLLOWUP-2`);
  });

  it("a call that closes nothing of any ticket stays unlinked, as before", async () => {
    const root = testStore(BASE);
    // day 5 after the first follow-up: too early for the second
    const r = await cli(root, followup, { now: "2026-11-07T10:00:00+08:00" });
    expect(r.code, r.stderr).toBe(0);
    const k = r.stdout.trim();
    expect(r.stderr).toBe(`logged outbound followup call ${k} with Acme Pumps GmbH\n`);
    expect(read(root, contactFile(k))).not.toContain("ticket:");
  });

  it("two candidate tickets without a terminal: recorded unlinked, the candidates and the commands named", async () => {
    const root = testStore(TWO);
    const r = await cli(root, followup, { now: DAY10 });
    expect(r.code, r.stderr).toBe(0);
    const k = r.stdout.trim();
    expect(r.stderr).toBe(
      [
        `logged outbound followup call ${k} with Acme Pumps GmbH`,
        `${k} could answer 2 tickets; it was recorded without a ticket. Link it with one of:`,
        `  aftercare contact link ${k} --ticket ${T1}   # closes R-FOLLOWUP-2`,
        `  aftercare contact link ${k} --ticket ${T2}   # closes R-FOLLOWUP-2`,
        "",
      ].join("\n"),
    );
    expect(read(root, contactFile(k))).not.toContain("ticket:");
    expect(commits(root)[0]!.subject).toBe(`call ${k} logged (outbound followup) — Acme Pumps GmbH`);
  });

  it("two candidate tickets at a terminal: asks which, with what each would close, or none", async () => {
    const root = testStore(TWO);
    const r = await atTerminal(root, followup, ["", "", T2]);
    expect(r.code, r.stderr).toBe(0);
    // every flag was given: the ticket is asked, after satisfaction and the next contact (both left empty)
    expect(r.asked).toEqual([
      "Customer's satisfaction, 1 (poor) to 5 (excellent) (optional)",
      "Next contact planned for (YYYY-MM-DD; empty for none)",
      "Ticket the call answers",
    ]);
    const k = r.stdout.trim();
    expect(r.stderr).toBe(
      `logged outbound followup call ${k} with Acme Pumps GmbH\nlinked to ${T2}; closes R-FOLLOWUP-2\n`,
    );
    expect(read(root, contactFile(k))).toContain(`ticket: ${T2}\n`);

    const fresh = testStore(TWO);
    const none = await atTerminal(fresh, followup, ["", "", "none"]);
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toBe(`logged outbound followup call ${none.stdout.trim()} with Acme Pumps GmbH\n`);
    expect(read(fresh, contactFile(none.stdout.trim()))).not.toContain("ticket:");
  });

  it("an event's phone notice links the event it answers", async () => {
    const root = testStore({
      ...BASE,
      "events/E-261101-AAAA.yaml":
        "title: Customer day\ndate: 2026-12-12\nkind: gathering\naudience: all\nowner: 王芳\ncreated: 2026-11-01T09:00:00+08:00\n",
    });
    const r = await cli(
      root,
      [
        "call",
        "log",
        "--customer",
        PUMPS,
        "--direction",
        "out",
        "--purpose",
        "notice",
        "--summary",
        "Invited them to the customer day",
      ],
      { now: "2026-11-24T10:00:00+08:00" },
    );
    expect(r.code, r.stderr).toBe(0);
    const k = r.stdout.trim();
    expect(r.stderr.split("\n")[1]).toBe("linked to E-261101-AAAA; closes R-EVENT-NOTICE");
    expect(read(root, contactFile(k))).toContain("event: E-261101-AAAA\n");
  });

  it("a follow-up call is not taken for an event's notice it may not have mentioned", async () => {
    const root = testStore({
      ...BASE,
      "events/E-261101-AAAA.yaml":
        "title: Customer day\ndate: 2026-11-24\nkind: gathering\naudience: all\nowner: 王芳\ncreated: 2026-11-01T09:00:00+08:00\n",
    });
    const r = await cli(root, followup, { now: DAY10 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split("\n")[1]).toBe(`linked to ${T1}; closes R-FOLLOWUP-2`);
    expect(read(root, contactFile(r.stdout.trim()))).not.toContain("event:");
  });
});

describe("the ticket question at a terminal", () => {
  it("offers the closed ticket whose follow-up is due, first and by default, then asks satisfaction and the next contact", async () => {
    const root = testStore(BASE);
    let offered: string[] = [];
    const prompter = scripted([
      "Acme",
      undefined,
      "out",
      undefined,
      "Pump runs well",
      "5",
      "2027-04-15",
      "Maintenance before the season",
    ]);
    const select = prompter.select.bind(prompter);
    prompter.select = async (q) => {
      if (q.message === "Ticket the call is about") offered = q.choices.map((c) => c.name);
      return select(q);
    };
    const io = testIO({ tty: true });
    const code = await main(["call", "log"], {
      io,
      env: cleanEnv({ AFTERCARE_USER: "王芳", AFTERCARE_NOW: DAY10 }),
      cwd: root,
      clock: () => new Date(),
      prompter,
    });
    expect(code, io.stderr()).toBe(0);
    expect(prompter.asked).toEqual([
      "Customer (name, pinyin, contact or phone)",
      "Ticket the call is about",
      "Who called",
      "What the call was for",
      "Key points of the conversation",
      "Customer's satisfaction, 1 (poor) to 5 (excellent) (optional)",
      "Next contact planned for (YYYY-MM-DD; empty for none)",
      "Next contact: what it is about",
    ]);
    // the closed ticket is offered for its open duties, with the most urgent of them
    expect(offered).toHaveLength(2);
    expect(offered[0]).toMatch(new RegExp(`^${T1} Pump leaks \\(closed\\) — R-[A-Z0-9-]+ (due|overdue)$`));
    expect(offered[1]).toBe("none");
    const k = io.stdout().trim();
    expect(read(root, contactFile(k))).toBe(
      `customer: ${PUMPS}\nticket: ${T1}\nat: ${DAY10}\nchannel: call\ndirection: out\npurpose: followup\nstaff: 王芳\nsummary: Pump runs well\nsatisfaction: 5\nnext:\n  date: 2027-04-15\n  topic: Maintenance before the season\n`,
    );
  });

  it("offers closed and open tickets with open duties, not a closed one whose duties are all done", async () => {
    const done = "T-261020-DDDD";
    const old = ticket(PUMPS, "Old valve", true)
      .replace(/2026-11-0(\d)T/g, "2026-10-2$1T")
      .replace(/dispatch:[\s\S]*?(?=resolution:)/, "");
    const root = testStore({
      ...TWO,
      [`tickets/2026/10/${done}.yaml`]: old,
      [`contacts/2026/10/K-261023-AAAA.yaml`]: call(PUMPS, done, "2026-10-23T16:30:00+08:00", "other", "Told them"),
      // a plan for later, of the customer rather than of a ticket: the closed ticket needs no other
      [`contacts/2026/10/K-261023-BBBB.yaml`]: call(
        PUMPS,
        undefined,
        "2026-10-23T16:40:00+08:00",
        "followup",
        "Planned the winter check",
        "next:\n  date: 2026-12-20\n  topic: Winter check\n",
      ),
    });
    let offered: string[] = [];
    const prompter = scripted(["Acme", T2, "out", undefined, "ok", "", ""]);
    const select = prompter.select.bind(prompter);
    prompter.select = async (q) => {
      if (q.message === "Ticket the call is about") offered = q.choices.map((c) => String(c.value));
      return select(q);
    };
    const io = testIO({ tty: true });
    const code = await main(["call", "log"], {
      io,
      env: cleanEnv({ AFTERCARE_USER: "王芳", AFTERCARE_NOW: DAY10 }),
      cwd: root,
      clock: () => new Date(),
      prompter,
    });
    expect(code, io.stderr()).toBe(0);
    expect([...offered].sort()).toEqual(["", T1, T2].sort());
    expect(read(root, contactFile(io.stdout().trim()))).toContain(`ticket: ${T2}\n`);
  });

  it("the optional questions may stay empty", async () => {
    const root = testStore(BASE);
    const r = await atTerminal(
      root,
      ["call", "log", "--customer", PUMPS, "--ticket", T1, "--direction", "out", "--purpose", "followup"],
      ["ok", "", ""],
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.asked).toEqual([
      "Key points of the conversation",
      "Customer's satisfaction, 1 (poor) to 5 (excellent) (optional)",
      "Next contact planned for (YYYY-MM-DD; empty for none)",
    ]);
    const text = read(root, contactFile(r.stdout.trim()));
    expect(text).not.toContain("satisfaction");
    expect(text).not.toContain("next:");
  });
});

describe("call log and letter log: --told, --plan, --next-date", () => {
  it("--told marks an inbound call; refused on an outbound one", async () => {
    const root = testStore(BASE);
    const ok = await cli(
      root,
      [
        "call",
        "log",
        "--ticket",
        T1,
        "--direction",
        "in",
        "--purpose",
        "consult",
        "--summary",
        "Asked what was done; told them",
        "--told",
      ],
      { now: DAY10 },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(read(root, contactFile(ok.stdout.trim()))).toContain(
      "purpose: consult\nstaff: 王芳\nsummary: Asked what was done; told them\ntold: true\n",
    );
    const out = await cli(
      root,
      ["call", "log", "--ticket", T1, "--direction", "out", "--purpose", "followup", "--summary", "x", "--told"],
      { now: DAY10 },
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^--told marks an inbound call .*; nothing was written\n$/);
    expect(commits(root)).toHaveLength(2);
  });

  it("--plan names the planned contact this one carries out, of the same customer", async () => {
    const root = testStore({
      ...BASE,
      [`contacts/2026/10/${PLANNED}.yaml`]: call(
        PUMPS,
        undefined,
        "2026-10-20T10:00:00+08:00",
        "followup",
        "All well",
        "next:\n  date: 2026-11-10\n  topic: Offer the winter package\n",
      ),
    });
    const r = await cli(
      root,
      [
        "call",
        "log",
        "--customer",
        PUMPS,
        "--direction",
        "out",
        "--purpose",
        "followup",
        "--summary",
        "Offered the winter package",
        "--ticket",
        T1,
        "--plan",
        "K-261020",
      ],
      { now: DAY10 },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(read(root, contactFile(r.stdout.trim()))).toContain(
      `summary: Offered the winter package\nplan: ${PLANNED}\n`,
    );
    const letter = await cli(
      root,
      ["letter", "log", "--customer", PUMPS, "--kind", "notice", "--subject", "Winter package", "--plan", PLANNED],
      { now: DAY10 },
    );
    expect(letter.code, letter.stderr).toBe(0);
    expect(read(root, contactFile(letter.stdout.trim()))).toContain(`plan: ${PLANNED}\n`);
    const other = await cli(
      root,
      ["letter", "log", "--customer", WERK, "--kind", "notice", "--subject", "Winter package", "--plan", PLANNED],
      { now: DAY10 },
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toBe(`--plan ${PLANNED} belongs to customer ${PUMPS}, not to ${WERK}; nothing was written\n`);
    const unplanned = await cli(
      root,
      ["letter", "log", "--customer", PUMPS, "--kind", "notice", "--subject", "x", "--plan", FU1],
      { now: DAY10 },
    );
    expect(unplanned.code).toBe(2);
    expect(unplanned.stderr).toContain(`--plan ${FU1} planned no next contact`);
  });

  it("--next-date before today is refused; today is fine", async () => {
    const root = testStore(BASE);
    const past = await cli(root, [...followup, "--ticket", T1, "--next-date", "2026-11-09", "--next-topic", "x"], {
      now: DAY10,
    });
    expect(past.code).toBe(2);
    expect(past.stderr).toBe(
      "--next-date 2026-11-09 is before today (2026-11-10): a planned next contact cannot be in the past; nothing was written\n",
    );
    const today = await cli(root, [...followup, "--ticket", T1, "--next-date", "today", "--next-topic", "x"], {
      now: "2026-11-10T23:30:00+08:00",
    });
    expect(today.code, today.stderr).toBe(0);
    expect(commits(root)).toHaveLength(2);
  });
});

describe("contact link, unlink and edit", () => {
  it("link and unlink: one commit each, saying which duties the contact now closes", async () => {
    const root = testStore(TWO);
    const k = (await cli(root, followup, { now: DAY10 })).stdout.trim();
    const before = read(root, contactFile(k));

    const link = await cli(root, ["contact", "link", k.slice(0, 11), "--ticket", T2], { now: DAY10 });
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toBe(`${k}\n`);
    expect(link.stderr).toBe(`contact ${k} linked to ${T2}; closes R-FOLLOWUP-2 (${T2})\n`);
    expect(read(root, contactFile(k))).toBe(
      before.replace(`customer: ${PUMPS}\n`, `customer: ${PUMPS}\nticket: ${T2}\n`),
    );
    expect(commits(root)[0]).toMatchObject({
      subject: `contact ${k} linked to ${T2} — Acme Pumps GmbH`,
      author: "王芳",
      body: expect.stringContaining(`Aftercare-Command: aftercare contact link ${k.slice(0, 11)} --ticket ${T2}`),
    });

    const relink = await cli(root, ["contact", "link", k, "--ticket", T1], { now: DAY10 });
    expect(relink.code, relink.stderr).toBe(0);
    expect(relink.stderr).toBe(
      `contact ${k} linked to ${T1} (was ${T2}); closes R-FOLLOWUP-2 (${T1}); no longer closes R-FOLLOWUP-2 (${T2})\n`,
    );

    const unlink = await cli(root, ["contact", "unlink", k], { now: DAY10 });
    expect(unlink.code, unlink.stderr).toBe(0);
    expect(unlink.stderr).toBe(
      `contact ${k} unlinked from ${T1}; closes no duty; no longer closes R-FOLLOWUP-2 (${T1})\n`,
    );
    expect(read(root, contactFile(k))).toBe(before);
    expect(
      commits(root)
        .map((c) => c.subject)
        .slice(0, 3),
    ).toEqual([
      `contact ${k} unlinked from ${T1} — Acme Pumps GmbH`,
      `contact ${k} linked to ${T1} (was ${T2}) — Acme Pumps GmbH`,
      `contact ${k} linked to ${T2} — Acme Pumps GmbH`,
    ]);

    const again = await cli(root, ["contact", "unlink", k], { now: DAY10 });
    expect([again.code, again.stderr]).toEqual([0, `contact ${k} is already so; nothing was written\n`]);
    expect(commits(root)).toHaveLength(5);
  });

  it("refuses a ticket of another customer, and a link with nothing to link", async () => {
    const root = testStore(BASE);
    const r = await cli(root, ["contact", "link", FU1, "--ticket", T3], { now: DAY10 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `ticket ${T3} belongs to customer ${WERK}, and contact ${FU1} to ${PUMPS}: a contact is linked only to its own customer's tickets; nothing was written\n`,
    );
    const none = await cli(root, ["contact", "link", FU1], { now: DAY10 });
    expect(none.code).toBe(2);
    expect(commits(root)).toHaveLength(1);
    expect(read(root, contactFile(FU1))).toBe(BASE[`contacts/2026/11/${FU1}.yaml`]);
  });

  it("edit keeps the file's layout and comments, commits, and says what the contact no longer closes", async () => {
    const second = "K-261110-AAAA";
    const file = `# entered from the paper call record\n${call(PUMPS, T1, DAY10, "followup", "Running well")}`;
    const root = testStore({ ...BASE, [contactFile(second)]: file });
    const r = await cli(
      root,
      ["contact", "edit", second, "--at", "2026-11-08 10:00", "--person", "Hans Weber", "--satisfaction", "4"],
      { now: DAY10 },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      `contact ${second} changed: at, person, satisfaction; closes no duty; no longer closes R-FOLLOWUP-2 (${T1})\n`,
    );
    expect(read(root, contactFile(second))).toBe(
      file
        .replace(`at: ${DAY10}`, "at: 2026-11-08T10:00:00+08:00")
        .replace("staff: 王芳\n", "staff: 王芳\nperson: Hans Weber\n") + "satisfaction: 4\n",
    );
    expect(commits(root)[0]).toMatchObject({
      subject: `contact ${second} edited (at, person, satisfaction) — Acme Pumps GmbH`,
      author: "王芳",
    });

    const back = await cli(root, ["contact", "edit", second, "--at", "2026-11-10 10:00"], { now: DAY10 });
    expect(back.stderr).toBe(`contact ${second} changed: at; closes R-FOLLOWUP-2 (${T1})\n`);
  });

  it("edit --told only on an inbound call; --not-told removes it", async () => {
    const root = testStore(BASE);
    const out = await cli(root, ["contact", "edit", ANSWER, "--told"], { now: DAY10 });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(new RegExp(`^${ANSWER} is an outbound call: --told marks an inbound call`));
    const both = await cli(root, ["contact", "edit", ANSWER, "--told", "--not-told"], { now: DAY10 });
    expect(both.code).toBe(2);
    const told = await cli(root, ["contact", "edit", ANSWER, "--direction", "in", "--told"], { now: DAY10 });
    expect(told.code, told.stderr).toBe(0);
    expect(read(root, contactFile(ANSWER))).toContain(
      "direction: in\npurpose: other\nstaff: 王芳\nsummary: Told them the seal was replaced\ntold: true\n",
    );
    const flip = await cli(root, ["contact", "edit", ANSWER, "--direction", "out"], { now: DAY10 });
    expect(flip.code).toBe(2);
    expect(flip.stderr).toContain("add --not-told");
    const not = await cli(root, ["contact", "edit", ANSWER, "--direction", "out", "--not-told"], { now: DAY10 });
    expect(not.code, not.stderr).toBe(0);
    expect(read(root, contactFile(ANSWER))).toBe(BASE[`contacts/2026/11/${ANSWER}.yaml`]);
    expect(commits(root)).toHaveLength(3);
    const nothing = await cli(root, ["contact", "edit", ANSWER], { now: DAY10 });
    expect(nothing.code).toBe(2);
  });
});
