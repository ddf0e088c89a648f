// Declares the commands and flags, normalises them, and calls the command functions. The one
// place that turns errors into messages and exit codes.
//
// Start-up stays small: this module loads only commander and what the help text needs (the error
// table, the fixed vocabularies). The context (store, schemas, YAML) and every command's module
// load when a command runs; in the bundle (scripts/build.mjs) each is a chunk of its own, so
// --version and --help never read zod, yaml, liquidjs, exceljs, the prompts or the CSV libraries.
import { Command, CommanderError, Option } from "commander";
import type { Context, Deps, Globals } from "./context.js";
import { EXIT, fail, fromOsError, internalError, LIMITS, render, describe, UserError } from "./errors.js";
import { resolve } from "node:path";
import {
  CHANNELS,
  DIRECTIONS,
  ESTIMATE_MODES,
  EVENT_KINDS,
  LETTER_KINDS,
  PURPOSES,
  ROLES,
  TICKET_KINDS,
  VIA,
} from "./domain/enums.js";

// what bin/aftercare needs besides main, from the same bundle
export { processIO } from "./io.js";

// Command modules load when their command runs: start-up stays fast, --help instant.
const commands = {
  context: () => import("./context.js"),
  import: () => import("./commands/import.js"),
  export: () => import("./commands/export.js"),
  calendar: () => import("./commands/calendar.js"),
  completion: () => import("./commands/completion.js"),
  check: () => import("./commands/check.js"),
  contact: () => import("./commands/contact/log.js"),
  contactEdit: () => import("./commands/contact/edit.js"),
  customer: () => import("./commands/customer/edit.js"),
  due: () => import("./commands/due.js"),
  duty: () => import("./commands/duty.js"),
  event: () => import("./commands/event.js"),
  gitSetup: () => import("./commands/git-setup.js"),
  history: () => import("./commands/history.js"),
  holidays: () => import("./commands/holidays.js"),
  init: () => import("./commands/init.js"),
  reindex: () => import("./commands/reindex.js"),
  report: () => import("./commands/report.js"),
  shop: () => import("./commands/ticket/shop.js"),
  show: () => import("./commands/customer/show.js"),
  staff: () => import("./commands/staff.js"),
  sync: () => import("./commands/sync.js"),
  resolve: () => import("./commands/resolve.js"),
  outgoing: () => import("./commands/outgoing.js"),
  ticket: () => import("./commands/ticket/open.js"),
  ticketLife: () => import("./commands/ticket/steps.js"),
  ticketEdit: () => import("./commands/ticket/edit.js"),
  undo: () => import("./commands/undo.js"),
  doctor: () => import("./commands/doctor.js"),
  git: () => import("./store/git.js"),
  ids: () => import("./domain/ids.js"),
};

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** What a <date> or <datetime> flag takes, under each such command's help. */
export const DATES_HELP =
  "\nDates and times as people write them, always in the store's time zone:\n" +
  "  dates  2026-12-07, 2026/12/07, 12-07, 12/7, 12月7日, today, yesterday, tomorrow, 今天, 昨天, 明天, 前天, 周一, 下周一, Monday, next Monday\n" +
  "  times  15:30, 上午9点, 下午3点半, 3pm (today)\n" +
  "  both   昨天 15:30, 2026/12/07 08:55, 12-07 08:55, yesterday 3pm; or now\n" +
  "A time still to come where the past is meant (--received 09:10 at 08:55) is refused with the earlier moment probably meant;\n" +
  "an hour without 上午/下午 that can be either (9点 at 22:00) is refused with both readings.";

/** Flags that take free text (at most LIMITS.text characters); other values are one line (LIMITS.line). */
// (the same split as the schemas' one-line and free-text fields, src/domain/schema.ts)
const TEXT_FLAGS = new Set([
  "problem",
  "request",
  "note",
  "summary",
  "reason",
  "diagnosis",
  "advice",
  "complaint",
  "address",
  "effect",
  "line",
  "missing",
  "papers",
]);
const PATH_FLAGS = new Set(["records", "output", "template", "file", "dir"]);

/**
 * Refuse an over-long value before anything runs: a 25,000-character name would be written and
 * then fail in git. The schemas cap what is stored; this names the flag.
 */
function checkLengths(cmd: Command, args: unknown[]): void {
  const check = (flag: string, key: string, v: unknown) => {
    for (const s of Array.isArray(v) ? v : [v]) {
      if (typeof s !== "string" || s.length <= LIMITS.line) continue;
      const kind = PATH_FLAGS.has(key) ? "path" : TEXT_FLAGS.has(key) ? "text" : "line";
      const length = [...s].length;
      if (length > LIMITS[kind]) throw fail("tooLong", { flag, length, max: LIMITS[kind], kind });
    }
  };
  for (const [key, v] of Object.entries(cmd.optsWithGlobals()))
    check(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, key, v);
  cmd.registeredArguments.forEach((a, i) => check(a.name().toUpperCase(), a.name(), args[i]));
}

/** How the command was typed, for the commit's Aftercare-Command trailer: one line, quoted. */
export function commandLine(argv: string[]): string {
  return ["aftercare", ...argv].map((a) => (/^[\p{L}\p{N}_@%+=:,./-]+$/u.test(a) ? a : JSON.stringify(a))).join(" ");
}

