// A record edited by hand in $EDITOR: opened outside the lock (nobody waits while a person types),
// validated, and under the lock written only when nobody changed the file meanwhile (else the edit
// is kept in its temporary file and the one who changed it named). Shared by customer and ticket edit.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { z } from "zod";
import type { Context } from "../context.js";
import { refusal } from "../errors.js";
import type { WordParam, Worded } from "../i18n.js";
import type { RecordKind } from "../domain/ids.js";
import { customerSchema } from "../domain/schema.js";
import { oneLine } from "../format/text.js";
import { problemLines } from "../store/parsing.js";
import { validate } from "../store/read-record.js";
import type { Loaded, Store } from "../store/store.js";
import { parseYaml } from "../store/yaml.js";

/** An edit made in the editor: its text, and the temporary file that keeps it until it is written. */
export interface EditorEdit {
  text: string;
  tmp: string;
}

/** Open the record in an editor (outside the lock); the edited text once it validates, or undefined if unchanged. */
export async function editInEditor(
  path: string,
  src: string,
  run: (p: string) => void,
  schema: z.ZodType<unknown> = customerSchema,
  kind: RecordKind = "customer",
): Promise<EditorEdit | undefined> {
  const tmp = join(await fs.mkdtemp(join(tmpdir(), "aftercare-")), path.split("/").pop()!);
  await fs.writeFile(tmp, src, { mode: 0o600 });
  run(tmp);
  const text = await fs.readFile(tmp, "utf8");
  if (text === src) {
    await fs.rm(dirname(tmp), { recursive: true, force: true }).catch(() => undefined);
    return undefined;
  }
  const { parsed, problems } = parseYaml(text);
  const ps = parsed ? validate(schema, parsed, kind).problems : problems;
  if (ps.length)
    throw refusal("pr.lines", { first: problemLines(tmp, ps), rest: { key: "te.kept", params: { tmp, path } } });
  return { text, tmp };
}

/** Who changed a record last, for "changed meanwhile by …": a hand edit not yet committed, or the last commit's author. */
export async function changedBy(ctx: Context, path: string): Promise<Worded> {
  const git = await ctx.git();
  const status = await git.run(["status", "--porcelain", "--", path]);
  if (status.code !== 0) return { key: "ed.by.another" };
  if (status.stdout.trim()) return { key: "ed.by.uncommitted" };
  const log = await git.run(["log", "-1", "--format=%an%x1f%h%x1f%s", "--", path]);
  const [who, sha, subject] = log.stdout.trim().split("\x1f");
  // the commit's subject is the audit trail's, in its one language
  if (!who) return { key: "ed.by.another" };
  return { key: "ed.by.commit", params: { who: oneLine(who), sha: sha!, subject: oneLine(subject, 60) } };
}

/** Why the editor did not finish: it could not start, it exited with an error, or a signal ended it. */
function editorFailure(r: ReturnType<typeof spawnSync>): WordParam {
  if (r.error) return { asWritten: r.error.message, worded: { key: "ed.why.start" } };
  if (r.status === null && r.signal) return { key: "ed.why.signal", params: { signal: r.signal } };
  return { key: "ed.why.exit", params: { code: String(r.status) } };
}

export function runEditor(ctx: Context): (path: string) => void {
  return (path) => {
    const editor = ctx.deps.env.VISUAL || ctx.deps.env.EDITOR || "vi";
    const [cmd, ...args] = editor.trim().split(/\s+/);
    const r = spawnSync(cmd!, [...args, path], { stdio: "inherit", shell: false, env: ctx.deps.env });
    if (r.error || r.status !== 0) throw refusal("ed.failed", { editor, why: editorFailure(r) });
  };
}

/** A record file's bytes as the editor is given it, to tell a change made meanwhile. */
export function bytesOf(store: Store, path: string): Promise<Buffer> {
  return fs.readFile(store.abs(path));
}

/** Who changed the file since `before` was read (undefined when nobody did). */
export async function changedSince(
  ctx: Context,
  store: Store,
  path: string,
  before: Buffer,
): Promise<Worded | undefined> {
  const now = await fs.readFile(store.abs(path)).catch(() => undefined);
  if (now?.equals(before)) return undefined;
  return now ? await changedBy(ctx, path) : { key: "ed.by.deleted" };
}

/** Write the edit through the store, then remove its temporary file. */
export async function saveEdit(store: Store, rec: Loaded, edit: EditorEdit): Promise<void> {
  await store.replaceText(rec.kind, rec.path, edit.text);
  await fs.rm(dirname(edit.tmp), { recursive: true, force: true }).catch(() => undefined);
}
