// A record file's bytes as a typed record: YAML (yaml.ts) and the schemas (zod, domain/schema.ts).
// Those two take ≈ 50 ms to load, so they live here, apart from store.ts: a read the derived index
// answers never loads this module; the first file parsed or written does (parsing.ts loadParsing),
// as does anything that imports it (fastread.ts, check).
import type { z } from "zod";
import type { RecordKind } from "../domain/ids.js";
import { SCHEMAS, settingsSchema, type RecordOf } from "../domain/schema.js";
import type { FileProblem } from "./layout.js";
import { useParsing } from "./parsing.js";
import {
  cap,
  capMessage,
  decodeUtf8,
  excerpt,
  locate,
  parseYaml,
  stringifyRecord,
  updateYamlText,
  type Parsed,
} from "./yaml.js";

/** A schema's complaint as people read it: the field by its path, and where to put the line. */
export function issueMessage(
  issue: z.core.$ZodIssue,
  raw: unknown,
  kind: string,
): { path: PropertyKey[]; message: string; key?: boolean } {
  const path = issue.path;
  const field = path
    .map((p) => (typeof p === "number" ? `[${p + 1}]` : excerpt(String(p))))
    .join(".")
    .replace(/\.\[/g, "[");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys;
    const named =
      keys
        .slice(0, 3)
        .map((k) => `"${excerpt(k)}"`)
        .join(", ") + (keys.length > 3 ? ` and ${keys.length - 3} more` : "");
    return {
      path: [...path, keys[0]!],
      key: true,
      message: `unknown field ${named}${field ? ` in ${excerpt(field)}` : ""} (check the spelling; a ${kind} has no such field)`,
    };
  }
  let parent: unknown = raw;
  for (const p of path.slice(0, -1))
    parent = parent && typeof parent === "object" ? (parent as Record<PropertyKey, unknown>)[p as string] : undefined;
  const last = path[path.length - 1];
  const missing =
    parent &&
    typeof parent === "object" &&
    last !== undefined &&
    (parent as Record<PropertyKey, unknown>)[last as string] === undefined;
  if (missing) return { path: path.slice(0, -1), message: `${field} is missing: it ${issue.message}` };
  if (!field)
    return {
      path,
      message:
        issue.message === "Invalid input: expected object, received undefined" || /expected object/.test(issue.message)
          ? `a ${kind} file must hold a mapping of fields`
          : issue.message,
    };
  return { path, message: `${field} ${issue.message}` };
}

/** Validate parsed YAML against a schema; every problem with its line and column. */
export function validate<T>(
  schema: z.ZodType<T>,
  parsed: Parsed,
  kind: string,
): { value?: T; problems: { line: number; col: number; message: string }[] } {
  const r = schema.safeParse(parsed.value);
  if (r.success) return { value: r.data, problems: [] };
  return {
    problems: cap(
      r.error.issues.map((iss) => {
        const m = issueMessage(iss, parsed.value, kind);
        return { ...locate(parsed, m.path, m.key), message: m.message };
      }),
    ),
  };
}

/**
 * A record file's bytes as a record of `kind`, or its problems: not UTF-8 (never decoded with
 * U+FFFD, so it is never written back that way), not YAML a record may hold, not the schema.
 */
export function readRecord<K extends RecordKind>(
  kind: K,
  path: string,
  bytes: Uint8Array,
): { value?: RecordOf[K]; src?: string; parsed?: Parsed; problems: FileProblem[] } {
  const text = decodeUtf8(bytes);
  if (text.problem) return { problems: [{ path, ...text.problem }] };
  const { parsed, problems } = parseYaml(text.text);
  if (!parsed) return { problems: problems.map((p) => ({ path, ...p })) };
  const v = validate(SCHEMAS[kind] as unknown as z.ZodType<RecordOf[K]>, parsed, kind);
  if (!v.value) return { problems: v.problems.map((p) => ({ path, ...p })) };
  return { value: v.value, src: text.text, parsed, problems: [] };
}

/** What the store (parsing.ts) uses of YAML and the schemas, handed to it as this module loads. */
const parsing = {
  SCHEMAS,
  settingsSchema,
  capMessage,
  decodeUtf8,
  issueMessage,
  parseYaml,
  readRecord,
  stringifyRecord,
  updateYamlText,
  validate,
};
export type Parsing = typeof parsing;
useParsing(parsing);
