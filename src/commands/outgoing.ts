// What a desk is about to send, checked before it leaves: only the record files the commits change
// (a diff of trees, read from git in one process), the records they refer to, and the records that
// refer to one they delete. Conflict markers, a record that fails its schema, a reference to a
// record not in the store: each a path:line:col problem. `aftercare sync` runs it before pushing,
// and the pre-push hook runs it for a plain `git push`; a store of 205,000 records costs no more
// than the few files sent.
import type { z } from "zod";
import type { Context } from "../context.js";
import { checkRecords, factsOf, recordFindings, type CheckRecord } from "../domain/check.js";
import { KIND_OF_LETTER, type KindLetter, type RecordKind } from "../domain/ids.js";
import { settingsSchema, type Settings } from "../domain/schema.js";
import type { Git } from "../store/git.js";
import { readRecord, validate } from "../store/read-record.js";
import { FOLDERS, pathOf, SETTINGS_FILE, type FileProblem } from "../store/store.js";
import { conflictMarkers, locate, parseYaml } from "../store/yaml.js";

/** git's empty tree: what a first push is compared with. */
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const KIND_OF_FOLDER = new Map(Object.entries(FOLDERS).map(([k, f]) => [f, k as RecordKind]));

/** The kind of record a store path holds, by its folder and file name; undefined for any other file. */
export function kindOfPath(path: string): RecordKind | undefined {
  const kind = KIND_OF_FOLDER.get(path.slice(0, path.indexOf("/")));
  const name = path.slice(path.lastIndexOf("/") + 1);
  return kind && /\.ya?ml$/.test(name) && KIND_OF_LETTER[name[0] as KindLetter] === kind ? kind : undefined;
}

const idOfPath = (path: string) => path.slice(path.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");

/** The store's files that differ between two commits (relative to the store), with git's status letter. */
export async function changedFiles(
  git: Git,
  base: string | undefined,
  tip: string,
): Promise<{ path: string; status: string }[]> {
  const r = await git.run(["diff", "--name-status", "-z", "--no-renames", "--relative", base ?? EMPTY_TREE, tip]);
  if (r.code !== 0) throw new Error(`git diff: ${r.stderr.trim()}`);
  const parts = r.stdout.split("\0");
  const out: { path: string; status: string }[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ status: parts[i]!, path: parts[i + 1]! });
  return out;
}

/**
 * The problems the store at `tip` has in the files changed since `base` (everything, without a
 * base), sorted by path and line. Only files of the store's own folder count.
 */
