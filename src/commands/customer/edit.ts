// aftercare customer edit: change a customer with flags, or in $EDITOR when none are given; and the
// $EDITOR round trip ticket edit uses too.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { checkEdit, UsageError, UserError } from "../../errors.js";
import type { Context } from "../../context.js";
import type { z } from "zod";
import { customerSchema } from "../../domain/schema.js";
import type { RecordKind } from "../../domain/ids.js";
import { oneLine } from "../../format/text.js";
import { writeAtomic } from "../../store/fsutil.js";
import { validate } from "../../store/read-record.js";
import { parseYaml } from "../../store/yaml.js";
import { findCustomer, written } from "../common.js";
import { applyFields, CUSTOMER_FLAGS, type CustomerFields } from "./fields.js";

function hasEdits(f: CustomerFields): boolean {
  return Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v !== undefined));
}

export async function customerEdit(
  opts: CustomerFields & { id: string },
  ctx: Context,
  editor?: (path: string) => void,
) {
  const store = await ctx.store();
  const { id: input, ...f } = opts;
  const first = await findCustomer(ctx, input, "ID");
  const actor = await ctx.actor();
  if (hasEdits(f))
    return ctx.writing(async () => {
      const c = await store.get("customer", first.id);
      const rec = await store.update(c, checkEdit(customerSchema, c.value, applyFields(c.value, f), CUSTOMER_FLAGS));
      if (rec.src === c.src) {
        ctx.io.err(`no changes to ${c.id}\n`);
        return c;
      }
      await ctx.commit([c.path], `customer ${c.id} edited — ${rec.value.name}`, actor);
      written(ctx, rec, `saved customer ${c.id}`);
      return rec;
    });
  if (!ctx.io.interactive && !editor)
    throw new UsageError(
      "customer edit needs something to change (--name, --address, --contact, --phone, --tag, --untag, --note…), or a terminal to open $EDITOR; nothing was written",
    );

  // The editor runs before the store's lock is taken: nobody waits while a person types. Under the
  // lock the file is compared with what the editor was given, and a change made meanwhile wins.
  const abs = store.abs(first.path);
  const before = await fs.readFile(abs);
  const edit = await editInEditor(first.path, first.src, editor ?? runEditor(ctx));
  if (!edit) {
    ctx.io.err(`no changes to ${first.id}\n`);
    return first;
  }
  return ctx.writing(async () => {
    const now = await fs.readFile(abs).catch(() => undefined);
    if (!now || !now.equals(before)) {
      const by = now ? await changedBy(ctx, first.path) : "someone who deleted it";
      throw new UserError(
        `${first.path} was changed meanwhile by ${by}; your edit is kept in ${edit.tmp}: compare it with the file as it is now and run 'aftercare customer edit ${first.id}' again; nothing was written`,
      );
    }
    try {
      await writeAtomic(abs, edit.text);
    } catch (e) {
      ctx.io.err(`your edit is kept in ${edit.tmp}\n`);
      throw e;
    }
    await fs.rm(dirname(edit.tmp), { recursive: true, force: true }).catch(() => undefined);
    const fresh = await store.get("customer", first.id);
    await ctx.commit([first.path], `customer ${first.id} edited — ${fresh.value.name}`, actor);
    written(ctx, fresh, `saved customer ${first.id}`);
    return fresh;
  });
}

/** Open the record in an editor (outside the lock); the edited text once it validates, or undefined if unchanged. */
export async function editInEditor(
  path: string,
  src: string,
  run: (p: string) => void,
  schema: z.ZodType<unknown> = customerSchema,
  kind: RecordKind = "customer",
): Promise<{ text: string; tmp: string } | undefined> {
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
    throw new UserError(
      ps.map((p) => `${tmp}:${p.line}:${p.col}: ${p.message}`).join("\n") +
        `\nyour edit is kept in ${tmp}; ${path} was not changed`,
    );
  return { text, tmp };
}

/** Who changed a record last, for "changed meanwhile by …": a hand edit not yet committed, or the last commit's author. */
export async function changedBy(ctx: Context, path: string): Promise<string> {
  const git = await ctx.git();
  const status = await git.run(["status", "--porcelain", "--", path]);
  if (status.code !== 0) return "another writer";
  if (status.stdout.trim()) return "an edit not yet committed";
  const log = await git.run(["log", "-1", "--format=%an%x1f%h%x1f%s", "--", path]);
  const [who, sha, subject] = log.stdout.trim().split("\x1f");
  return who ? `${oneLine(who)} (commit ${sha}: ${oneLine(subject, 60)})` : "another writer";
}

export function runEditor(ctx: Context): (path: string) => void {
  return (path) => {
    const editor = ctx.deps.env.VISUAL || ctx.deps.env.EDITOR || "vi";
    const [cmd, ...args] = editor.trim().split(/\s+/);
    const r = spawnSync(cmd!, [...args, path], { stdio: "inherit", shell: false, env: ctx.deps.env });
    if (r.error || r.status !== 0)
      throw new UserError(
        `the editor "${editor}" failed (${r.error?.message ?? `exit ${r.status}`}); set VISUAL or EDITOR; nothing was written`,
      );
  };
}
