// A record file or folder the system will not read (EACCES, EPERM, EISDIR, ENOTDIR, EIO…), said from
// the catalogue (issue 13, item 1): one wording for the reader (reader.ts), the fast tier (fastread.ts)
// and the derived index's catch-up (index/sync-files.ts). English keeps the system's code before the
// reason, as before; other languages give the reason alone.
import { refusal, type UserError } from "../errors.js";
import { wordedText, type MessageKey, type WordParam, type Worded } from "../i18n.js";
import type { RecordKind } from "../domain/ids.js";

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;
const denied = (code: string | undefined) => code === "EACCES" || code === "EPERM";

/** The system's reason: `CODE: reason` in English (the code alone when it says enough), the reason in words elsewhere. */
function reason(code: string, key: MessageKey, withText = true): WordParam {
  const worded: Worded = { key };
  return { asWritten: withText ? `${code}: ${wordedText("en", worded)}` : code, worded };
}

/** Why a file did not read, as a problem's message (English, for --json) and its words. */
export function unreadableFile(e: unknown): { message: string; worded: Worded } {
  const code = codeOf(e) ?? "EIO";
  const worded: Worded = denied(code)
    ? { key: "pr.cannotRead", params: { why: reason(code, "pr.why.denied") } }
    : code === "EISDIR"
      ? { key: "pr.cannotReadFolder", params: { why: reason(code, "pr.why.isFolder") } }
      : { key: "pr.cannotRead", params: { why: reason(code, "pr.why.system", false) } };
  return { message: wordedText("en", worded), worded };
}

/** A record folder that cannot be listed: refused, never taken as empty. */
export function unreadableFolder(kind: RecordKind, rel: string, e: unknown): UserError {
  const code = codeOf(e) ?? "error";
  const why = denied(code)
    ? reason(code, "pr.why.denied")
    : code === "ENOTDIR"
      ? reason(code, "pr.why.notFolder")
      : { asWritten: `${code}: ${(e as Error).message}`, worded: { key: "pr.why.system" as const } };
  return refusal("pr.folderUnread", { rel, why, kind: { key: `rk.${kind}` } });
}
