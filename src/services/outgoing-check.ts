// What a desk is about to send, checked before it leaves: only the record files the commits change
// (a diff of trees, read from git in one process), the records they refer to, and the records that
// refer to one they delete. Conflict markers, a record that fails its schema, a reference to a
// record not in the store: each a path:line:col problem. `aftercare sync` runs it before pushing,
// and the pre-push hook (commands/outgoing.ts) runs it for a plain `git push`; a store of 205,000
// records costs no more than the few files sent.
import type { z } from "zod";
import { checkRecords, factsOf, recordFindings, type CheckRecord } from "../domain/check.js";
import type { RecordKind } from "../domain/ids.js";
import { settingsSchema, type Settings } from "../domain/schema.js";
import type { Git } from "../store/git.js";
import { readRecord, validate } from "../store/read-record.js";
import { FOLDERS, idOfPath, kindOfPath, pathOf, pathOrNone, SETTINGS_FILE, type FileProblem } from "../store/store.js";
import { conflictMarkers, locate, parseYaml } from "../store/yaml.js";

/** git's empty tree: what a first push is compared with. */
export const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

type Changed = { path: string; status: string };

/** The store's files that differ between two commits (relative to the store), with git's status letter. */
export async function changedFiles(git: Git, base: string | undefined, tip: string): Promise<Changed[]> {
  const r = await git.run(["diff", "--name-status", "-z", "--no-renames", "--relative", base ?? EMPTY_TREE, tip]);
  if (r.code !== 0) throw new Error(`git diff: ${r.stderr.trim()}`);
  const parts = r.stdout.split("\0");
  const out: Changed[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ status: parts[i]!, path: parts[i + 1]! });
  return out;
}

/** The settings as the commits leave them, and their problems when the commits change them. */
function settingsAt(text: string | undefined, changed: boolean): { settings?: Settings; problems: FileProblem[] } {
  const read = text === undefined ? undefined : parseYaml(text);
  if (read?.parsed) {
    const v = validate(settingsSchema as unknown as z.ZodType<Settings>, read.parsed, "settings");
    const problems = changed ? v.problems.map((p) => ({ path: SETTINGS_FILE, ...p })) : [];
    return v.value ? { settings: v.value, problems } : { problems };
  }
  if (!changed) return { problems: [] };
  const ps = read?.problems ?? [{ line: 1, col: 1, message: "not readable" }];
  return { problems: ps.map((p) => ({ path: SETTINGS_FILE, ...p })) };
}

/** The records read for the check, and the problems found on the way. */
class Gathered {
  readonly records: CheckRecord[] = [];
  /** the files whose problems count: those the commits change, and those that refer to one they delete */
  readonly checked = new Set<string>();
  readonly texts = new Map<string, string>();
  constructor(
    readonly settings: Settings | undefined,
    readonly problems: FileProblem[],
  ) {}

  add(kind: RecordKind, path: string, text: string, own: boolean): void {
    const r = readRecord(kind, path, Buffer.from(text, "utf8"));
    if (own) this.problems.push(...r.problems);
    if (!r.value) return;
    this.texts.set(path, text);
    const value = r.value as NonNullable<CheckRecord["value"]>;
    if (this.settings) this.records.push({ kind, id: idOfPath(path), path, value });
    else {
      // no staff list to judge names by: references and the record's own consistency only
      const { staff: _staff, ...facts } = factsOf(kind, value);
      this.records.push({ kind, id: idOfPath(path), path, facts, findings: recordFindings(kind, path, value) });
    }
  }

  /** The findings of the rules across records, in the files checked, placed at their lines. */
  findings(): FileProblem[] {
    if (!this.settings && !this.records.length) return [];
    const settings = this.settings ?? ({ staff: [] } as unknown as Settings);
    const out: FileProblem[] = [];
    for (const f of checkRecords({ settings, records: this.records, pathOf: pathOrNone })) {
      if (!this.checked.has(f.path)) continue;
      const text = this.texts.get(f.path);
      const parsed = text === undefined ? undefined : parseYaml(text).parsed;
      out.push({
        path: f.path,
        ...(parsed ? locate(parsed, f.field) : { line: 1, col: 1 }),
        message: f.message,
        ...(f.worded ? { worded: f.worded } : {}),
      });
    }
    return out;
  }
}

/** The records those read refer to, and those at `tip` that refer to a record the commits delete. */
async function wantedPaths(git: Git, tip: string, prefix: string, changed: Changed[], g: Gathered): Promise<string[]> {
  const wanted = new Set<string>();
  for (const r of g.records) {
    const facts = r.value ? factsOf(r.kind, r.value) : (r.facts as ReturnType<typeof factsOf>);
    for (const id of [facts.customer, facts.ticket, facts.event]) if (id) wanted.add(pathOf(id));
  }
  for (const f of changed) {
    if (f.status !== "D" || !kindOfPath(f.path)) continue;
    const found = await git.run([
      "grep",
      "-l",
      "-F",
      "-e",
      idOfPath(f.path),
      tip,
      "--",
      FOLDERS.ticket,
      FOLDERS.contact,
    ]);
    for (const line of found.stdout.split("\n").filter(Boolean)) {
      const shown = line.slice(line.indexOf(":") + 1);
      const path = prefix && shown.startsWith(prefix) ? shown.slice(prefix.length) : shown;
      if (!g.checked.has(path)) {
        wanted.add(path);
        g.checked.add(path);
      }
    }
  }
  return [...wanted].filter((p) => !g.texts.has(p));
}

/**
 * The problems the store at `tip` has in the files changed since `base` (everything, without a
 * base), sorted by path and line. Only files of the store's own folder count.
 */
export async function checkCommits(git: Git, base: string | undefined, tip: string): Promise<FileProblem[]> {
  const prefix = await git.prefix();
  const changed = await changedFiles(git, base, tip);
  const at = (path: string) => `${tip}:${prefix}${path}`;
  const present = changed.filter((f) => f.status !== "D");
  const [settingsText, ...texts] = await git.catFiles([at(SETTINGS_FILE), ...present.map((f) => at(f.path))]);
  // the settings as the commits leave them; when they cannot be read, only what they are themselves is checked
  const { settings, problems } = settingsAt(
    settingsText,
    present.some((f) => f.path === SETTINGS_FILE),
  );
  const g = new Gathered(settings, problems);
  present.forEach((f, i) => {
    const text = texts[i];
    if (text === undefined || f.path === SETTINGS_FILE) return;
    const kind = kindOfPath(f.path);
    g.checked.add(f.path);
    if (kind) g.add(kind, f.path, text, true);
    else for (const m of conflictMarkers(text)) problems.push({ path: f.path, ...m });
  });
  const others = await wantedPaths(git, tip, prefix, changed, g);
  const otherTexts = await git.catFiles(others.map(at));
  others.forEach((p, i) => {
    const text = otherTexts[i];
    const kind = kindOfPath(p);
    if (text !== undefined && kind) g.add(kind, p, text, g.checked.has(p));
  });
  problems.push(...g.findings());
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col);
  return problems;
}
