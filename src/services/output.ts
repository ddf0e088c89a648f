// What a command says when it has written: the ID (or the record as JSON) on stdout, a sentence
// on stderr; a file written with --output; a customer's name and first phone as shown.
import { jsonText, writtenJson } from "../format/json.js";
import { refusal } from "../errors.js";
import type { MessageKey } from "../i18n.js";
import type { Context } from "../context.js";
import type { Customer } from "../domain/schema.js";
import { oneLine } from "../format/text.js";

/** Why --output could not be written, by the system's code. */
const WHY: Record<string, MessageKey> = {
  ENOENT: "out.why.noFolder",
  ENOTDIR: "out.why.notFolder",
  EISDIR: "out.why.isFolder",
  EACCES: "out.why.denied",
  EPERM: "out.why.denied",
  EROFS: "out.why.readOnly",
  ENOSPC: "out.why.full",
  EDQUOT: "out.why.quota",
};

/** The file a command writes with --output: an OS error is the user's path, said in one line. */
export async function writeOutput(ctx: Context, file: string, data: string | Uint8Array): Promise<void> {
  const { promises: fs } = await import("node:fs");
  const path = await import("node:path");
  try {
    await fs.writeFile(path.resolve(ctx.deps.cwd, file), data);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code && WHY[code];
    if (!why) throw e;
    throw refusal("out.cannotWrite", { file, why: { key: why } });
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
