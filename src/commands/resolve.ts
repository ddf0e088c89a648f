// aftercare resolve [ID] [--keep here|there|here:FIELD|there:FIELD] [--set FIELD=VALUE]: settle a
// record a sync stopped on, without a text editor. Without a choice it shows each contested field
// with both values in full (a list or a nested field whole, as keeping that side would leave it)
// and who changed each side when; with one it settles the record, checks it, finishes the merge
// (or rebase) once nothing else is contested, and sends it as `sync` would.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { Context } from "../context.js";
import { UsageError, UserError } from "../errors.js";
import type { Translator } from "../i18n.js";
import { formatShort } from "../domain/time.js";
import { mergeRecord, type Contest, type Settlement } from "../store/merge.js";
import { readRecord } from "../store/read-record.js";
import { parseYaml, updateYamlText } from "../store/yaml.js";
import { keyOrder } from "../services/merge-driver.js";
import { contestedRecords, explainConflicts, howToSettle, type ContestedRecord } from "../services/conflicts.js";
import {
  finish,
  incoming,
  noteStash,
  sendAll,
  stashEnv,
  stashes,
  startRun,
  type SyncRun,
} from "../services/sync-run.js";
import { gitReason, sides } from "../services/sync-words.js";
import { kindOfPath } from "../store/store.js";

export interface ResolveOptions {
  id?: string;
  keep?: string[];
  set?: string[];
}

type Obj = Record<string, unknown>;

