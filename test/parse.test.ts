// Parse-only tests of every command: what is typed becomes the typed options of its run function,
// and nothing runs (no store, no git, no binary). The runner records (command, options) instead.
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { commandPath, type Runner } from "../src/commands/registry.js";
import { testIO } from "../src/io.js";

interface Parsed {
  code: number;
  calls: { command: string; options: unknown; bare?: true }[];
  globals: Record<string, unknown>[];
  stdout: string;
  stderr: string;
}

const rootOf = (cmd: Command): Command => (cmd.parent ? rootOf(cmd.parent) : cmd);

async function parse(argv: string[]): Promise<Parsed> {
  const io = testIO();
  const p: Omit<Parsed, "code" | "stdout" | "stderr"> = { calls: [], globals: [] };
  const runner: Runner = {
    run: (cmd, options) => {
      p.calls.push({ command: commandPath(cmd), options });
      p.globals.push(rootOf(cmd).opts());
      return Promise.resolve();
    },
    bare: (cmd, options) => {
      p.calls.push({ command: commandPath(cmd), options, bare: true });
      return Promise.resolve();
    },
  };
  const code = await main(argv, { io, env: {}, cwd: "/nowhere", clock: () => new Date(0) }, () => runner);
  return { ...p, code, stdout: io.stdout(), stderr: io.stderr() };
}

