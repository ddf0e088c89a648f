// What stands in the way of a sync: a merge or rebase left unfinished, its contested records, and
// how to settle them (aftercare resolve).
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { UserError } from "../errors.js";
import type { Translator } from "../i18n.js";
import type { Git, RepoState } from "../store/git.js";
import { mergeRecord, type Contest } from "../store/merge.js";
import { idOfPath, kindOfPath } from "../store/store.js";
import { keyOrder } from "./merge-driver.js";
import { EMPTY_TREE } from "./outgoing-check.js";
import { sides } from "./sync-words.js";

// ---------------------------------------------------------------------------------------------
// What stands in the way: a merge or rebase left unfinished, its contested records

export interface ContestedRecord {
  /** relative to the store */
  path: string;
  id: string;
  kind?: string;
  /** the record's three versions: the common base, this desk's, the server's */
  texts: { base: string; here: string; there: string };
  /** each value changed two ways; empty when the file is not a record aftercare can merge */
  contests: Contest[];
  /** who changed each side last, and when */
  here: { who: string; when: string };
  there: { who: string; when: string };
}

/** Files git has left unmerged in the store, relative to it. */
export async function unmergedFiles(git: Git): Promise<string[]> {
  const r = await git.run(["diff", "--name-only", "-z", "--diff-filter=U", "--relative"]);
  return [...new Set(r.stdout.split("\0").filter(Boolean))];
}

const MARKED = /^<<<<<<< [^\n]*\n[\s\S]*^>>>>>>> /m;

/**
 * Files git counts as merged that still hold conflict markers: a `git add` of a file not yet
 * settled (git takes the add as the settling). Only what the merge or rebase changed is read.
 */
async function markedFiles(git: Git, unmerged: string[]): Promise<string[]> {
  const r = await git.run(["diff", "--name-only", "-z", "--relative", "HEAD"]);
  const skip = new Set(unmerged);
  const out: string[] = [];
  for (const f of r.stdout.split("\0").filter(Boolean)) {
    if (skip.has(f)) continue;
    const text = await fs.readFile(join(git.cwd, f), "utf8").catch(() => "");
    if (MARKED.test(text)) out.push(f);
  }
  return out;
}

/**
 * Each record left unmerged, with its contested values, read from git's index (stages 1, 2, 3);
 * and each one staged with its markers still in, read from the commits being merged.
 */
export async function contestedRecords(
  git: Git,
  operation: NonNullable<RepoState["operation"]>,
): Promise<ContestedRecord[]> {
  const unmerged = await unmergedFiles(git);
  const marked = operation === "merge" || operation === "rebase" ? await markedFiles(git, unmerged) : [];
  const files = [...unmerged, ...marked];
  if (!files.length) return [];
  const prefix = await git.prefix();
  const [hereRev, thereRev] = operation === "rebase" ? ["REBASE_HEAD", "HEAD"] : ["HEAD", "MERGE_HEAD"];
  const base = (
    await git.run(["merge-base", "HEAD", operation === "rebase" ? "REBASE_HEAD" : "MERGE_HEAD"])
  ).stdout.trim();
  // in a merge this desk is "ours" (stage 2); a rebase replays this desk's commits onto the server's, so it is "theirs"
  const [hereStage, thereStage] = operation === "rebase" ? [3, 2] : [2, 3];
  // a file staged with its markers has no stages left: its versions are the commits' (a rebase's base: the replayed commit's parent)
  const baseRev = operation === "rebase" ? "REBASE_HEAD^" : base || EMPTY_TREE;
  const texts = await git.catFiles([
    ...unmerged.flatMap((f) => [1, hereStage, thereStage].map((n) => `:${n}:${prefix}${f}`)),
    ...marked.flatMap((f) => [baseRev, hereRev, thereRev].map((rev) => `${rev}:${prefix}${f}`)),
  ]);
  const last = async (rev: string, path: string) => {
    const r = await git.run(["log", "-1", "--format=%an%x1f%aI", base ? `${base}..${rev}` : rev, "--", path]);
    const [who, when] = r.stdout.trim().split("\x1f");
    return { who: who ?? "", when: when ?? "" };
  };
  const out: ContestedRecord[] = [];
  for (const [i, path] of files.entries()) {
    const [b, h, t] = [texts[i * 3] ?? "", texts[i * 3 + 1] ?? "", texts[i * 3 + 2] ?? ""];
    const kind = kindOfPath(path) ?? (path === "aftercare.yaml" ? "settings" : undefined);
    const merged = kind ? mergeRecord(b, h, t, keyOrder(path)) : undefined;
    out.push({
      path,
      id: idOfPath(path),
      kind,
      texts: { base: b, here: h, there: t },
      contests: merged?.contests ?? [],
      here: await last(hereRev, path),
      there: await last(thereRev, path),
    });
  }
  return out;
}

/** A value as one line: text as it is, anything else as YAML flow ("(removed)" when absent). */
export function inline(v: unknown, say: Translator): string {
  if (v === undefined) return say.t("sy.removed");
  if (typeof v === "string") return v.replace(/\n/g, " ⏎ ");
  return JSON.stringify(v)
    .replace(/"([^"\\]*)":/g, "$1: ")
    .replace(/"((?:[^"\\]|\\.)*)"/g, "$1")
    .replace(/,/g, ", ");
}

/** For each contested record, the fields both sides changed and their two values, in full. */
export function explainConflicts(list: ContestedRecord[], say: Translator): string {
  const { here, there } = sides(say);
  return list
    .map((c) => {
      const what = c.kind && c.kind !== "settings" ? ` (${say.t(`sy.${c.kind}` as "sy.customer")} ${c.id})` : "";
      const fields = c.contests.map(
        (x) =>
          `${say.t("r.field", { field: x.path })}: ${inline(x.ours, say)} (${here}) / ${inline(x.theirs, say)} (${there})`,
      );
      return `  ${c.path}${what}: ${fields.length ? fields.join("; ") : say.t("sy.bothChanged")}`;
    })
    .join("\n");
}

/** Why nothing can be synced while git is half-way through something, and what to do. */
export async function pending(
  git: Git,
  operation: NonNullable<RepoState["operation"]>,
  say: Translator,
): Promise<UserError> {
  const list = await contestedRecords(git, operation);
  if (list.length)
    return new UserError(
      `${say.t("sy.waiting")}\n${explainConflicts(list, say)}\n${howToSettle(list, operation, say)}`,
    );
  if (operation === "merge") return new UserError(say.t("sy.mergeSettled"));
  if (operation === "rebase") return new UserError(say.t("sy.rebaseHalfway"));
  return new UserError(say.t("sy.operation", { operation }));
}

export function howToSettle(list: ContestedRecord[], operation: string, say: Translator): string {
  const id = list[0]?.id ?? "ID";
  return say.t(operation === "rebase" ? "sy.howRebase" : "sy.howMerge", { id });
}
