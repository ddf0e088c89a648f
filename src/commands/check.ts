// aftercare check: read every record and report every problem as path:line:col: message.
import type { Context } from "../context.js";
import { checkRecords } from "../domain/check.js";
import type { RecordKind } from "../domain/ids.js";
import { pathOf, SETTINGS_FILE, type FileProblem, type Loaded } from "../store/store.js";
import { locate } from "../store/yaml.js";

const KINDS: RecordKind[] = ["customer", "ticket", "contact", "event"];

export async function check(ctx: Context): Promise<FileProblem[]> {
  const store = await ctx.store();
  const problems: FileProblem[] = [];
  const records: Loaded[] = [];
  for (const kind of KINDS) {
    const r = await store.load(kind);
    problems.push(...r.problems);
    records.push(...r.records);
  }
  const byPath = new Map(records.map((r) => [r.path, r]));
  const safePathOf = (id: string) => {
    try {
      return pathOf(id);
    } catch {
      return "";
    }
  };
  for (const f of checkRecords({ settings: store.settings, records, pathOf: safePathOf })) {
    const rec = byPath.get(f.path);
    const parsed = rec?.parsed ?? (f.path === SETTINGS_FILE ? store.settingsParsed : undefined);
    const at = parsed ? locate(parsed, f.field) : { line: 1, col: 1 };
    problems.push({ path: f.path, ...at, message: f.message });
  }
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col);
  if (ctx.json) ctx.io.out(JSON.stringify(problems, null, 2) + "\n");
  else for (const p of problems) ctx.io.out(`${p.path}:${p.line}:${p.col}: ${p.message}\n`);
  return problems;
}