/** A value in full, indented under its side: text on one line, anything else as YAML. */
function full(v: unknown, say: Translator): string {
  if (v === undefined) return `    ${say.t("sy.removed")}`;
  const text = typeof v === "string" ? v : stringify(v, { lineWidth: 0 }).replace(/\n$/, "");
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

/** What `aftercare resolve ID` shows for one record. */
function show(c: ContestedRecord, say: Translator, tz: string): string {
  const { here, there } = sides(say);
  const when = (w: string) => (w ? formatShort(new Date(w), tz) : "?");
  const what = c.kind && c.kind !== "settings" ? ` (${say.t(`sy.${c.kind}` as "sy.customer")} ${c.id})` : "";
  if (!c.contests.length) return `${c.path}${what}: ${say.t("r.notRecord")}`;
  const mine = mergeRecord(c.texts.base, c.texts.here, c.texts.there, keyOrder(c.path))!.value;
  const theirs = mergeRecord(c.texts.base, c.texts.here, c.texts.there, keyOrder(c.path), {
    settle: () => ({ side: "theirs" }),
  })!.value;
  const fields = [...new Set(c.contests.map((x) => x.field))];
  const lines = [`${c.path}${what}: ${say.t("r.head", { n: fields.length, s: fields.length === 1 ? "" : "s" })}`];
  for (const f of fields) {
    const inside = c.contests.filter((x) => x.field === f && x.path !== f).map((x) => x.path);
    const name = say.t("r.field", { field: f });
    lines.push("", inside.length ? `${name}  (${say.t("r.inside", { paths: inside.join(", ") })})` : name);
    lines.push(`  ${here} — ${c.here.who}, ${when(c.here.when)}:`, full(mine[f], say));
    lines.push(`  ${there} — ${c.there.who}, ${when(c.there.when)}:`, full(theirs[f], say));
  }
  const first = fields[0]!;
  lines.push(
    "",
    say.t("r.settleWith"),
    `  aftercare resolve ${c.id} --keep here`,
    `  aftercare resolve ${c.id} --keep there`,
  );
  if (fields.length > 1) lines.push(`  aftercare resolve ${c.id} --keep here:${first} --keep there:${fields[1]}`);
  lines.push(`  aftercare resolve ${c.id} --set ${first}=${say.t("r.value")}`);
  return lines.join("\n");
}

/** A value typed after --set FIELD=: a list or mapping in YAML's flow form, a number or true/false where the sides hold one, else text. */
function typedValue(raw: string, like: unknown[], field: string): unknown {
  if (/^\s*[[{]/.test(raw)) {
    const p = parseYaml(`v: ${raw}\n`);
    if (!p.parsed)
      throw new UsageError(
        `--set ${field}=${raw}: not a YAML list or mapping (${p.problems[0]?.message ?? "?"}); write it as [a, b] or {key: value}; nothing was written`,
      );
    return (p.parsed.value as Obj).v;
  }
  if (like.some((v) => typeof v === "number") && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (like.some((v) => typeof v === "boolean") && /^(true|false)$/.test(raw)) return raw === "true";
  return raw;
}

interface Choices {
  all?: "ours" | "theirs";
  /** by a contest's path, or a top-level field */
  side: Map<string, "ours" | "theirs">;
  value: Map<string, unknown>;
  /** for the commit message: what was kept, field by field */
}

function choicesOf(opts: ResolveOptions, c: ContestedRecord, say: Translator): Choices {
  const known = new Set([...c.contests.map((x) => x.path), ...c.contests.map((x) => x.field)]);
  const list = [...new Set(c.contests.map((x) => x.path))].join(", ");
  const field = (f: string, flag: string) => {
    if (!known.has(f)) throw new UsageError(say.t("r.unknownField", { flag, field: f, id: c.id, list }));
    return f;
  };
  const out: Choices = { side: new Map(), value: new Map() };
  for (const k of opts.keep ?? []) {
    const m = /^(here|there)(?::(.+))?$/.exec(k.trim());
    if (!m) throw new UsageError(say.t("r.badKeep", { keep: k }));
    const side = m[1] === "here" ? "ours" : "theirs";
    if (m[2]) out.side.set(field(m[2].trim(), `--keep ${k}`), side);
    else out.all = side;
  }
  for (const s of opts.set ?? []) {
    const at = s.indexOf("=");
    if (at <= 0) throw new UsageError(say.t("r.badSet", { set: s }));
    const f = field(s.slice(0, at).trim(), `--set ${s}`);
    const like = c.contests.filter((x) => x.path === f || x.field === f).flatMap((x) => [x.ours, x.theirs]);
    out.value.set(f, typedValue(s.slice(at + 1), like, f));
  }
  return out;
}

/** The record as settled: the merge with each contest decided; throws when one is left undecided. */
function settled(c: ContestedRecord, ch: Choices, say: Translator): { text: string; kept: string[] } {
  const { here, there } = sides(say);
  const kept: string[] = [];
  const decide = (x: Contest): Settlement => {
    for (const key of [x.path, x.field]) {
      if (ch.value.has(key)) {
        // a whole top-level field given: its contests take our side here and the field is replaced below
        if (key === x.field && key !== x.path) return { side: "ours" };
        return { value: ch.value.get(key) };
      }
      const side = ch.side.get(key);
      if (side) return { side };
    }
    return ch.all ? { side: ch.all } : undefined;
  };
  const order = keyOrder(c.path);
  const r = mergeRecord(c.texts.base, c.texts.here, c.texts.there, order, { settle: decide })!;
  if (r.conflicts.length) {
    const left = r.contests.map((x) => x.path).join(", ");
    throw new UsageError(say.t("r.stillOpen", { id: c.id, left, first: r.contests[0]!.path }));
  }
  for (const x of c.contests) {
    const d = decide(x);
    const wholeSet = ch.value.has(x.field) && x.field !== x.path;
    if (wholeSet || (d && "value" in d))
      kept.push(
        `${x.path}: set to ${JSON.stringify(wholeSet ? ch.value.get(x.field) : (d as { value: unknown }).value)}`,
      );
    else if (d && "side" in d)
      kept.push(
        `${x.path}: kept ${JSON.stringify(d.side === "ours" ? x.ours : x.theirs) ?? "(removed)"} (${d.side === "ours" ? here : there}) over ${JSON.stringify(d.side === "ours" ? x.theirs : x.ours) ?? "(removed)"}`,
      );
  }
  let text = r.text;
  const whole = [...ch.value].filter(([k]) => c.contests.some((x) => x.field === k && x.path !== k));
  if (whole.length) {
    const parsed = parseYaml(text).parsed!;
    const value = parsed.value as Obj;
    const next = { ...value };
    for (const [k, v] of whole) next[k] = v;
    text = updateYamlText(text, parsed, value, next, order);
  }
  return { text, kept: [...new Set(kept)] };
}

/** The contested record named by its ID (or any unique start), else the only one when choosing. */
function targetOf(
  opts: ResolveOptions,
  list: ContestedRecord[],
  choosing: boolean,
  say: Translator,
): ContestedRecord | undefined {
  if (opts.id) {
    const want = opts.id.trim().toUpperCase();
    const found = list.filter((c) => c.id.toUpperCase().startsWith(want) || c.path === opts.id);
    if (found.length !== 1)
      throw new UserError(
        say.t(found.length ? "r.ambiguous" : "r.notContested", { id: opts.id, list: list.map((c) => c.id).join(", ") }),
      );
    return found[0];
  }
  if (!choosing) return undefined;
  if (list.length > 1) throw new UsageError(say.t("r.whichOne", { list: list.map((c) => c.id).join(", ") }));
  return list[0];
}

export async function resolve(opts: ResolveOptions, ctx: Context): Promise<{ exitCode: number }> {
  const store = await ctx.store();
  const git = await ctx.git();
  const say = await ctx.say();
  const st = await git.state();
  if (!st.repo) await git.requireRepo("settle");
  const choosing = Boolean(opts.keep?.length || opts.set?.length);
  if (!st.operation || (st.operation !== "merge" && st.operation !== "rebase")) {
    if (st.operation) throw new UserError(say.t("sy.operation", { operation: st.operation }));
    if (opts.id || choosing) throw new UserError(say.t("r.nothing"));
    ctx.io.err(`${say.t("r.nothing")}\n`);
    return { exitCode: 0 };
  }
  const operation = st.operation;
  const list = await contestedRecords(git, operation);
  const tz = store.settings.timezone;
  if (!list.length) return finishAndSend(ctx, operation);
  const target = targetOf(opts, list, choosing, say);
  if (!target || !choosing) {
    ctx.io.out(`${(target ? [target] : list).map((c) => show(c, say, tz)).join("\n\n")}\n`);
    return { exitCode: 0 };
  }
  const c = target;
  if (!c.contests.length) throw new UserError(say.t("r.notRecordSettle", { path: c.path }));
  const { text, kept } = settled(c, choicesOf(opts, c, say), say);
  const kind = kindOfPath(c.path);
  if (kind) {
    const problems = readRecord(kind, c.path, Buffer.from(text, "utf8")).problems;
    if (problems.length)
      throw new UserError(
        `${say.t("r.invalid", { id: c.id })}\n${problems.map((p) => `  ${p.path}:${p.line}:${p.col}: ${p.message}`).join("\n")}`,
      );
  }
  const actor = await ctx.actor();
  const run = await startRun(ctx);
  const left = list.filter((x) => x !== c);
  await store.withLock(
    async () => {
      await store.writeFile(c.path, text);
      const add = await git.run(["add", "--", c.path]);
      if (add.code !== 0) throw new UserError(say.t("r.addFailed", { path: c.path, reason: gitReason(add.stderr) }));
      if (operation === "merge") await noteInMergeMessage(st.gitDir!, c.path, kept);
      if (!left.length) await finishOperation(run, operation);
    },
    { who: actor.name, command: "resolve" },
  );
  ctx.io.out(`${c.id}\n`);
  if (left.length) {
    ctx.io.err(`${say.t("r.settledOne", { id: c.id, left: left.map((x) => x.id).join(", "), next: left[0]!.id })}\n`);
    return { exitCode: 0 };
  }
  return send(run, c.id);
}

/** Write what was kept into the merge's message, so `git log` tells how the conflict was settled. */
async function noteInMergeMessage(gitDir: string, path: string, kept: string[]): Promise<void> {
  const file = join(gitDir, "MERGE_MSG");
  const text = await fs.readFile(file, "utf8").catch(() => "");
  const lines = text.split("\n");
  const cut = lines.findIndex((l) => l.startsWith("#"));
  const body = (cut < 0 ? lines : lines.slice(0, cut)).join("\n").trimEnd();
  const rest = cut < 0 ? "" : `\n${lines.slice(cut).join("\n")}`;
  await fs.writeFile(file, `${body}\n\nSettled ${path}:\n${kept.map((k) => `- ${k}`).join("\n")}\n${rest}`);
}

/** Nothing left contested: finish the merge (or rebase), then send as `sync` does. */
async function finishAndSend(ctx: Context, operation: "merge" | "rebase"): Promise<{ exitCode: number }> {
  const run = await startRun(ctx);
  const store = await ctx.store();
  await store.withLock(() => finishOperation(run, operation), { who: (await ctx.actor()).name, command: "resolve" });
  return send(run, undefined);
}

/** The merge's commit (or the rest of the rebase), with what was kept in its message. */
async function finishOperation(run: SyncRun, operation: "merge" | "rebase"): Promise<void> {
  const { git, say } = run;
  const before = await stashes(git);
  if (operation === "merge") {
    // what the merge brings in, for the summary
    run.came = await incoming(git, "HEAD..MERGE_HEAD");
    const gitDir = (await git.state()).gitDir!;
    const raw = await fs.readFile(join(gitDir, "MERGE_MSG"), "utf8").catch(() => "sync: merged");
    const message = raw
      .split("\n")
      .filter((l) => !l.startsWith("#"))
      .join("\n")
      .replace(/\n(Aftercare-Command: [^\n]*)\n([\s\S]*)$/, "\n$2\n\n$1")
      .trim();
    // (the commit puts back uncommitted edits the sync put aside: their markers, if any, in the stash's words)
    const r = await git.run(["commit", "--no-verify", "--cleanup=strip", "-F", "-"], stashEnv(run), {
      input: `${message}\n`,
    });
    if (r.code !== 0) throw new UserError(say.t("r.commitFailed", { reason: gitReason(r.stderr, r.stdout) }));
  } else {
    const r = await git.run(["rebase", "--continue"], { ...run.env, GIT_EDITOR: "true" });
    if (r.code !== 0) {
      const list = await contestedRecords(git, "rebase");
      if (list.length)
        throw new UserError(
          `${say.t("sy.stopped")}\n${explainConflicts(list, say)}\n${howToSettle(list, "rebase", say)}`,
        );
      throw new UserError(say.t("r.rebaseFailed", { reason: gitReason(r.stderr, r.stdout) }));
    }
  }
  await noteStash(run, before);
}

async function send(run: SyncRun, id: string | undefined): Promise<{ exitCode: number }> {
  return run.ctx.writing(async () => {
    await sendAll(run);
    if (id) run.ctx.io.err(`${run.say.t("r.settled", { id })}\n`);
    return finish(run, { summaryTo: id ? "err" : "out" });
  });
}
