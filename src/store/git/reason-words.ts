// Why a commit did not happen, in the reader's language. The git layer says it once, in English, as
// the journal of pending writes keeps it on disk (.git/aftercare-pending/, read by later runs and
// older versions alike); the reasons aftercare itself gives are worded here from the catalogue, and
// a line git printed is shown as git said it.
import { describe, render } from "../../errors.js";
import { t, wordedText, type MessageKey, type Worded } from "../../i18n.js";
import type { CommitResult } from "./commit.js";

/** The fixed reasons of commit.ts, and their catalogue keys. */
const FIXED: Record<string, MessageKey> = {
  "git is not installed; install git to keep the store's history": "gr.noGit",
  "the store is not in a git repository": "gr.noRepo",
  "another git process holds the store's index.lock": "gr.indexLock",
  "No space left on device: git could not write its objects": "gr.diskFull",
  "git did not commit": "gr.didNot",
};
const HOOK = "a git hook refused the commit: ";

/** A commit's reason as a catalogue entry where aftercare wrote it; git's own words as they are. */
export function commitReason(reason: string): Worded | string {
  const key = FIXED[reason];
  if (key) return { key };
  if (reason.startsWith(HOOK)) return { key: "gr.hook", params: { line: reason.slice(HOOK.length) } };
  return reason;
}

/** The same, as text in `locale`. */
export function commitReasonText(locale: string, reason: string): string {
  const w = commitReason(reason);
  return typeof w === "string" ? w : wordedText(locale, w);
}

/** The note of a write saved but not committed: why (git's own reason as git said it, ours worded), and how to commit it. */
export function notCommittedNote(locale: string, r: CommitResult, command: string): string {
  const diskFull = /No space left on device/i.test(r.reason ?? "");
  const reason = diskFull
    ? t(locale, "err.notCommitted.diskFull")
    : r.reason !== undefined
      ? commitReasonText(locale, r.reason)
      : t(locale, "err.notCommitted.git");
  const how =
    r.hook || r.lock || r.reason === undefined || diskFull ? t(locale, "err.notCommitted.how", { command }) : undefined;
  return t(locale, "err.notCommitted.note", {
    text: render(describe("notCommitted", { reason, how }, locale), locale),
  });
}
