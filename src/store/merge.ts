// A three-way merge of one record, field by field, for git's merge driver: edits to different
// fields of the same record never conflict, even on adjacent lines; the same field changed two
// ways does, with conflict markers around just that field.
import { stringify } from "yaml";
import { parseYaml, updateYamlText } from "./yaml.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface MergeResult {
  text: string;
  /** top-level fields changed both ways */
  conflicts: string[];
}

function mergeValue(o: unknown, a: unknown, b: unknown): { value: unknown; conflict: boolean } {
  if (same(a, b)) return { value: a, conflict: false };
  if (same(o, a)) return { value: b, conflict: false };
  if (same(o, b)) return { value: a, conflict: false };
  if (isObj(a) && isObj(b) && (o === undefined || isObj(o))) {
    const out: Obj = {};
    let conflict = false;
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      const m = mergeValue((o as Obj | undefined)?.[k], a[k], b[k]);
      if (m.conflict) conflict = true;
      if (m.value !== undefined) out[k] = m.value;
    }
    return { value: out, conflict };
  }
  return { value: a, conflict: true };
}

const pair = (key: string, v: unknown) => (v === undefined ? "" : stringify({ [key]: v }, { lineWidth: 0, blockQuote: "literal", indentSeq: true }));

/**
 * Merge `ours` and `theirs` from `base`. Undefined when any side is not a mapping of fields (the
 * caller falls back to git's line merge).
 */
export function mergeRecord(base: string, ours: string, theirs: string, keyOrder: readonly string[]): MergeResult | undefined {
  const [O, A, B] = [base, ours, theirs].map((t) => parseYaml(t).parsed);
  if (!A || !B || !O) return undefined;
  const [o, a, b] = [O.value, A.value, B.value];
  if (!isObj(a) || !isObj(b) || !(isObj(o) || o === null)) return undefined;
  const oo = (o ?? {}) as Obj;
  const merged: Obj = {};
  const conflicts: string[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b), ...keyOrder.filter((k) => k in oo)])];
  for (const k of keys) {
    const m = mergeValue(oo[k], a[k], b[k]);
    if (m.conflict) conflicts.push(k);
    if (m.value !== undefined) merged[k] = m.value;
  }
  const order = [...keyOrder, ...keys.filter((k) => !keyOrder.includes(k))];
  let text = updateYamlText(ours, A, a, merged, order);
  if (!conflicts.length) return { text, conflicts };
  // put each conflicting field back as both versions between git's markers
  const again = parseYaml(text).parsed!;
  const placeholder = (k: string) => `__aftercare_conflict_${k}__`;
  const marked = { ...merged };
  for (const k of conflicts) marked[k] = placeholder(k);
  text = updateYamlText(text, again, merged, marked, order);
  for (const k of conflicts) {
    const block = `<<<<<<< ours\n${pair(k, a[k]) || `# (${k} removed)\n`}=======\n${pair(k, b[k]) || `# (${k} removed)\n`}>>>>>>> theirs\n`;
    text = text.replace(new RegExp(`^${k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${placeholder(k)}\\n`, "m"), block);
  }
  return { text, conflicts };
}

