// How the CLI runs a parsed command (src/commands/registry.ts's Runner): refuse over-long values,
// make the Context, run, close it, and work out the exit code. Loads the context (store, schemas,
// YAML) and the command's module only now, so start-up stays small.
import type { Command } from "commander";
import type { Context, Deps, Globals } from "./context.js";
import { EXIT, fail, LIMITS } from "./errors.js";
import type { BareRun, Run, Runner } from "./commands/registry.js";

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
function checkLengths(cmd: Command): void {
  const check = (flag: string, key: string, v: unknown) => {
    for (const s of Array.isArray(v) ? (v as unknown[]) : [v]) {
      if (typeof s !== "string" || s.length <= LIMITS.line) continue;
      const kind = PATH_FLAGS.has(key) ? "path" : TEXT_FLAGS.has(key) ? "text" : "line";
      const length = [...s].length;
      if (length > LIMITS[kind]) throw fail("tooLong", { flag, length, max: LIMITS[kind], kind });
    }
  };
  for (const [key, v] of Object.entries(cmd.optsWithGlobals()))
    check(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, key, v);
  cmd.registeredArguments.forEach((a, i) => check(a.name().toUpperCase(), a.name(), cmd.processedArgs[i]));
}

/** How the command was typed, for the commit's Aftercare-Command trailer: one line, quoted. */
export function commandLine(argv: string[]): string {
  return ["aftercare", ...argv].map((a) => (/^[\p{L}\p{N}_@%+=:,./-]+$/u.test(a) ? a : JSON.stringify(a))).join(" ");
}

/** What a run leaves for main: the context (for an error's words) and the exit code. */
export interface RunState {
  ctx?: Context;
  exitCode: number;
}

/** The runner of the real CLI: each command in a Context of its own. */
export function contextRunner(argv: string[], deps: Deps, state: RunState): Runner {
  return {
    async run<O>(cmd: Command, options: O, load: () => Promise<Run<O>>) {
      checkLengths(cmd);
      const { Context } = await import("./context.js");
      const ctx = new Context(cmd.optsWithGlobals<Globals>(), deps);
      state.ctx = ctx;
      ctx.commandLine = commandLine(argv);
      let result: unknown;
      try {
        result = await (await load())(options, ctx);
      } finally {
        await ctx.close();
      }
      if (result && typeof result === "object" && "exitCode" in result && typeof result.exitCode === "number")
        state.exitCode = result.exitCode;
      // saved but not committed: the record and its ID stand, and scripts can tell (EXIT.notCommitted)
      if (ctx.uncommitted.length && state.exitCode === EXIT.ok) state.exitCode = EXIT.notCommitted;
    },
    async bare<O>(_cmd: Command, options: O, load: () => Promise<BareRun<O>>) {
      state.exitCode = await (await load())(options, deps);
    },
  };
}