// [what is typed, the command it names, the options its run function gets]
const TABLE: [string[], string, Record<string, unknown>][] = [
  [
    ["init", "store", "--company", "华东机械维修", "--timezone", "Asia/Shanghai"],
    "init",
    { dir: "store", company: "华东机械维修", timezone: "Asia/Shanghai" },
  ],
  [["init", "--hooks"], "init", { dir: undefined, hooks: true }],
  [["init", "--server", "/srv/desk.git"], "init", { dir: undefined, server: "/srv/desk.git" }],
  [
    ["staff", "add", "王芳", "--role", "clerk", "--phone", "138 0000 1111"],
    "staff add",
    { name: "王芳", role: "clerk", phone: "138 0000 1111" },
  ],
  [["staff", "list"], "staff list", {}],
  [["staff", "followup", "Wang Fang"], "staff followup", { name: "Wang Fang" }],
  [
    ["staff", "absent", "李强", "--from", "下周一", "--to", "12/7", "--cover", "王芳"],
    "staff absent",
    { name: "李强", from: "下周一", to: "12/7", cover: "王芳" },
  ],
  [
    ["customer", "add", "华东机械", "--phone", "021-1234", "--phone", "138 0000 1111", "--tag", "vip"],
    "customer add",
    { name: "华东机械", phone: ["021-1234", "138 0000 1111"], tag: ["vip"] },
  ],
  [
    ["customer", "add", "--name", "Acme Ltd", "--allow-duplicate", "--vehicle", "沪A·12345"],
    "customer add",
    { name: "Acme Ltd", allowDuplicate: true, vehicle: ["沪A·12345"] },
  ],
  [["customer", "list", "--search", "华东"], "customer list", { search: "华东" }],
  [["customer", "show", "C-261101-AB12"], "customer show", { id: "C-261101-AB12" }],
  [
    ["customer", "edit", "华东", "--untag", "vip", "--untag", "east", "--name", "华东机械有限公司"],
    "customer edit",
    { id: "华东", untag: ["vip", "east"], name: "华东机械有限公司" },
  ],
  [
    [
      "ticket",
      "open",
      "--customer",
      "华东",
      "--problem",
      "机器不启动",
      "--kind",
      "repair",
      "--channel",
      "微信",
      "--received",
      "昨天 15:30",
    ],
    "ticket open",
    { customer: "华东", problem: "机器不启动", kind: "repair", channel: "微信", received: "昨天 15:30" },
  ],
  [
    ["ticket", "open", "--next-date", "2026-12-07", "--next-topic", "annual service", "--appointment", "tomorrow 9am"],
    "ticket open",
    { nextDate: "2026-12-07", nextTopic: "annual service", appointment: "tomorrow 9am" },
  ],
  [["ticket", "list"], "ticket list", {}],
  [
    ["ticket", "list", "--status", "open,escalated", "--assignee", "李强"],
    "ticket list",
    { status: "open,escalated", assignee: "李强" },
  ],
  [["ticket", "show", "T-261102-2MWC"], "ticket show", { id: "T-261102-2MWC" }],
  [
    ["ticket", "escalate", "T-1", "--to", "赵工", "--note", "参数不明", "--at", "上午9点"],
    "ticket escalate",
    { id: "T-1", to: "赵工", note: "参数不明", at: "上午9点" },
  ],
  [
    ["ticket", "dispatch", "T-1", "--technician", "李四", "--depart", "08:30", "--arrive", "09:15"],
    "ticket dispatch",
    { id: "T-1", technician: "李四", depart: "08:30", arrive: "09:15" },
  ],
  [
    ["ticket", "schedule", "T-1", "--date", "周一", "--reason", "technicians all out"],
    "ticket schedule",
    { id: "T-1", date: "周一", reason: "technicians all out" },
  ],
  [["ticket", "arrive", "T-1"], "ticket arrive", { id: "T-1" }],
  [["ticket", "resolve", "T-1", "--note", "换了保险丝"], "ticket resolve", { id: "T-1", note: "换了保险丝" }],
  [
    ["ticket", "close", "T-1", "--next-date", "12月7日", "--next-topic", "回访"],
    "ticket close",
    { id: "T-1", nextDate: "12月7日", nextTopic: "回访" },
  ],
  [
    ["ticket", "cancel", "T-1", "--reason", "customer withdrew"],
    "ticket cancel",
    { id: "T-1", reason: "customer withdrew" },
  ],
  [["ticket", "reopen", "T-1", "--note", "fault came back"], "ticket reopen", { id: "T-1", note: "fault came back" }],
  [
    ["ticket", "edit", "T-1", "--kind", "install", "--request", ""],
    "ticket edit",
    { id: "T-1", kind: "install", request: "" },
  ],
  [
    [
      "ticket",
      "intake",
      "T-1",
      "--plate",
      "沪A12345",
      "--key-tag",
      "17",
      "--belonging",
      "伞",
      "--belonging",
      "jack",
      "--damage",
      "左前门划痕",
    ],
    "ticket intake",
    { id: "T-1", plate: "沪A12345", keyTag: "17", belonging: ["伞", "jack"], damage: ["左前门划痕"] },
  ],
  [
    [
      "ticket",
      "estimate",
      "T-1",
      "--mode",
      "item",
      "--line",
      "换机油; labour=120.00",
      "--line",
      "brake pads; critical",
      "--diagnosis-fee",
      "80",
    ],
    "ticket estimate",
    { id: "T-1", mode: "item", line: ["换机油; labour=120.00", "brake pads; critical"], diagnosisFee: "80" },
  ],
  [
    ["ticket", "handover", "T-1", "--receiver", "老陈", "--promise", "明天 17:00"],
    "ticket handover",
    { id: "T-1", receiver: "老陈", promise: "明天 17:00" },
  ],
  [
    ["ticket", "promise", "T-1", "--promise", "12-09 12:00", "--reason", "parts late"],
    "ticket promise",
    { id: "T-1", promise: "12-09 12:00", reason: "parts late" },
  ],
  [
    ["ticket", "extra", "T-1", "--item", "刹车片", "--safety", "--amount", "480.00"],
    "ticket extra",
    { id: "T-1", item: "刹车片", safety: true, amount: "480.00" },
  ],
  [
    ["ticket", "answer", "T-1", "2", "--approved"],
    "ticket answer",
    { id: "T-1", no: "2", approved: true, via: "phone" },
  ],
  [
    ["ticket", "answer", "T-1", "1", "--declined", "--via", "sms", "--by", "Mrs Li"],
    "ticket answer",
    { id: "T-1", no: "1", declined: true, via: "sms", by: "Mrs Li" },
  ],
  [
    ["ticket", "progress", "T-1", "--note", "on track", "--finish", "16:00"],
    "ticket progress",
    { id: "T-1", note: "on track", finish: "16:00" },
  ],
  [
    ["ticket", "ready", "T-1", "--bill", "1280.00", "--missing", "雨伞"],
    "ticket ready",
    { id: "T-1", bill: "1280.00", missing: "雨伞" },
  ],
  [["ticket", "deliver", "T-1", "--paid", "1280.00"], "ticket deliver", { id: "T-1", paid: "1280.00" }],
  [
    [
      "call",
      "log",
      "--customer",
      "华东",
      "--direction",
      "out",
      "--purpose",
      "followup",
      "--request",
      "再派人",
      "--request",
      "send invoice",
      "--satisfaction",
      "4",
      "--told",
    ],
    "call log",
    {
      customer: "华东",
      direction: "out",
      purpose: "followup",
      request: ["再派人", "send invoice"],
      satisfaction: "4",
      told: true,
    },
  ],
  [["call", "edit", "K-1", "--not-told"], "call edit", { id: "K-1", notTold: true }],
  [
    ["letter", "log", "--ticket", "T-1", "--kind", "reply", "--sent", "昨天", "--subject", "回函"],
    "letter log",
    { ticket: "T-1", kind: "reply", sent: "昨天", subject: "回函" },
  ],
  [["contact", "link", "K-1", "--ticket", "T-1"], "contact link", { id: "K-1", ticket: "T-1" }],
  [["contact", "unlink", "K-1", "--event", "--plan"], "contact unlink", { id: "K-1", event: true, plan: true }],
  [
    ["contact", "edit", "K-1", "--summary", "说明了原因", "--at", "2026/12/07 08:55"],
    "contact edit",
    { id: "K-1", summary: "说明了原因", at: "2026/12/07 08:55" },
  ],
  [["check", "--staged"], "check", { staged: true }],
  [["reindex"], "reindex", {}],
  [["doctor", "--fix"], "doctor", { fix: true }],
  [["sync", "--restore"], "sync", { restore: true }],
  [
    ["resolve", "C-1", "--keep", "here:phones", "--keep", "there", "--set", "tags=[a, b]"],
    "resolve",
    { id: "C-1", keep: ["here:phones", "there"], set: ["tags=[a, b]"] },
  ],
  [["resolve"], "resolve", { id: undefined }],
  [["pre-push", "origin", "git@example.com:desk.git"], "pre-push", { remote: "origin" }],
  [["pre-push"], "pre-push", { remote: "origin" }],
  [["history", "T-1"], "history", { id: "T-1" }],
  [["undo"], "undo", {}],
  [["redo"], "redo", {}],
  [
    ["import", "customers", "客户.xlsx", "--map", "name=客户单位名称", "--header-row", "3", "--dry-run"],
    "import customers",
    { file: "客户.xlsx", map: "name=客户单位名称", headerRow: "3", dryRun: true },
  ],
  [["export", "tickets"], "export", { what: "tickets", format: "csv" }],
  [
    ["export", "duties", "--format", "xlsx", "--month", "2026-11", "--no-bom", "--output", "d.xlsx"],
    "export",
    { what: "duties", format: "xlsx", month: "2026-11", bom: false, output: "d.xlsx" },
  ],
  [["calendar", "--for", "王芳", "--days", "30"], "calendar", { for: "王芳", days: "30" }],
  [["__ids", "t"], "__ids", { letter: "t" }],
  [
    ["report", "monthly", "2026-10", "--save", "--force"],
    "report monthly",
    { period: "2026-10", save: true, force: true },
  ],
  [["report", "annual"], "report annual", { period: undefined }],
  [
    ["report", "calls", "--month", "2026-11", "--template", "t.liquid"],
    "report calls",
    { month: "2026-11", template: "t.liquid" },
  ],
  [["report", "letters"], "report letters", {}],
  [["report", "call", "K-1"], "report call", { id: "K-1" }],
  [["report", "order", "T-1"], "report order", { id: "T-1" }],
  [["report", "diagnosis", "T-1"], "report diagnosis", { id: "T-1" }],
  [["report", "customer", "华东"], "report customer", { id: "华东" }],
  [
    ["duty", "waive", "R-FOLLOWUP-2", "T-1", "--reason", "联系不上"],
    "duty waive",
    { duty: "R-FOLLOWUP-2 T-1", reason: "联系不上" },
  ],
  [["due"], "due", { overdue: undefined }],
  [
    ["due", "--within", "3", "--for", "王芳", "--fail-if-overdue", "--overdue"],
    "due",
    { within: "3", for: "王芳", failIfOverdue: true, overdue: true },
  ],
  [["overdue", "--explain", "--all"], "overdue", { explain: true, all: true, overdue: true }],
  [["holidays"], "holidays", { year: undefined }],
  [["holidays", "2027"], "holidays", { year: "2027" }],
  [["holidays", "add", "公司年会", "--from", "2026-12-31"], "holidays add", { name: "公司年会", from: "2026-12-31" }],
  [["holidays", "workday", "2027-02-07"], "holidays workday", { date: "2027-02-07" }],
  [
    ["event", "add", "--title", "用户座谈会", "--date", "12-20"],
    "event add",
    { title: "用户座谈会", date: "12-20", kind: "gathering", audience: "all" },
  ],
  [
    ["event", "add", "--title", "Open day", "--kind", "discount", "--audience", "tag:vip"],
    "event add",
    { title: "Open day", kind: "discount", audience: "tag:vip" },
  ],
  [["event", "list"], "event list", {}],
];

