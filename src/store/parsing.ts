// YAML and the schemas (read-record.ts), loaded by the first file parsed or written, never by a
// read the derived index answers: read-record.ts hands them over here as it loads, whoever loads it.
import { readFileSync } from "node:fs";
import { refusal, type UserError } from "../errors.js";
import type { Worded } from "../i18n.js";
import type { Parsing } from "./read-record.js";
import type { Problem } from "./yaml/problems.js";

let parsing: Parsing | undefined;

/** Called by read-record.ts as it loads. */
export function useParsing(p: Parsing): void {
  parsing = p;
}

export async function loadParsing(): Promise<Parsing> {
  if (!parsing) await import("./read-record.js");
  return parsing!;
}

/** For the synchronous paths, reached only after a load (a record from `load`, the settings' text). */
export function parsingNow(): Parsing {
  if (!parsing) throw new Error("internal: YAML and the schemas were used before read-record.ts was loaded");
  return parsing;
}

/** A file's text, refusing what is not UTF-8 (the problem names the byte). */
export function readText(abs: string, shown: string): string {
  const text = parsingNow().decodeUtf8(readFileSync(abs));
  if (text.problem) throw refusal("pr.nothingWritten", { problem: problemLines(shown, [text.problem]) });
  return text.text;
}

/**
 * A file's problems, one a line (path:line:col: problem), as a worded sentence: each problem's
 * English as written, in another language the catalogue's words where it has them.
 */
export function problemLines(path: string, ps: readonly Problem[]): Worded {
  const lines: Worded[] = ps.map((p) => ({
    key: "pr.atLine",
    params: {
      path,
      line: p.line,
      col: p.col,
      problem: p.worded ? { asWritten: p.message, worded: p.worded } : p.message,
    },
  }));
  return lines.reduceRight((rest, first) => ({ key: "pr.lines", params: { first, rest } }));
}

/** The first line of `problemLines` (a finding that names one problem). */
export function firstLine(w: Worded): Worded {
  const first = w.key === "pr.lines" ? w.params?.first : undefined;
  return first && typeof first === "object" && "key" in first ? first : w;
}

/** A file's problems as a refusal (exit 1): its English as before, its words in the reader's language. */
export function problemsRefusal(path: string, ps: readonly Problem[]): UserError {
  const lines = problemLines(path, ps);
  return refusal(lines.key, lines.params);
}

/** The values YAML texts hold (old versions of a record, from git); undefined for one missing or that does not parse. */
export async function valuesOfTexts(texts: readonly (string | undefined)[]): Promise<unknown[]> {
  const { parseYaml } = await loadParsing();
  return texts.map((t) => (t === undefined ? undefined : parseYaml(t).parsed?.value));
}
