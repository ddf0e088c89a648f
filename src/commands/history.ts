// aftercare history ID: a record's life from git, commit by commit, field by field.
import { UserError } from "../errors.js";
import { jsonText } from "../format/json.js";
import type { Git } from "../store/git.js";
import type { Context } from "../context.js";
import type { Translator } from "../i18n.js";
import { isId, kindOfId } from "../domain/ids.js";
import { formatShort } from "../domain/time.js";
import { safe } from "../format/text.js";
import { identityOf } from "../store/merge.js";
import { pathOf } from "../store/store.js";
import { valuesOfTexts } from "../store/parsing.js";
import { changeJson } from "../format/json.js";

export interface Change {
  field: string;
  from?: unknown;
  to?: unknown;
}

/** One commit in a record's history, with the fields it changed. */
export interface HistoryEntry {
  sha: string;
  date: string;
  author: string;
  subject: string;
  command?: string;
  path: string;
  changes: Change[];
}

/**
 * Flatten a record to dotted fields: dispatch.technician, contacts[张伟].phones. List items with an
 * identity (a contact person by name, a vehicle by plate: as the merge matches them) are named by
 * it, so a merge that put another desk's new contact first does not read as every contact renamed.
 */
function flat(v: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (v && typeof v === "object" && !Array.isArray(v))
    for (const [k, x] of Object.entries(v)) flat(x, prefix ? `${prefix}.${k}` : k, out);
  else if (Array.isArray(v) && v.some((x) => x && typeof x === "object")) {
    const key = identityOf([v]);
    v.forEach((x, i) => flat(x, `${prefix}[${key ? String((x as Record<string, unknown>)[key]) : i + 1}]`, out));
  } else if (v !== undefined && prefix) out[prefix] = v;
  return out;
}

export function diffRecords(before: unknown, after: unknown): Change[] {
  const [a, b] = [flat(before), flat(after)];
  const out: Change[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    out.push({ field: k, ...(k in a ? { from: a[k] } : {}), ...(k in b ? { to: b[k] } : {}) });
  }
  return out;
}

/**
 * What a merge did to a record beyond taking one side's change: each field both sides changed
 * from their common base (to different values), or one the merge gave a value of its own — from
 * the value that gave way (the other side's, when the merge kept one) to the merge's.
 */
export function settledInMerge(base: unknown, ours: unknown, theirs: unknown, merged: unknown): Change[] {
  const [o, a, b, m] = [flat(base), flat(ours), flat(theirs), flat(merged)];
  const eq = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  const out: Change[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b), ...Object.keys(m)])) {
    const both = !eq(a[k], o[k]) && !eq(b[k], o[k]) && !eq(a[k], b[k]);
    const own = !eq(m[k], a[k]) && !eq(m[k], b[k]);
    if (!both && !own) continue;
    const gaveWay = eq(m[k], a[k]) ? b[k] : a[k];
    out.push({
      field: k,
      ...(gaveWay !== undefined ? { from: gaveWay } : {}),
      ...(m[k] !== undefined ? { to: m[k] } : {}),
    });
  }
  return out;
}

const show = (v: unknown) => safe(Array.isArray(v) ? v.join(", ") : String(v)).replace(/\n/g, " ⏎ ");

const isList = (v: unknown): v is unknown[] => Array.isArray(v);

/** A change as one line: a list of plain values (tags, phones) as what was added and removed, it merges as a set. */
function line(c: Change, say: Translator): string {
  if (isList(c.from) && isList(c.to) && [...c.from, ...c.to].every((x) => typeof x !== "object")) {
    const [was, now] = [c.from.map(String), c.to.map(String)];
    const added = now.filter((x) => !was.includes(x));
    const removed = was.filter((x) => !now.includes(x));
    if (added.length || removed.length)
      return `${c.field}: ${[...added.map((x) => `+${safe(x)}`), ...removed.map((x) => `−${safe(x)}`)].join(" ")}`;
  }
  return "from" in c && "to" in c
    ? `${c.field}: ${show(c.from)} → ${show(c.to)}`
    : "to" in c
      ? `${c.field}: ${show(c.to)}`
      : `${c.field}: ${show(c.from)} ${say.t("sy.removed")}`;
}

export async function history(opts: { id: string }, ctx: Context): Promise<HistoryEntry[]> {
  const store = await ctx.store();
  const input = opts.id.trim().toUpperCase();
  const kind = kindOfId(input);
  const say = await ctx.say();
  if (!kind) throw new UserError(say.t("h.notId", { id: opts.id }));
  const id = await store.resolveId(kind, opts.id).catch((e: unknown) => {
    // a record since deleted still has a history
    if (isId(input)) return input;
    throw e;
  });
  const git = await ctx.git();
  await git.requireRepo("history");
  const path = pathOf(id);
  const steps = await entriesOf(git, await commitsOf(git, path));
  if (!steps.length) throw new UserError(say.t("h.none", { id, path }));
  if (ctx.json) {
    const history = steps.map((s) => ({ ...s, command: s.command ?? null, changes: s.changes.map(changeJson) }));
    ctx.io.out(jsonText({ id, kind, path, history }));
    return steps;
  }
  const tz = store.settings.timezone;
  const io = ctx.io;
  const kindWord = say.t(`sy.${kind}` as "sy.customer");
  let out = `${io.color.bold(id)}  ${say.t("h.head", { kind: kindWord, n: steps.length, s: steps.length > 1 ? "s" : "" })}\n`;
  for (const s of steps) {
    out += `\n${formatShort(new Date(s.date), tz)}  ${io.color.bold(safe(s.author))}  ${safe(s.subject)}  ${io.color.dim(s.sha)}\n`;
    const created = s.changes.every((c) => !("from" in c));
    for (const c of created && s.changes.length > 6 ? s.changes.slice(0, 6) : s.changes) out += `    ${line(c, say)}\n`;
    if (created && s.changes.length > 6) out += `    ${say.t("h.more", { n: s.changes.length - 6 })}\n`;
  }
  io.out(out);
  return steps;
}

