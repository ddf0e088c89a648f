// Finding a store (the nearest folder holding aftercare.yaml) and opening it: its settings, from
// the cache while the file is unchanged, else read, parsed and validated.
import { promises as fs } from "node:fs";
import { dirname, join } from "node:path";
import { UserError } from "../errors.js";
import type { Settings } from "../domain/schema.js";
import { readSettingsCache, statStamp, writeSettingsCache } from "./cache.js";
import { exists } from "./fsutil.js";
import { SETTINGS_FILE } from "./layout.js";
import { problemsRefusal, loadParsing, readText } from "./parsing.js";
import type { Parsed } from "./yaml.js";

/** aftercare.yaml as written: its text and YAML document. */
export interface SettingsFile {
  src: string;
  parsed: Parsed;
}

/** The nearest folder at or above `start` holding aftercare.yaml. */
export async function findStore(start: string): Promise<string | undefined> {
  let dir = start;
  for (;;) {
    if (await exists(join(dir, SETTINGS_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The store's settings, validated; with the file as read, unless the cache answered. */
export async function openSettings(root: string): Promise<{ settings: Settings; file?: SettingsFile }> {
  const file = join(root, SETTINGS_FILE);
  // the settings as last validated, while the file is the one they were read from (its size,
  // times and inode): a read command then neither parses nor validates them again
  const stamp = statStamp(file);
  const cached = stamp ? readSettingsCache(root, stamp) : undefined;
  if (cached) return { settings: cached as Settings };
  const { decodeUtf8, parseYaml, settingsSchema, validate } = await loadParsing();
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new UserError(
      `no aftercare store at ${root} (${SETTINGS_FILE} not found); create one with 'aftercare init ${root}' or point --records at an existing store`,
    );
  }
  const decoded = decodeUtf8(bytes);
  if (decoded.problem) throw problemsRefusal(file, [decoded.problem]);
  const src = decoded.text;
  const { parsed, problems } = parseYaml(src);
  if (!parsed) throw problemsRefusal(file, problems);
  const v = validate(settingsSchema, parsed, "settings");
  if (!v.value) throw problemsRefusal(file, v.problems);
  if (stamp && stamp === statStamp(file)) writeSettingsCache(root, stamp, v.value);
  return { settings: v.value, file: { src, parsed } };
}

/** aftercare.yaml as written, read now (the cache gave the settings without their text): YAML loaded first. */
export async function readSettingsFile(root: string): Promise<SettingsFile> {
  const { parseYaml } = await loadParsing();
  const src = readText(join(root, SETTINGS_FILE), SETTINGS_FILE);
  const { parsed, problems } = parseYaml(src);
  if (!parsed) throw problemsRefusal(join(root, SETTINGS_FILE), problems);
  return { src, parsed };
}
