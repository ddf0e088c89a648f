// A record file's bytes as a typed record: YAML (yaml.ts) and the schemas (zod, domain/schema.ts).
// Those two take ≈ 50 ms to load, so they live here, apart from store.ts: a read the derived index
// answers never loads this module; the first file parsed or written does (parsing.ts loadParsing),
// as does anything that imports it (fastread.ts, check).
import type { z } from "zod";
import type { Worded } from "../i18n.js";
import type { RecordKind } from "../domain/ids.js";
import { SCHEMAS, settingsSchema, type RecordOf } from "../domain/schema.js";
import type { FileProblem } from "./layout.js";
import { useParsing } from "./parsing.js";
import { kindWord } from "./schema-words.js";
import { issueWords, valueAt } from "../i18n-schema.js";
import { said, type Problem } from "./yaml/problems.js";
import type { WordParam } from "../i18n.js";
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

/** A schema's complaint as people read it: the field by its path, and where to put the line (worded: i18n-schema.ts). */
export function issueMessage(
  issue: z.core.$ZodIssue,
  raw: unknown,
  kind: string,
): { path: PropertyKey[]; message: string; worded: Worded; key?: boolean } {
  const path = issue.path;
  const field = path
    .map((p) => (typeof p === "number" ? `[${p + 1}]` : excerpt(String(p))))
    .join(".")
    .replace(/\.\[/g, "[");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys;
    const quoted = keys
      .slice(0, 3)
      .map((k) => `"${excerpt(k)}"`)
      .join(", ");
    const names: WordParam =
      keys.length > 3 ? { key: "pr.moreNames", params: { names: quoted, n: keys.length - 3 } } : quoted;
    const params = { names, kind: kindWord(kind), ...(field ? { field: excerpt(field) } : {}) };
    return { path: [...path, keys[0]!], key: true, ...said(field ? "pr.unknownFieldIn" : "pr.unknownField", params) };
  }
  const parent = valueAt(raw, path.slice(0, -1));
  const last = path[path.length - 1];
  const value = valueAt(raw, path);
  const missing = parent && typeof parent === "object" && last !== undefined && value === undefined;
  const why = issueWords(issue, value);
  if (missing) return { path: path.slice(0, -1), ...said("pr.missing", { field, why }) };
  if (!field)
    return issue.code === "invalid_type" && issue.expected === "object"
      ? { path, ...said("pr.notMapping", { kind: kindWord(kind) }) }
      : { path, message: issue.message, worded: why };
  return { path, ...said("pr.field", { field, why }) };
}

/** Validate parsed YAML against a schema; every problem with its line and column. */
export function validate<T>(schema: z.ZodType<T>, parsed: Parsed, kind: string): { value?: T; problems: Problem[] } {
  const r = schema.safeParse(parsed.value);
  if (r.success) return { value: r.data, problems: [] };
  return {
    problems: cap(
      r.error.issues.map((iss) => {
        const m = issueMessage(iss, parsed.value, kind);
        return { ...locate(parsed, m.path, m.key), message: m.message, worded: m.worded };
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
