// Writing record files: the one place that does. A new record under a fresh ID (two writers never
// share a file), a record or the settings rewritten keeping the file's comments and untouched
// lines, a record as edited by hand, a saved report. Each validated before it is written.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { refusal } from "../errors.js";
import { newId, type RecordKind } from "../domain/ids.js";
import type { RecordOf, Settings } from "../domain/schema.js";
import { createExclusive, writeAtomic } from "./fsutil.js";
import { pathOf, SETTINGS_FILE, type Loaded } from "./layout.js";
import type { SettingsFile } from "./open.js";
import { loadParsing, parsingNow } from "./parsing.js";
import { kindWord } from "./schema-words.js";
import { issueWords, valueAt } from "../i18n-schema.js";

const abs = (root: string, rel: string) => join(root, ...rel.split("/"));

function checked<K extends RecordKind>(kind: K, value: unknown): RecordOf[K] {
  const { SCHEMAS, issueMessage } = parsingNow();
  const r = SCHEMAS[kind].safeParse(value);
  if (!r.success) {
    const m = issueMessage(r.error.issues[0]!, value, kind);
    throw refusal("pr.wouldNotBeValid", { kind: kindWord(kind), why: m.worded });
  }
  return r.data as RecordOf[K];
}

/** Write a new record under a fresh ID for `day` (the store's date of creation). */
export async function writeNew<K extends RecordKind>(
  root: string,
  kind: K,
  value: RecordOf[K],
  day: string,
  random: (n: number) => Uint8Array = randomBytes,
): Promise<Loaded<K>> {
  const { parseYaml, stringifyRecord } = await loadParsing();
  const clean = checked(kind, value);
  const text = stringifyRecord(clean);
  for (let attempt = 0; attempt < 32; attempt++) {
    const id = newId(kind, day, random);
    const path = pathOf(id);
    if (await createExclusive(abs(root, path), text)) {
      const { parsed } = parseYaml(text);
      return { kind, id, path, value: clean, src: text, parsed: parsed! };
    }
  }
  throw refusal("rf.noFreeId", { kind: kindWord(kind), day });
}

/** Rewrite a record with new values, keeping the file's comments and untouched lines. */
export async function rewrite<K extends RecordKind>(
  root: string,
  rec: Loaded<K>,
  next: RecordOf[K],
): Promise<Loaded<K>> {
  const { SCHEMAS, parseYaml, updateYamlText } = await loadParsing();
  const clean = checked(rec.kind, next);
  const order = Object.keys((SCHEMAS[rec.kind] as unknown as { shape: object }).shape);
  const before = rec.value as Record<string, unknown>;
  const text = updateYamlText(rec.src, rec.parsed, before, clean, order);
  await writeAtomic(abs(root, rec.path), text);
  const { parsed } = parseYaml(text);
  return { ...rec, value: clean, src: text, parsed: parsed! };
}

/** Rewrite aftercare.yaml with new settings, keeping its comments and untouched lines. */
export async function rewriteSettings(
  root: string,
  file: SettingsFile,
  current: Settings,
  next: Settings,
): Promise<{ settings: Settings; file: SettingsFile }> {
  const { parseYaml, settingsSchema, updateYamlText } = await loadParsing();
  const r = settingsSchema.safeParse(next);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const why = issueWords(issue, valueAt(next, issue.path));
    throw refusal("pr.wouldNotBeValid", { kind: kindWord("settings"), why });
  }
  const order = Object.keys(settingsSchema.shape);
  const before = current as Record<string, unknown>;
  const text = updateYamlText(file.src, file.parsed, before, r.data, order);
  await writeAtomic(join(root, SETTINGS_FILE), text);
  return { settings: r.data, file: { src: text, parsed: parseYaml(text).parsed! } };
}

/** A file of the store written whole, as its caller made it and checked it (a record edited by hand, a saved report). */
export async function writeWhole(root: string, rel: string, text: string): Promise<void> {
  await writeAtomic(abs(root, rel), text);
}
