// A zod issue in the catalogue's words (issue 13, item 1), worded from what the issue holds, never
// from its English: a sentence of our own schemas by the catalogue key it carries (`params.says`,
// src/domain/schema/words.ts), a zod built-in by its code and facts (the type expected, a bound, the
// values allowed). The English message stays as the schema or zod said it (--json, the audit trail);
// a built-in the catalogue has no words for is still said in the reader's language, never in English.
import type { z } from "zod";
import { CATALOGUE, type MessageKey, type Worded } from "./i18n.js";

type Issue = z.core.$ZodIssue;

/** The sentence one of our schemas put in its issue (domain/schema/words.ts `says`), if it did. */
function carried(issue: Issue): Worded | undefined {
  const says = (issue as { params?: { says?: Worded } }).params?.says;
  return says && typeof says.key === "string" && says.key in CATALOGUE ? says : undefined;
}

/** A value's type as zod names it after "received": string, number, array, null… */
function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number" && Number.isNaN(v)) return "nan";
  if (v instanceof Date) return "date";
  return typeof v;
}

const typeKey = (t: string): MessageKey | undefined =>
  `sch.t.${t}` in CATALOGUE ? (`sch.t.${t}` as MessageKey) : undefined;

/** A bound (too_small, too_big) by what it bounds: a number, a text's length, a list's items. */
function bound(origin: string, n: number | bigint, inclusive: boolean | undefined, small: boolean): Worded {
  const params = { n: Number(n) };
  if (origin === "number" || origin === "int" || origin === "bigint")
    return {
      key: small
        ? inclusive
          ? "sch.tooSmall"
          : "sch.tooSmallExclusive"
        : inclusive
          ? "sch.tooBig"
          : "sch.tooBigExclusive",
      params,
    };
  if (origin === "string") return { key: small ? "sch.tooShort" : "sch.tooLongChars", params };
  if (origin === "array" || origin === "set") return { key: small ? "sch.tooFew" : "sch.tooManyItems", params };
  return { key: "sch.invalid" };
}

/** A zod built-in issue by its code and facts; a code the catalogue has no words for, in general words. */
function builtIn(issue: Issue, value: unknown): Worded {
  switch (issue.code) {
    case "invalid_type": {
      const expected = typeKey(issue.expected);
      const received = typeKey(typeName(value));
      if (!expected) return { key: "sch.invalid" };
      if (!received) return { key: "sch.typeOf", params: { expected: { key: expected } } };
      return { key: "sch.type", params: { expected: { key: expected }, received: { key: received } } };
    }
    case "too_small":
      return bound(issue.origin, issue.minimum, issue.inclusive, true);
    case "too_big":
      return bound(issue.origin, issue.maximum, issue.inclusive, false);
    case "invalid_value":
      return { key: "sch.oneOf", params: { values: { typed: issue.values.map((v) => String(v)) } } };
    case "invalid_format":
      return { key: "sch.format" };
    case "not_multiple_of":
      return { key: "sch.multipleOf", params: { n: Number(issue.divisor) } };
    default:
      return { key: "sch.invalid" };
  }
}

/**
 * What is wrong with a value, as the catalogue words it: the schema's own sentence by its key, else
 * zod's built-in by its code (its English as zod wrote it). `value` is the value at the issue's path.
 */
export function issueWords(issue: Issue, value: unknown): Worded {
  const own = carried(issue);
  if (own) return own;
  return { key: "sch.other", params: { text: { asWritten: issue.message, worded: builtIn(issue, value) } } };
}

/** The value at a path of a parsed document or a command's input (undefined where there is none). */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[p as string] : undefined;
  return v;
}
