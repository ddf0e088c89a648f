// What a command says when it has written: the ID (or the record as JSON) on stdout, a sentence
// on stderr; a file written with --output; a customer's name and first phone as shown.
import { jsonText, writtenJson } from "../format/json.js";
import { UserError } from "../errors.js";
import type { Context } from "../context.js";
import type { Customer } from "../domain/schema.js";
import { oneLine } from "../format/text.js";

/** The file a command writes with --output: an OS error is the user's path, said in one line. */
export async function writeOutput(ctx: Context, file: string, data: string | Uint8Array): Promise<void> {
  const { promises: fs } = await import("node:fs");
  const path = await import("node:path");
  try {
    await fs.writeFile(path.resolve(ctx.deps.cwd, file), data);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why: Record<string, string> = {
      ENOENT: "its folder does not exist",
      ENOTDIR: "a part of the path is a file, not a folder",
      EISDIR: "it is a folder: give a file name",
      EACCES: "no permission to write there",
      EPERM: "no permission to write there",
      EROFS: "it is on a read-only disk",
      ENOSPC: "no space left on that disk",
      EDQUOT: "the disk quota there is used up",
    };
    if (!code || !why[code]) throw e;
    throw new UserError(`cannot write --output ${file}: ${why[code]}; the store was not changed`);
  }
}

/** Every write prints the ID it wrote (or the record as JSON) on stdout, and a sentence on stderr. */
export function written(ctx: Context, rec: { id: string; value: unknown }, sentence: string): void {
  if (ctx.json) ctx.io.out(jsonText(writtenJson(rec)));
  else {
    ctx.io.out(`${rec.id}\n`);
    ctx.io.err(`${sentence}\n`);
  }
}

export function customerName(c: Customer | undefined, id: string): string {
  return c ? oneLine(c.name) : id;
}

export function firstPhone(c: Customer | undefined): string | undefined {
  for (const p of c?.contacts ?? []) if (p.phones?.length) return p.phones[0];
  return undefined;
}
