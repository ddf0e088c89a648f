// A record file or folder the system will not read (EACCES, EPERM, EISDIR, ENOTDIR, EIO…), said from
// the catalogue (issue 13, item 1): one wording for the reader (reader.ts), the fast tier (fastread.ts)
// and the derived index's catch-up (index/sync-files.ts). The English is what these said before.
import { refusal, type UserError } from "../errors.js";
import { wordedText, type WordParam, type Worded } from "../i18n.js";
import type { RecordKind } from "../domain/ids.js";

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;
const denied = (code: string | undefined) => code === "EACCES" || code === "EPERM";

/** Why a file did not read, as a problem's message (English, for --json) and its words. */
export function unreadableFile(e: unknown): { message: string; worded: Worded } {
  const code = codeOf(e);
  const key = denied(code) ? "pr.cannotReadDenied" : code === "EISDIR" ? "pr.cannotReadFolder" : "pr.cannotRead";
  const worded: Worded = { key, params: { code: code ?? "EIO" } };
  return { message: wordedText("en", worded), worded };
}

/** A record folder that cannot be listed: refused, never taken as empty. */
export function unreadableFolder(kind: RecordKind, rel: string, e: unknown): UserError {
  const code = codeOf(e);
  const why: WordParam = denied(code)
    ? { key: "pr.why.denied" }
    : code === "ENOTDIR"
      ? { key: "pr.why.notFolder" }
      : { asWritten: (e as Error).message, worded: { key: "pr.why.system" } };
  return refusal("pr.folderUnread", { rel, code: code ?? "error", why, kind: { key: `rk.${kind}` } });
}