// commands that run without a store: they get the options and the process's deps only
const BARE: [string[], string, Record<string, unknown>][] = [
  [["completion", "zsh"], "completion", { shell: "zsh" }],
  [["__complete", "ticket", "dispatch", "--tech"], "__complete", { words: ["ticket", "dispatch", "--tech"] }],
  [["__complete"], "__complete", { words: [""] }],
  [
    ["merge-driver", "a.base", "a.ours", "a.theirs", "customers/C-1.yaml"],
    "merge-driver",
    { base: "a.base", ours: "a.ours", theirs: "a.theirs", path: "customers/C-1.yaml" },
  ],
  [
    ["merge-driver", "a.base", "a.ours", "a.theirs"],
    "merge-driver",
    { base: "a.base", ours: "a.ours", theirs: "a.theirs", path: "a.ours" },
  ],
];

describe("every command parses what is typed into its options, and runs nothing else", () => {
  it.each(TABLE)("%j", async (argv, command, options) => {
    const p = await parse(argv);
    expect(p).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(p.calls).toEqual([{ command, options }]);
  });
  it.each(BARE)("%j (no store)", async (argv, command, options) => {
    const p = await parse(argv);
    expect(p).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(p.calls).toEqual([{ command, options, bare: true }]);
  });

  it("covers every command the program declares", async () => {
    const declared: string[] = [];
    const { program } = await import("../src/cli.js");
    const walk = (c: Command) => {
      if (!c.commands.length && c.parent) declared.push(commandPath(c));
      c.commands.forEach(walk);
    };
    const noop = () => Promise.resolve();
    walk(program(testIO(), { run: noop, bare: noop }));
    const tested = new Set([...TABLE, ...BARE].map(([, command]) => command));
    expect(declared.filter((c) => !tested.has(c))).toEqual([]);
  });

  it("keeps the global flags apart from the command's options", async () => {
    const p = await parse([
      "--records",
      "/srv/desk",
      "--as",
      "王芳",
      "--json",
      "--locale",
      "zh-CN",
      "--no-input",
      "ticket",
      "show",
      "T-1",
    ]);
    expect(p.calls).toEqual([{ command: "ticket show", options: { id: "T-1" } }]);
    expect(p.globals).toEqual([
      { records: "/srv/desk", as: "王芳", json: true, locale: "zh-CN", input: false, color: true },
    ]);
  });
});