export async function main(argv: string[], deps: Deps): Promise<number> {
  const io = deps.io;
  const program = new Command("aftercare");
  let ctx: Context | undefined;
  let exitCode = 0;

  const run =
    <A extends unknown[]>(fn: (ctx: Context, ...args: A) => Promise<unknown>) =>
    async (...args: A) => {
      const cmd = args[args.length - 1] as Command;
      checkLengths(cmd, args);
      const { Context } = await commands.context();
      ctx = new Context(cmd.optsWithGlobals() as Globals, deps);
      ctx.commandLine = commandLine(argv);
      let result: unknown;
      try {
        result = await fn(ctx, ...args);
      } finally {
        await ctx.close();
      }
      if (result && typeof result === "object" && "exitCode" in result && typeof result.exitCode === "number")
        exitCode = result.exitCode;
      // saved but not committed: the record and its ID stand, and scripts can tell (EXIT.notCommitted)
      if (ctx.uncommitted.length && exitCode === EXIT.ok) exitCode = EXIT.notCommitted;
    };

  program
    .description("A service desk for after-sales work: customers, tickets, calls and letters kept as YAML in git.")
    .version("0.1.0", "-V, --version")
    .option(
      "--records <dir>",
      "the store (default: $AFTERCARE_RECORDS, else the nearest folder upward with aftercare.yaml)",
    )
    .option("--as <name>", "who is acting (default: $AFTERCARE_USER, else git's user.name)")
    .option("--now <datetime>", "pretend it is this moment (default: $AFTERCARE_NOW, else the clock)")
    .option("--json", "print data as JSON")
    .addOption(
      new Option(
        "--locale <locale>",
        "language of what is shown (default: $AFTERCARE_LOCALE, else the store's)",
      ).choices(["zh-CN", "en"]),
    )
    .option("--no-input", "never prompt; a missing flag is an error")
    .option("--no-color", "no colour, even on a terminal")
    .option("--debug", "show stack traces of internal errors")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) =>
        write(
          s
            .replace(/^error: /, "")
            .trim()
            .replace(/\s*\n\s*/g, " ") + "\n",
        ),
    })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      "\nExit codes: 0 done, 1 refused or failed (or problems found), 2 wrong usage, 3 saved but not committed to git, 130 cancelled.\nSee README.md for a day at the desk and docs/reliability.md for what each error promises.",
    );

  program
    .command("init [dir]")
    .description(
      "create a store: aftercare.yaml, the folders, a git repository and its first commit; --locale zh-CN|en sets its language",
    )
    .option("--company <name>", "the company's name (required for a new store)")
    .option("--timezone <zone>", "IANA time zone the company works in (default: this machine's)")
    .option(
      "--hooks",
      "in an existing store (a fresh clone): install the pre-commit and pre-push checks and the field-by-field merge driver",
    )
    .option(
      "--server <path>",
      "make a bare git repository at PATH for the desks to sync with (its HEAD the store's branch), the store's origin, and send the store to it",
    )
    .action(
      run(
        async (
          c,
          dir: string | undefined,
          o: { company?: string; timezone?: string; locale?: string; hooks?: boolean; server?: string },
        ) => {
          if (o.hooks) {
            // a clone that checked out nothing has no store yet: init --hooks checks it out (initHooks)
            const h = await (
              await commands.init()
            ).initHooks(dir ? resolve(deps.cwd, dir) : await c.storeRoot().catch(() => deps.cwd), deps);
            for (const n of h.notes) io.err(`note: ${n}\n`);
            io.out(`${h.root}\n`);
            io.err(
              "installed the pre-commit and pre-push checks (aftercare check) and the field-by-field merge driver\n",
            );
            return;
          }
          const existing = o.server && !o.company ? await c.storeRoot().catch(() => undefined) : undefined;
          const r = existing
            ? undefined
            : await (await commands.init()).init({ dir, ...o, locale: c.globals.locale, as: c.globals.as }, deps);
          if (r && c.json) io.out(JSON.stringify({ root: r.root, ...r.settings }, null, 2) + "\n");
          else if (r) {
            io.out(`${r.root}\n`);
            io.err(
              `created an aftercare store for ${r.settings.company} (${r.settings.timezone}, ${r.settings.locale})${r.gitInit ? " in a new git repository" : ""}\nnext: aftercare staff add NAME --role clerk\n`,
            );
          }
          if (o.server) {
            const s = await (await commands.init()).initServer(existing ?? r!.root, o.server, deps);
            if (existing) io.out(`${s.server}\n`);
            io.err(
              `made ${s.server} the store's server (a bare git repository on ${s.branch}, the store's origin) and sent the store to it; each desk: git clone ${s.server} DESK && cd DESK && aftercare init --hooks\n`,
            );
          }
        },
      ),
    );

  const staff = program.command("staff").description("the staff list in aftercare.yaml");
  staff
    .command("add <name>")
    .description("add a staff member")
    .addOption(new Option("--role <role>", "what they do").choices(ROLES))
    .option("--phone <phone>", "their phone")
    .option("--email <email>", "their e-mail (used as the commit author's)")
    .action(
      run(async (c, name: string, o: { role?: string; phone?: string; email?: string }) =>
        (await commands.staff()).staffAdd({ name, ...o }, c),
      ),
    );
  staff
    .command("list")
    .description("list the staff, their absences and the follow-up clerk")
    .action(run(async (c) => (await commands.staff()).staffList(c)));
  staff
    .command("followup <name>")
    .description("appoint the follow-up clerk (A1): a ticket opened without --assignee is theirs")
    .action(run(async (c, name: string) => (await commands.staff()).staffFollowup({ name }, c)));
  staff
    .command("absent <name>")
    .description("record an absence; while it lasts, the person's open duties go to the cover (R-COVER)")
    .option("--from <date>", "first day away")
    .option("--to <date>", "last day away")
    .option("--cover <name>", "who stands in (present on all those days)")
    .option("--note <text>", "why")
    .action(
      run(async (c, name: string, o: { from?: string; to?: string; cover?: string; note?: string }) =>
        (await commands.staff()).staffAbsent({ name, ...o }, c),
      ),
    );

  const customerFlags = (cmd: Command) =>
    cmd
      .option("--address <text>", "postal address")
      .option("--contact <name>", "contact person (added, or updated when the name exists)")
      .option("--title <text>", "the contact person's position")
      .option("--phone <phone>", "contact phone (repeatable)", collect)
      .option("--email <email>", "contact e-mail")
      .option("--tag <tag>", "tag, e.g. vip or a region (repeatable)", collect)
      .option("--equipment <text>", "equipment the customer runs (repeatable)", collect)
      .option("--vehicle <plate>", "a vehicle's plate (repeatable)", collect)
      .option("--note <text>", "free note");
  const customer = program.command("customer").description("customer files (form 1 of the regulation)");
  customerFlags(
    customer
      .command("add [name]")
      .description("file a new customer")
      .option("--name <name>", "the customer's organisation or name")
      .option("--allow-duplicate", "add even if a customer of the same name exists"),
  ).action(
    run(async (c, name: string | undefined, o: Record<string, unknown>) =>
      (await commands.customer()).customerAdd({ ...o, name: (o.name as string | undefined) ?? name }, c),
    ),
  );
  customer
    .command("list")
    .description("list customers")
    .option("--search <text>", "match name, contact, phone digits, address or tag")
    .action(run(async (c, o: { search?: string }) => (await commands.show()).customerList(o, c)));
  customer
    .command("show <id>")
    .description("a customer's file, tickets and contacts (ID, prefix or name)")
    .action(run(async (c, id: string) => (await commands.show()).customerShow({ id }, c)));
  customerFlags(
    customer
      .command("edit <id>")
      .description("change a customer: with flags, or in $EDITOR when none are given")
      .option("--name <name>", "new name")
      .option("--untag <tag>", "remove a tag (repeatable)", collect),
  ).action(
    run(async (c, id: string, o: Record<string, unknown>) => (await commands.customer()).customerEdit({ ...o, id }, c)),
  );

  const ticket = program
    .command("ticket")
    .description("tickets: repair, installation, maintenance, consultation, complaint");
  ticket
    .command("open")
    .description("open a ticket for a customer's request; at a terminal, asks for what is missing")
    .option("--customer <id-or-name>", "the customer: ID, prefix, name, contact or phone")
    .option("--problem <text>", "the problem as the customer reports it")
    .option("--request <text>", "the service the customer wants")
    .addOption(new Option("--kind <kind>", "kind of request (default: repair)").choices(TICKET_KINDS))
    .option(
      "--channel <channel>",
      `how it came in: ${CHANNELS.join(", ")}, or one the store adds under channels: in aftercare.yaml; its word will do too (微信, WeChat) (default: phone)`,
    )
    .option("--received <datetime>", "when it came in (default: now)")
    .option("--assignee <name>", "staff member handling it (default: the follow-up clerk, else you)")
    .option(
      "--appointment <datetime>",
      "with --kind shop: the agreed time the vehicle comes in, still to come (C-APPOINTMENT)",
    )
    .option("--next-date <date>", "the planned next contact, today or later (R-NEXT-SERVICE); asked at a terminal")
    .option("--next-topic <text>", "what the next contact is about")
    .action(run(async (c, o: Record<string, string | undefined>) => (await commands.ticket()).ticketOpen(o, c)));
  ticket
    .command("list")
    .description("list tickets (default: the ones not yet resolved)")
    .option(
      "--status <status>",
      "open, escalated, dispatched, onsite, resolved, closed, cancelled (comma-separated), or all",
    )
    .option("--customer <id-or-name>", "only this customer's")
    .option("--assignee <name>", "only those assigned or dispatched to this person")
    .action(run(async (c, o: Record<string, string | undefined>) => (await commands.ticket()).ticketList(o, c)));
  ticket
    .command("show <id>")
    .description("a ticket and its contacts")
    .action(run(async (c, id: string) => (await commands.show()).ticketShow({ id }, c)));
  const at = "when it happened (default: now)";
  ticket
    .command("escalate <id>")
    .description("report to the engineering supervisor (R-ESC-1DAY)")
    .option("--to <name>", "the engineering supervisor (default: the one staff member with role engineering)")
    .option("--note <text>", "what could not be answered")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: { to?: string; note?: string; at?: string }) =>
        (await commands.ticketLife()).ticketEscalate({ id, ...o }, c),
      ),
    );
  ticket
    .command("dispatch <id>")
    .description("send a technician (R-DISPATCH)")
    .option("--technician <name>", "who goes")
    .option("--depart <datetime>", "when they leave")
    .option("--arrive <datetime>", "when they arrive")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: { technician?: string; depart?: string; arrive?: string; at?: string }) =>
        (await commands.ticketLife()).ticketDispatch({ id, ...o }, c),
      ),
    );
  ticket
    .command("schedule <id>")
    .description(
      "nobody can be sent at once: when the on-site job is scheduled and why, to tell the customer (R-DISPATCH)",
    )
    .option("--date <date>", "the day a technician is planned to go, today or later")
    .option("--reason <text>", "why nobody can go at once")
    .action(
      run(async (c, id: string, o: { date?: string; reason?: string }) =>
        (await commands.ticketLife()).ticketSchedule({ id, ...o }, c),
      ),
    );
  ticket
    .command("arrive <id>")
    .description("the technician is on site")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: { at?: string }) => (await commands.ticketLife()).ticketArrive({ id, ...o }, c)),
    );
  ticket
    .command("resolve <id>")
    .description("note the solution (the customer is told the same day, R-ANSWER-SAME-DAY)")
    .option("--note <text>", "what solved it")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: { note?: string; at?: string }) =>
        (await commands.ticketLife()).ticketResolve({ id, ...o }, c),
      ),
    );
  ticket
    .command("close <id>")
    .description("close a resolved ticket, planning the next contact (R-NEXT-SERVICE; asked at a terminal)")
    .option("--next-date <date>", "the planned next contact, today or later")
    .option("--next-topic <text>", "what the next contact is about")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: { at?: string; nextDate?: string; nextTopic?: string }) =>
        (await commands.ticketLife()).ticketClose({ id, ...o }, c),
      ),
    );
  ticket
    .command("cancel <id>")
    .description("cancel a ticket (its duties no longer apply)")
    .option("--reason <text>", "why (required; asked at a terminal)")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: { reason?: string; at?: string }) =>
        (await commands.ticketLife()).ticketCancel({ id, ...o }, c),
      ),
    );
  ticket
    .command("reopen <id>")
    .description("reopen a resolved, closed or cancelled ticket")
    .option("--note <text>", "why")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: { note?: string; at?: string }) =>
        (await commands.ticketLife()).ticketReopen({ id, ...o }, c),
      ),
    );
  ticket
    .command("edit <id>")
    .description(
      "correct what a ticket records, with flags or in $EDITOR when none are given; checked as ticket open checks it, one commit",
    )
    .option("--received <datetime>", "when it came in")
    .option(
      "--channel <channel>",
      `how it came in: ${CHANNELS.join(", ")}, or one the store adds under channels: in aftercare.yaml; its word will do too (微信, WeChat)`,
    )
    .addOption(new Option("--kind <kind>", "kind of request").choices(TICKET_KINDS))
    .option("--problem <text>", "the problem as the customer reports it")
    .option("--request <text>", "the service the customer wants (empty to remove)")
    .option("--assignee <name>", "staff member handling it")
    .option("--appointment <datetime>", "with kind shop: the agreed time the vehicle comes in")
    .action(
      run(async (c, id: string, o: Record<string, string | undefined>) =>
        (await commands.ticketEdit()).ticketEdit({ ...o, id }, c),
      ),
    );

  // the reception desk: vehicles (kind shop), regulation part C
  ticket
    .command("intake <id>")
    .description(
      "receive a vehicle (C-INTAKE): plate, odometer, fuel, key tag, papers, damage, belongings; --json reads them from stdin",
    )
    .option("--plate <plate>", "number plate")
    .option("--odometer <km>", "odometer reading in km")
    .option("--fuel <level>", "fuel gauge, e.g. 1/2")
    .option("--key-tag <n>", "number of the key tag in the key cabinet")
    .option("--model <model>", "vehicle model")
    .option("--vin <vin>", "vehicle identification number")
    .option("--belonging <item>", "a tool or belonging left in the vehicle (repeatable)", collect)
    .option("--damage <text>", "damage noted on body, interior, instruments or seats (repeatable)", collect)
    .option("--papers <ok|text>", '"ok" when the papers are valid and complete, else what is wrong')
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: Record<string, unknown>) => (await commands.shop()).ticketIntake({ ...o, id }, c)),
    );
  ticket
    .command("estimate <id>")
    .description("diagnosis and estimate (C-DIAGNOSIS, C-ESTIMATE, C-PARTS)")
    .addOption(new Option("--mode <mode>", "estimate by system, by symptom or by item").choices(ESTIMATE_MODES))
    .option(
      "--line <line>",
      'a line (repeatable): "TEXT; labour=350.00; part=NAME/us|customer/genuine|aftermarket/AMOUNT; critical"',
      collect,
    )
    .option("--diagnosis <text>", "the fault found")
    .option("--advice <text>", "the advice given to the customer")
    .option("--diagnosis-fee <amount>", "charged when the customer leaves without the repair")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: Record<string, unknown>) => (await commands.shop()).ticketEstimate({ ...o, id }, c)),
    );
  ticket
    .command("handover <id>")
    .description(
      "hand the vehicle to the workshop with a promised completion, after the intake (C-PROMISE, C-WORKSHOP-HANDOVER)",
    )
    .option("--receiver <name>", "who in the workshop signs for it")
    .option("--promise <datetime>", "the completion time promised to the customer")
    .option("--at <datetime>", "when (default: now; recorded to the nearest ten minutes)")
    .action(
      run(async (c, id: string, o: Record<string, string | undefined>) =>
        (await commands.shop()).ticketHandover({ ...o, id }, c),
      ),
    );
  ticket
    .command("promise <id>")
    .description(
      "revise the promised completion of a vehicle in the workshop, e.g. after approved extra work (C-PROMISE)",
    )
    .option("--promise <datetime>", "the completion time now promised, still to come")
    .option("--reason <text>", "why it changes")
    .option("--at <datetime>", "when the customer was given the new promise (default: now)")
    .action(
      run(async (c, id: string, o: Record<string, string | undefined>) =>
        (await commands.shop()).ticketPromise({ ...o, id }, c),
      ),
    );
  ticket
    .command("extra <id>")
    .description("extra work the workshop found (C-EXTRA-WORK); prints the request's number")
    .option("--item <text>", "what the extra work is")
    .option("--safety", "it concerns safety: stress it to the customer")
    .option("--effect <text>", "its effect on the completion time")
    .option("--amount <amount>", "its price")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: Record<string, unknown>) =>
        (await commands.shop()).ticketExtra({ ...o, id } as import("./commands/ticket/shop.js").ExtraOptions, c),
      ),
    );
  ticket
    .command("answer <id> <n>")
    .description("the customer's answer on extra-work request N")
    .option("--approved", "the customer agrees")
    .option("--declined", "the customer declines (it stays on record)")
    .option("--by <name>", "who answered for the customer")
    .addOption(new Option("--via <how>", "how the answer came").choices(VIA).default("phone"))
    .option("--passed <datetime>", "when it was passed to the workshop (default: when answered)")
    .option("--at <datetime>", "when the customer answered (default: now)")
    .action(
      run(async (c, id: string, no: string, o: Record<string, unknown>) =>
        (await commands.shop()).ticketAnswer({ ...o, id, no } as import("./commands/ticket/shop.js").AnswerOptions, c),
      ),
    );
  ticket
    .command("progress <id>")
    .description("the progress check with the workshop (C-PROGRESS-CHECK)")
    .option("--note <text>", "how the job stands, anything abnormal")
    .option("--finish <datetime>", "when the workshop now expects to finish")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: Record<string, string | undefined>) =>
        (await commands.shop()).ticketProgress({ ...o, id }, c),
      ),
    );
  ticket
    .command("ready <id>")
    .description(
      "the job is done: belongings counted back, bill totalled; the pick-up call becomes due (C-READY-NOTICE)",
    )
    .option("--missing <text>", "belongings that could not be found")
    .option("--bill <amount>", "the bill (default: the estimate plus approved extra work)")
    .option("--note <text>", "remarks")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: Record<string, string | undefined>) =>
        (await commands.shop()).ticketReady({ ...o, id }, c),
      ),
    );
  ticket
    .command("deliver <id>")
    .description("the customer collects the vehicle and pays; follow-ups count from now")
    .option("--paid <amount>", "the amount paid, e.g. 1280.00")
    .option("--next-date <date>", "the planned next contact, today or later (asked at a terminal)")
    .option("--next-topic <text>", "what the next contact is about")
    .option("--at <datetime>", at)
    .action(
      run(async (c, id: string, o: Record<string, string | undefined>) =>
        (await commands.shop()).ticketDeliver({ ...o, id }, c),
      ),
    );

  program
    .command("call")
    .description("phone calls (R-RECORD-CALL, R-CALL-REGISTER)")
    .command("log")
    .description(
      "log a call, inbound or outbound; without --ticket, linked to the customer's ticket whose open duty it answers when there is exactly one",
    )
    .option("--customer <id-or-name>", "the customer (optional with --ticket)")
    .option("--ticket <id>", "the ticket the call is about (default: found from the duty the call closes)")
    .option("--event <id>", "the event the call announces (R-EVENT-NOTICE)")
    .addOption(new Option("--direction <dir>", "in (they called) or out (we called)").choices(DIRECTIONS))
    .addOption(new Option("--purpose <purpose>", "what the call was for").choices(PURPOSES))
    .option("--summary <text>", "the key points of the conversation")
    .option("--at <datetime>", "when (default: now)")
    .option("--person <name>", "who we spoke to")
    .option("--request <text>", "a request the customer made (repeatable)", collect)
    .option("--complaint <text>", "a complaint the customer made (repeatable)", collect)
    .option("--satisfaction <1-5>", "the customer's satisfaction, 1 (poor) to 5 (excellent)")
    .option("--next-date <date>", "the planned next contact (R-NEXT-SERVICE)")
    .option("--next-topic <text>", "what the next contact is about")
    .option(
      "--told",
      "with --direction in: the customer was told in this call what a duty asks (the solution, a notice)",
    )
    .option("--plan <id>", "the contact (K-…) or ticket (T-…) whose planned next contact this call carries out")
    .addHelpText(
      "after",
      "\nA call logged without a ticket can be linked later: aftercare contact link K-… --ticket T-…",
    )
    .action(run(async (c, o: Record<string, unknown>) => (await commands.contact()).callLog(o, c)));

  program
    .command("letter")
    .description("letters: notices, invitations, replies (R-LETTER-REGISTER)")
    .command("log")
    .description("log a letter sent to a customer")
    .option("--customer <id-or-name>", "the customer (optional with --ticket)")
    .option("--ticket <id>", "the ticket the letter is about")
    .option("--event <id>", "the event the letter announces (R-EVENT-NOTICE)")
    .addOption(new Option("--kind <kind>", "notice, invitation or reply").choices(LETTER_KINDS))
    .option("--subject <text>", "the letter's subject")
    .option("--sent <date>", "when it was sent (default: today)")
    .option("--summary <text>", "what it says")
    .option("--plan <id>", "the contact (K-…) or ticket (T-…) whose planned next contact this letter carries out")
    .action(run(async (c, o: Record<string, string | undefined>) => (await commands.contact()).letterLog(o, c)));

  const contact = program
    .command("contact")
    .description(
      "correct a logged call or letter after the fact; each change is one commit and says which duties the contact now closes",
    );
  contact
    .command("link <id>")
    .description("link a contact to its ticket, event or planned contact")
    .option("--ticket <id>", "the ticket it is about (the same customer's)")
    .option("--event <id>", "the event it announces (R-EVENT-NOTICE)")
    .option("--plan <id>", "the contact (K-…) or ticket (T-…) whose planned next contact it carries out")
    .addHelpText("after", "\nExample: aftercare contact link K-261110-7K3F --ticket T-261102-2MWC")
    .action(
      run(async (c, id: string, o: { ticket?: string; event?: string; plan?: string }) =>
        (await commands.contactEdit()).contactLink({ ...o, id }, c),
      ),
    );
  contact
    .command("unlink <id>")
    .description("remove a contact's link (default: its ticket)")
    .option("--ticket", "unlink the ticket")
    .option("--event", "unlink the event")
    .option("--plan", "unlink the planned contact")
    .action(
      run(async (c, id: string, o: { ticket?: boolean; event?: boolean; plan?: boolean }) =>
        (await commands.contactEdit()).contactUnlink({ ...o, id }, c),
      ),
    );
  const contactEditCmd = (cmd: Command) =>
    cmd
      .option("--at <datetime>", "when it happened (a letter: the day it was sent)")
      .addOption(new Option("--direction <dir>", "in (they called) or out (we called)").choices(DIRECTIONS))
      .addOption(new Option("--purpose <purpose>", "what it was for").choices(PURPOSES))
      .option("--summary <text>", "the key points")
      .option("--person <name>", "who we spoke to")
      .option("--satisfaction <1-5>", "the customer's satisfaction, 1 (poor) to 5 (excellent)")
      .option("--told", "an inbound call in which the customer was told what a duty asks")
      .option("--not-told", "remove the told mark")
      .action(
        run(async (c, id: string, o: Record<string, string | boolean | undefined>) =>
          (await commands.contactEdit()).contactEdit(
            { ...o, id } as import("./commands/contact/edit.js").EditOptions,
            c,
          ),
        ),
      );
  contactEditCmd(contact.command("edit <id>").description("correct what a contact records"));
  // the same correction, where a clerk looks for it: next to call log
  contactEditCmd(
    program.commands
      .find((x) => x.name() === "call")!
      .command("edit <id>")
      .description("correct a logged call (the same as contact edit)"),
  );

  program
    .command("check")
    .description(
      "validate every record: prints path:line:col: message per problem, nothing when clean; exit 1 when any",
    )
    .option("--staged", "check what git would commit (the index) instead of the files; the pre-commit hook runs this")
    .option("--full", "check every file, not only what changed since the last clean check")
    .action(
      run(async (c, o: { staged?: boolean; full?: boolean }) => ({
        exitCode: (await (await commands.check()).check(c, o)).length ? 1 : 0,
      })),
    );
  program
    .command("reindex")
    .description(
      "rebuild the derived index under .aftercare/ from the record files (never needed for correctness; reads bring it up to date themselves)",
    )
    .action(run(async (c, o: {}) => ({ exitCode: await (await commands.reindex()).reindex(o, c) })));
  program
    .command("doctor")
    .description(
      "find what a crash, a full disk or a bad merge left (uncommitted records, stale locks, temp files, duplicates, misplaced files, conflict markers, stale hooks), one line each with what to do; exit 1 when anything is found",
    )
    .option(
      "--fix",
      "repair what is safe and commit it: uncommitted valid records, orphan temp files, stale locks, hooks and merge driver; never deletes a record",
    )
    .action(run(async (c, o: { fix?: boolean }) => (await commands.doctor()).doctor(c, o)));

  program
    .command("sync")
    .description(
      "bring in what other desks sent (a merge; lists merge as sets), check what is to be sent, send it; say what came in",
    )
    .option("--restore", "after the server was force-pushed: send back the changes it no longer has")
    .action(run(async (c, o: { restore?: boolean }) => (await commands.sync()).sync(c, o)));
  program
    .command("resolve [id]")
    .description(
      "settle a record a sync stopped on: shows both values in full; --keep or --set settles it, finishes the merge and sends it",
    )
    .option(
      "--keep <side>",
      "here (this desk's value), there (the server's), or here:FIELD / there:FIELD for one field (repeatable)",
      collect,
    )
    .option("--set <field=value>", "give the field this value ([a, b] for a list) (repeatable)", collect)
    .action(
      run(async (c, id: string | undefined, o: { keep?: string[]; set?: string[] }) =>
        (await commands.resolve()).resolve({ id, ...o }, c),
      ),
    );
  program
    .command("pre-push [remote] [url]", { hidden: true })
    .description("git's pre-push hook: check the commits about to be sent (set up by aftercare init)")
    .action(run(async (c, remote: string | undefined) => (await commands.outgoing()).prePush(c, remote ?? "origin")));
  program
    .command("history <id>")
    .description("a record's life from git: each commit and what changed, field by field")
    .action(run(async (c, id: string) => (await commands.history()).history({ id }, c)));
  program
    .command("undo")
    .description(
      "revert your last aftercare change with a new commit; again, the one before it (refused when later work depends on it)",
    )
    .action(run(async (c) => (await commands.undo()).undo(c)));
  program
    .command("redo")
    .description("re-apply what your last undo took back (until you make another change), with a new commit")
    .action(run(async (c) => (await commands.undo()).redo(c)));

  program
    .command("import")
    .description("bring records in from a spreadsheet")
    .command("customers <file>")
    .description(
      "customers from CSV or .xlsx, with Chinese or English column names (客户单位名称, 地址, 联系人, 联系电话…), or aftercare's own export",
    )
    .option(
      "--map <field=column,...>",
      "which column holds which field: name, address, contact, title, phone, email, tags, note, equipment, vehicles, created",
    )
    .option("--encoding <enc>", "the CSV's encoding (default: detected): utf-8, gb18030 (GBK), utf-16le")
    .option("--sheet <name>", "the .xlsx sheet (default: the first)")
    .option("--delimiter <sep>", "the CSV's column separator: , ; tab or | (default: sniffed from the header row)")
    .option("--header-row <n>", "the row that holds the column headings (default: found below titles and blank rows)")
    .option("--dry-run", "show row by row what would be added, skipped and refused; write nothing")
    .option("--strict", "write nothing when any row is refused or a column is no customer field")
    .action(
      run(async (c, file: string, o: Record<string, unknown>) =>
        (await commands.import()).importCustomers({ ...o, file } as import("./commands/import.js").ImportOptions, c),
      ),
    );

  program
    .command("export <what>")
    .description("customers, tickets, contacts or duties as CSV, JSON or .xlsx")
    .addOption(new Option("--format <format>", "output format").choices(["csv", "json", "xlsx"]).default("csv"))
    .option("--month <month>", "only this month (YYYY-MM)")
    .option("--from <date>", "from this day")
    .option("--to <date>", "to this day")
    .option(
      "--bom",
      "start the CSV with a byte-order mark, so Excel reads Chinese text right (default in a zh-CN store)",
    )
    .option("--no-bom", "no byte-order mark, for programs that do not expect one")
    .option("--output <file>", "write to a file (needed for .xlsx at a terminal)")
    .action(
      run(async (c, what: string, o: Record<string, unknown>) =>
        (await commands.export()).exportRecords({ ...o, what } as import("./commands/export.js").ExportOptions, c),
      ),
    );

  program
    .command("calendar")
    .description(
      "the open duties as an iCalendar file for a phone or Outlook calendar (stable UIDs: re-importing updates)",
    )
    .option("--for <name>", "only this person's duties")
    .option("--days <n>", "how far ahead (default 90)")
    .option("--output <file>", "write to a file")
    .action(
      run(async (c, o: { for?: string; output?: string; days?: string }) =>
        (await commands.calendar()).calendarCmd(o, c),
      ),
    );

  // shell completion: the script, and the completer it calls (src/commands/completion.ts)
  const tree = (cmd: Command): import("./commands/completion.js").CommandTree => ({
    name: cmd.name(),
    options: cmd.options
      .filter((o) => o.long && !o.hidden)
      .map((o) => ({ long: o.long!, short: o.short, value: Boolean(o.required || o.optional), choices: o.argChoices })),
    args: cmd.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic })),
    commands: cmd.commands
      .filter((c) => !(c as unknown as { _hidden?: boolean })._hidden && c.name() !== "help")
      .map(tree),
  });
  program
    .command("completion <shell>")
    .description("a completion script for bash, zsh or fish: commands, flags, their values, record IDs and file names")
    .action(async (shell: string) => {
      try {
        io.out((await commands.completion()).completion(shell));
      } catch (e) {
        if (e instanceof UserError) {
          io.err(`${e.message}\n`);
          exitCode = e.exitCode;
        } else throw e;
      }
    });
  program
    .command("__complete [words...]", { hidden: true })
    .description(
      "what fits the last word of a command line, for the completion scripts: one a line, then :words, :files or :dirs",
    )
    .allowUnknownOption()
    .action(async (words: string[] = []) => {
      const { complete, storeSource } = await commands.completion();
      const { Context } = await commands.context();
      const got = await complete(tree(program), words.length ? words : [""], (records) =>
        storeSource(new Context({ records }, deps)),
      );
      io.out(got.words.map((w) => `${w}\n`).join("") + `:${got.directive}\n`);
    });
  program
    .command("__ids <letter>", { hidden: true })
    .description("record IDs of one kind, for shell completion")
    .action(
      run(async (c, letter: string) => {
        const { KINDS } = await commands.ids();
        const kind = KINDS[letter.toUpperCase() as keyof typeof KINDS];
        if (!kind) return;
        const store = await c.store();
        for (const f of await store.files(kind)) io.out(`${f.slice(f.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "")}\n`);
      }),
    );

  program
    .command("merge-driver <base> <ours> <theirs> [path]", { hidden: true })
    .description("git's merge driver for records (set up by aftercare init)")
    .action(async (base: string, ours: string, theirs: string, path: string | undefined) => {
      exitCode = await (
        await commands.gitSetup()
      ).mergeDriver(base, ours, theirs, path ?? ours, new (await commands.git()).Git(deps.cwd, deps.env), deps.env);
    });

  const report = program
    .command("report")
    .description("the reviews (R-MONTHLY) and the regulation's registers and forms, as Markdown");
  const reportFlags = (cmd: Command) =>
    cmd.option(
      "--template <file>",
      "render with this template instead of the built-in one (--locale zh-CN|en chooses the language; default: the store's)",
    );
  reportFlags(report.command("monthly [month]").description("the monthly review (default: last month)"))
    .option(
      "--save",
      "archive it as reports/YYYY-MM-monthly.md and commit (closes R-MONTHLY; a supervisor, once the month has ended)",
    )
    .option("--force", "with --save: write a corrected review over the archived one (its first save date stays)")
    .action(
      run(async (c, period: string | undefined, o: Record<string, unknown>) =>
        (await commands.report()).reportMonthly({ ...o, period }, c),
      ),
    );
  reportFlags(report.command("annual [year]").description("the year-end review (default: last year)"))
    .option("--save", "archive it as reports/YYYY-annual.md and commit (a supervisor, once the year has ended)")
    .option("--force", "with --save: write a corrected review over the archived one (its first save date stays)")
    .action(
      run(async (c, period: string | undefined, o: Record<string, unknown>) =>
        (await commands.report()).reportAnnual({ ...o, period }, c),
      ),
    );
  reportFlags(
    report
      .command("calls")
      .description("the follow-up call register (form 3)")
      .option("--month <month>", "only this month (YYYY-MM)"),
  ).action(run(async (c, o: Record<string, string | undefined>) => (await commands.report()).reportCalls(o, c)));
  reportFlags(
    report
      .command("letters")
      .description("the follow-up letter register (form 4)")
      .option("--month <month>", "only this month (YYYY-MM)"),
  ).action(run(async (c, o: Record<string, string | undefined>) => (await commands.report()).reportLetters(o, c)));
  reportFlags(report.command("call <id>").description("one follow-up call record (form 2)")).action(
    run(async (c, id: string, o: Record<string, string | undefined>) =>
      (await commands.report()).reportCall({ ...o, id }, c),
    ),
  );
  reportFlags(
    report
      .command("order <id>")
      .description("the repair order of a vehicle: intake, estimate, belongings, lines to sign"),
  ).action(
    run(async (c, id: string, o: Record<string, string | undefined>) =>
      (await commands.report()).reportOrder({ ...o, id }, c),
    ),
  );
  reportFlags(
    report.command("diagnosis <id>").description("the diagnosis sheet given to the customer (C-DIAGNOSIS)"),
  ).action(
    run(async (c, id: string, o: Record<string, string | undefined>) =>
      (await commands.report()).reportDiagnosis({ ...o, id }, c),
    ),
  );
  reportFlags(
    report.command("customer <id>").description("the customer file (form 1) with tickets, contacts and duties"),
  ).action(
    run(async (c, id: string, o: Record<string, string | undefined>) =>
      (await commands.report()).reportCustomer({ ...o, id }, c),
    ),
  );

  const dueCmd = (name: string, description: string, overdueOnly: boolean) =>
    program
      .command(name)
      .description(description)
      .option("--within <days>", "also list duties whose window opens in the next DAYS days")
      .option("--for <name>", "only this person's duties (after cover)")
      .option("--fail-if-overdue", "exit 1 when anything is overdue (for monitoring)")
      .option("--explain", "under the list, the contacts each duty looked at and why they did not count")
      .option("--all", "every row; without it each person's list shows the most urgent rows and a count of the rest")
      .action(
        run(
          async (
            c,
            o: {
              overdue?: boolean;
              within?: string;
              for?: string;
              failIfOverdue?: boolean;
              explain?: boolean;
              all?: boolean;
            },
          ) => (await commands.due()).due({ ...o, overdue: overdueOnly || o.overdue }, c),
        ),
      );

  const duty = program.command("duty").description("one duty of the regulation");
  duty
    .command("waive <duty...>")
    .description("a supervisor excuses a duty that cannot be done, with a reason (the reviews count waivers apart)")
    .option("--reason <text>", "why it cannot be done (the customer cannot be reached…)")
    .action(
      run(async (c, key: string[], o: { reason?: string }) =>
        (await commands.duty()).dutyWaive({ duty: key.join(" "), ...o }, c),
      ),
    );
  dueCmd(
    "due",
    "what is due today and what is overdue, per person, most urgent first (the morning cron job)",
    false,
  ).option("--overdue", "only what is overdue");
  dueCmd("overdue", "only the overdue duties (same as due --overdue)", true);

  const holidays = program
    .command("holidays [year]")
    .description(
      "the working week, public holidays and make-up working days the deadlines use, each day with where it comes from (calendar.source or aftercare.yaml)",
    )
    .action(run(async (c, year: string | undefined) => (await commands.holidays()).holidays({ year }, c)));
  holidays
    .command("add <name>")
    .description(
      "add days off of the store's own to aftercare.yaml (a published holiday, a company closure); they win over calendar.source",
    )
    .option("--from <date>", "the first day off")
    .option("--to <date>", "the last day off (default: --from)")
    .action(
      run(async (c, name: string, o: { from?: string; to?: string }) =>
        (await commands.holidays()).holidaysAdd({ name, ...o }, c),
      ),
    );
  holidays
    .command("workday <date>")
    .description(
      "add a make-up working day (调休上班) of the store's own to aftercare.yaml: a weekend day or holiday that is worked",
    )
    .action(run(async (c, date: string) => (await commands.holidays()).holidaysWorkday({ date }, c)));

  const event = program.command("event").description("customer events and campaigns (R-EVENT-NOTICE)");
  event
    .command("add")
    .description("add an event; its audience is phoned 14 days ahead, then sent a letter")
    .option("--title <text>", "what it is")
    .option("--date <date>", "when it takes place")
    .addOption(new Option("--kind <kind>", "kind of event").choices(EVENT_KINDS).default("gathering"))
    .option("--audience <who>", 'who is invited: "all" or "tag:NAME"', "all")
    .option("--owner <name>", "who phones and writes (default: you)")
    .option("--note <text>", "details")
    .action(run(async (c, o: Record<string, string | undefined>) => (await commands.event()).eventAdd(o, c)));
  event
    .command("list")
    .description("events, with how many customers were phoned and written to")
    .action(run(async (c) => (await commands.event()).eventList(c)));

  // every command that takes a date or a time says how it may be written (src/domain/typed-time.ts)
  const withDates = (c: Command) => {
    if (c.options.some((o) => /<date(time)?>/.test(o.flags))) c.addHelpText("after", DATES_HELP);
    c.commands.forEach(withDates);
  };
  withDates(program);

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError)
      return e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version"
        ? EXIT.ok
        : EXIT.usage;
    if (e instanceof UserError) {
      // an error never carries colour of its own: escape codes in it came from what was typed
      io.err(`${e.message.replace(/\u001b/g, "\\u001b")}\n`);
      return e.exitCode;
    }
    // Ctrl+C or Ctrl+D at a prompt
    if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
      io.err(`${render(describe("cancelled", {}))}\n`);
      return EXIT.cancelled;
    }
    const debug = (ctx?.globals.debug ?? argv.includes("--debug")) || Boolean(deps.env.AFTERCARE_DEBUG);
    // the machine refused (a full disk, a read-only store…): plain words, and what was left behind
    const os = fromOsError(e, (await ctx?.leftovers()) ?? { state: "storeUntouched" });
    if (os) {
      io.err(debug && e instanceof Error ? `${e.stack}\n${os.message}\n` : `${os.message}\n`);
      return os.exitCode;
    }
    io.err(debug && e instanceof Error ? `${e.stack}\n` : `${internalError(e)}\n`);
    return EXIT.refused;
  }
}