export async function checkCommits(git: Git, base: string | undefined, tip: string): Promise<FileProblem[]> {
  const prefix = await git.prefix();
  const changed = await changedFiles(git, base, tip);
  const at = (path: string) => `${tip}:${prefix}${path}`;
  const problems: FileProblem[] = [];
  const present = changed.filter((f) => f.status !== "D");
  const [settingsText, ...texts] = await git.catFiles([at(SETTINGS_FILE), ...present.map((f) => at(f.path))]);
  // the settings as the commits leave them; when they cannot be read, only what they are themselves is checked
  let settings: Settings | undefined;
  const settingsParsed = settingsText === undefined ? undefined : parseYaml(settingsText);
  if (settingsParsed?.parsed) {
    const v = validate(settingsSchema as unknown as z.ZodType<Settings>, settingsParsed.parsed, "settings");
    settings = v.value;
    if (present.some((f) => f.path === SETTINGS_FILE))
      problems.push(...v.problems.map((p) => ({ path: SETTINGS_FILE, ...p })));
  } else if (present.some((f) => f.path === SETTINGS_FILE))
    problems.push(
      ...(settingsParsed?.problems ?? [{ line: 1, col: 1, message: "not readable" }]).map((p) => ({
        path: SETTINGS_FILE,
        ...p,
      })),
    );

  const records: CheckRecord[] = [];
  const checked = new Set<string>();
  const texts0 = new Map<string, string>();
  const add = (kind: RecordKind, path: string, text: string, own: boolean) => {
    const r = readRecord(kind, path, Buffer.from(text, "utf8"));
    if (own) problems.push(...r.problems);
    if (!r.value) return;
    texts0.set(path, text);
    const value = r.value as NonNullable<CheckRecord["value"]>;
    if (settings) records.push({ kind, id: idOfPath(path), path, value });
    else {
      // no staff list to judge names by: references and the record's own consistency only
      const { staff: _staff, ...facts } = factsOf(kind, value);
      records.push({ kind, id: idOfPath(path), path, facts, findings: recordFindings(kind, path, value) });
    }
  };
  present.forEach((f, i) => {
    const text = texts[i];
    if (text === undefined || f.path === SETTINGS_FILE) return;
    const kind = kindOfPath(f.path);
    checked.add(f.path);
    if (kind) add(kind, f.path, text, true);
    else for (const m of conflictMarkers(text)) problems.push({ path: f.path, ...m });
  });
  // the records they refer to, and those that refer to a record they delete
  const wanted = new Set<string>();
  for (const r of records) {
    const facts = r.value ? factsOf(r.kind, r.value) : (r.facts as ReturnType<typeof factsOf>);
    for (const id of [facts.customer, facts.ticket, facts.event]) if (id) wanted.add(pathOf(id));
  }
  for (const f of changed) {
    if (f.status !== "D" || !kindOfPath(f.path)) continue;
    const g = await git.run(["grep", "-l", "-F", "-e", idOfPath(f.path), tip, "--", FOLDERS.ticket, FOLDERS.contact]);
    for (const line of g.stdout.split("\n").filter(Boolean)) {
      const shown = line.slice(line.indexOf(":") + 1);
      const path = prefix && shown.startsWith(prefix) ? shown.slice(prefix.length) : shown;
      if (!checked.has(path)) {
        wanted.add(path);
        checked.add(path);
      }
    }
  }
  const others = [...wanted].filter((p) => !texts0.has(p));
  const otherTexts = await git.catFiles(others.map(at));
  others.forEach((p, i) => {
    const text = otherTexts[i];
    const kind = kindOfPath(p);
    if (text !== undefined && kind) add(kind, p, text, checked.has(p));
  });
  if (settings || records.length) {
    const findings = checkRecords({
      settings: settings ?? ({ staff: [] } as unknown as Settings),
      records,
      pathOf: (id) => (/^[CTKEW]-\d{6}-/.test(id) ? pathOf(id) : ""),
    });
    for (const f of findings) {
      if (!checked.has(f.path)) continue;
      const text = texts0.get(f.path);
      const parsed = text === undefined ? undefined : parseYaml(text).parsed;
      problems.push({ path: f.path, ...(parsed ? locate(parsed, f.field) : { line: 1, col: 1 }), message: f.message });
    }
  }
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col);
  return problems;
}

/**
 * The pre-push hook: git gives, one line each, `<local ref> <local sha> <remote ref> <remote sha>`
 * on stdin. Each update is checked from what the server has (else from nothing). Exit 1 with the
 * problems when any.
 */
export async function prePush(ctx: Context, remote: string): Promise<{ exitCode: number }> {
  const store = await ctx.store();
  const git = await ctx.git();
  const say = await ctx.say();
  const input = ctx.deps.stdin ? await ctx.deps.stdin() : "";
  const zero = /^0+$/;
  const problems: FileProblem[] = [];
  for (const line of input.split("\n")) {
    const [, local, , known] = line.trim().split(/\s+/);
    if (!local || zero.test(local)) continue;
    const has = known && !zero.test(known) && (await git.run(["cat-file", "-e", `${known}^{commit}`])).code === 0;
    let base = has ? known : undefined;
    if (!base) {
      // a new branch on the server: from where it meets what this desk has of the server
      const mb = await git.run(["merge-base", local, `refs/remotes/${remote}/HEAD`]);
      base = mb.code === 0 ? mb.stdout.trim() : undefined;
    }
    problems.push(...(await checkCommits(git, base, local)));
  }
  if (!problems.length) return { exitCode: 0 };
  ctx.io.err(
    `${say.t("sy.prePush", { root: store.root })}\n${problems.map((p) => `${p.path}:${p.line}:${p.col}: ${p.message}`).join("\n")}\n`,
  );
  return { exitCode: 1 };
}