describe("wrong usage: one line on stderr, exit 2, nothing run", () => {
  it.each([
    [
      ["ticket", "dispatch", "T-1", "--tecnician", "李四"],
      "unknown option '--tecnician' (Did you mean --technician?)\n",
    ],
    [
      ["ticket", "open", "--kind", "nope"],
      "option '--kind <kind>' argument 'nope' is invalid. Allowed choices are repair, install, maintenance, consult, complaint, shop.\n",
    ],
    [
      ["call", "log", "--direction", "sideways"],
      "option '--direction <dir>' argument 'sideways' is invalid. Allowed choices are in, out.\n",
    ],
    [["customer", "add", "华东机械", "--phone"], "option '--phone <phone>' argument missing\n"],
    [["ticket", "answer", "T-1"], "missing required argument 'n'\n"],
    [["tickt", "open"], "unknown command 'tickt' (Did you mean ticket?)\n"],
    [["ticket", "show", "T-1", "T-2"], "too many arguments for 'show'. Expected 1 argument but got 2.\n"],
    [["completion", "bash", "zsh"], "too many arguments for 'completion'. Expected 1 argument but got 2.\n"],
    [
      ["--locale", "fr", "due"],
      "option '--locale <locale>' argument 'fr' is invalid. Allowed choices are zh-CN, en.\n",
    ],
  ])("%j", async (argv, stderr) => {
    const p = await parse(argv);
    expect(p).toMatchObject({ code: 2, calls: [], stdout: "", stderr });
  });

  it("--version prints the version from package.json", async () => {
    const p = await parse(["--version"]);
    expect(p).toMatchObject({ code: 0, calls: [], stdout: "0.1.0\n", stderr: "" });
  });
});
