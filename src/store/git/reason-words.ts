// Why a commit did not happen, in the reader's language. The git layer says it once, in English, as
// the journal of pending writes keeps it on disk (.git/aftercare-pending/, read by later runs and
// older versions alike); the reasons aftercare itself gives are worded here from the catalogue, and
// a line git printed is shown as git said it.
import { describe, render } from "../../errors.js";
import { t, wordedText, type MessageKey, type Worded } from "../../i18n.js";
import type { CommitResult } from "./commit.js";

/** The reasons aftercare itself gives, by catalogue key; their English is what the journal keeps. */
type ReasonKey = "gr.noGit" | "gr.noRepo" | "gr.indexLock" | "gr.diskFull" | "gr.didNot";
const KEYS: readonly ReasonKey[] = ["gr.noGit", "gr.noRepo", "gr.indexLock", "gr.diskFull", "gr.didNot"];

/** A reason as the git layer records it (in the journal, on disk): the catalogue's English. */
export const reasonOf = (key: ReasonKey): string => t("en", key);
/** A hook's refusal as the git layer records it. */
export const hookReason = (line: string): string => t("en", "gr.hook", { line });

const FIXED = new Map<string, MessageKey>(KEYS.map((k) => [reasonOf(k), k]));
const HOOK = hookReason("");

/** A commit's reason as a catalogue entry where aftercare wrote it; git's own words as they are. */
export function commitReason(reason: string): Worded | string {
  const key = FIXED.get(reason);
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
