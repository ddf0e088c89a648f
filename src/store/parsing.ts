// YAML and the schemas (read-record.ts), loaded by the first file parsed or written, never by a
// read the derived index answers: read-record.ts hands them over here as it loads, whoever loads it.
import { readFileSync } from "node:fs";
import { UserError } from "../errors.js";
import type { Parsing } from "./read-record.js";

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
  if (text.problem)
    throw new UserError(
      `${shown}:${text.problem.line}:${text.problem.col}: ${text.problem.message}; nothing was written`,
    );
  return text.text;
}

export function describeProblems(path: string, ps: { line: number; col: number; message: string }[]): string {
  return ps.map((p) => `${path}:${p.line}:${p.col}: ${p.message}`).join("\n");
}

/** The values YAML texts hold (old versions of a record, from git); undefined for one missing or that does not parse. */
export async function valuesOfTexts(texts: readonly (string | undefined)[]): Promise<unknown[]> {
  const { parseYaml } = await loadParsing();
  return texts.map((t) => (t === undefined ? undefined : parseYaml(t).parsed?.value));
}
