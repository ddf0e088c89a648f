// What git's complaints mean, in one line: a repository git refuses, a full disk, the first line
// that matters; and a write refused up front for the state its repository is in.
import { refusal, UserError } from "../../errors.js";
import type { RepoState } from "./locate.js";

/** git's stderr when the disk (or quota) is full, in its several wordings. */
export const DISK_FULL = /No space left on device|Out of diskspace|Disk quota exceeded|write error/i;

export function firstLine(s: string): string {
  return (
    (
      s
        .split("\n")
        .map((l) => l.trim())
        // git's hints and warnings (CRLF conversion…) are not the reason it failed
        .find((l) => l && !l.startsWith("hint:") && !/^warning:/i.test(l)) ?? "git failed"
    ).replace(/^(fatal|error): /, "")
  );
}

/**
 * Why git refuses to work in a repository, in one line with what to do; undefined when the
 * failure is only "not a git repository" (a store outside git) or not about the repository.
 */
export function repoRefusal(stderr: string): string | undefined {
  const text = stderr.trim();
  if (!text) return undefined;
  const dubious =
    /detected dubious ownership in repository at '([^'\n]+)'/.exec(text) ??
    /unsafe repository \('([^'\n]+)' is owned by someone else\)/.exec(text);
  if (dubious) {
    const at = dubious[1]!;
    return (
      `git refuses to work in the store's repository at ${at}: it belongs to another user (git: "detected dubious ownership"); ` +
      `run aftercare as the user who owns it, or, if you trust it, tell git so: git config --global --add safe.directory ${/^[\w@%+=:,./-]+$/.test(at) ? at : `'${at.replace(/'/g, `'\\''`)}'`}`
    );
  }
  if (/not a git repository \(or any (of the )?parent/i.test(text)) return undefined;
  if (/git is not installed/.test(text)) return undefined;
  const line = firstLine(text);
  if (
    /not a git repository|invalid gitfile|unknown repository (format|extension)|bad signature|index file corrupt|corrupt|permission denied|unable to read|could not read|cannot (open|read)|safe\.directory|owned by/i.test(
      text,
    )
  )
    return `git cannot use the store's repository: ${line}; repair it (see 'git status' in the store) before writing`;
  return undefined;
}

/** A write refused up front: the store's repository mid-merge or mid-rebase, on a detached HEAD, or refused by git. */
export function refuseWrite(st: RepoState): void {
  if (st.operation)
    throw st.operation === "merge" ? refusal("ctx.midMerge") : refusal("ctx.midOperation", { operation: st.operation });
  if (st.detached) throw refusal("ctx.detached");
  if (st.refused) throw new UserError(`${st.refused}; nothing was written`);
}