/** A commit that touched the record's file, as git's log names it. */
interface Commit {
  sha: string;
  date: string;
  author: string;
  subject: string;
  command: string;
  status: string;
  now: string;
  was: string;
  parents: string[];
}

const FORMAT =
  "--format=%x1e%H%x1f%aI%x1f%an%x1f%s%x1f%P%x1f%(trailers:key=Aftercare-Command,valueonly,separator=%x20)";

/**
 * The commits that touched `path`, newest first. `git log -- PATH` without --follow: with the
 * commit-graph's changed-path Bloom filters (aftercare init writes one) git skips every commit
 * that did not touch the file without reading its trees, which --follow cannot do. A record moved
 * to another folder (doctor --fix, git mv) is followed here instead, one move at a time: the
 * commit that added the file is asked whether it moved it. --full-history: a change the other
 * side of a merge made stays in the history even when the merge kept this desk's value (git's
 * default would drop that side); merges are shown only when they settled or combined what both
 * sides changed.
 */
async function commitsOf(git: Git, path: string): Promise<Commit[]> {
  const raw: Commit[] = [];
  let spec = path;
  let from: string | undefined;
  for (let moves = 0; moves < 20; moves++) {
    const log = await git.run(["log", "--full-history", "--name-status", FORMAT, ...(from ? [from] : []), "--", spec]);
    const found = log.stdout.split("\x1e").filter((c) => c.trim());
    for (const chunk of found) raw.push(commitOf(chunk, spec));
    const first = raw[raw.length - 1];
    if (!found.length || !first || first.status !== "A") break;
    const diff = await git.run(["diff-tree", "-r", "-M", "--name-status", "--no-commit-id", first.sha]);
    const moved = diff.stdout
      .split("\n")
      .map((l) => l.split("\t"))
      .find((p) => p.length === 3 && p[0]!.startsWith("R") && p[2] === first.now);
    if (!moved) break;
    first.status = moved[0]!;
    first.was = moved[1]!;
    spec = `:(top)${moved[1]}`;
    from = `${first.sha}^`;
  }
  return raw;
}

/** One commit of the log (FORMAT, then its --name-status lines). */
function commitOf(chunk: string, spec: string): Commit {
  const [head, ...rest] = chunk.split("\n");
  const [sha, date, author, subject, parents, command] = head!.split("\x1f") as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const ns = rest.map((l) => l.split("\t")).find((p) => p.length >= 2) ?? ["M", spec.replace(/^:\(top\)/, "")];
  const now = ns[ns.length - 1]!;
  const status = ns[0]!;
  const was = status.startsWith("R") ? ns[1]! : now;
  return { sha, date, author, subject, command, status, now, was, parents: parents.split(" ").filter(Boolean) };
}

/** What each commit changed in the record, field by field; merges only when they settled what both sides changed. */
async function entriesOf(git: Git, raw: Commit[]): Promise<HistoryEntry[]> {
  // every version the entries compare, read in one process (a merge: its own and each parent's)
  const names: string[] = [];
  for (const r of raw) {
    if (r.parents.length > 1) names.push(`${r.sha}:${r.now}`, `${r.parents[0]}:${r.now}`, `${r.parents[1]}:${r.now}`);
    else {
      if (r.status !== "D") names.push(`${r.sha}:${r.now}`);
      if (r.status !== "A") names.push(`${r.sha}^:${r.was}`);
    }
  }
  const values = await valuesOfTexts(await git.catFiles(names));
  const steps: HistoryEntry[] = [];
  let at = 0;
  const next = () => values[at++];
  for (const r of raw) {
    const step = {
      sha: r.sha.slice(0, 8),
      date: r.date,
      author: r.author,
      subject: r.subject,
      command: r.command?.trim() || undefined,
      path: r.now,
    };
    if (r.parents.length > 1) {
      const [merged, ours, theirs] = [next(), next(), next()];
      if (JSON.stringify(ours) === JSON.stringify(theirs)) continue;
      // what the two sides had in common: the merge settled what both changed from it
      const mb = await git.run(["merge-base", r.parents[0]!, r.parents[1]!]);
      const [baseText] = mb.code === 0 ? await git.catFiles([`${mb.stdout.trim()}:${r.now}`]) : [undefined];
      const [base] = await valuesOfTexts([baseText]);
      const changes = settledInMerge(base, ours, theirs, merged);
      if (changes.length) steps.push({ ...step, changes });
      continue;
    }
    const after = r.status === "D" ? undefined : next();
    const before = r.status === "A" ? undefined : next();
    steps.push({ ...step, changes: diffRecords(before, after) });
  }
  return steps;
}
