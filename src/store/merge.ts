// A three-way merge of one record, field by field, for git's merge driver and `aftercare resolve`:
// edits to different fields of the same record never conflict, even on adjacent lines; lists merge
// as sets (additions from both sides kept, a removal on one side applied); list items with an
// identity (a contact person by name, a vehicle by plate) merge field by field. Only the same value
// changed two ways is a conflict, marked around its top-level field with both sides' versions.
import { parseYaml, stringifyRecord, updateYamlText } from "./yaml.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type Side = "ours" | "theirs";

/** One value changed two ways: where, and its three versions (undefined: absent, or removed). */
export interface Contest {
  /** the top-level field it is in (the conflict markers go around it) */
  field: string;
  /** where inside it, as shown: "address", "dispatch.technician", "contacts[张伟].title" */
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

/** How a contest is settled: one side's value, or a value given; undefined leaves it contested. */
export type Settlement = { side: Side } | { value: unknown } | undefined;

export interface MergeOptions {
  /** the words on the conflict markers (default: ours, theirs) */
  labels?: { ours: string; theirs: string };
  settle?: (c: Contest) => Settlement;
}

export interface MergeResult {
  text: string;
  /** top-level fields still contested, each between conflict markers in `text` */
  conflicts: string[];
  /** every contest left unsettled */
  contests: Contest[];
  /** the merged record, each contest left unsettled taking our side (undefined when not a mapping) */
  value: Obj;
}

/** The fields that name a list item (tried in order): a contact person, equipment, a vehicle, extra work, an estimate line. */
const IDENTITY = ["name", "plate", "no", "item"] as const;

/** The field every item of every version has, once each, as a scalar: the items' identity. */
export function identityOf(lists: unknown[][]): string | undefined {
  const items = lists.flat();
  if (!items.length || !items.every(isObj)) return undefined;
  for (const k of IDENTITY) {
    const ok = lists.every((l) => {
      const seen = new Set<unknown>();
      return l.every((x) => {
        const v = (x as Obj)[k];
        if ((typeof v !== "string" && typeof v !== "number") || seen.has(v)) return false;
        seen.add(v);
        return true;
      });
    });
    if (ok) return k;
  }
  return undefined;
}

class Merger {
  readonly contests: Contest[] = [];
  constructor(
    private readonly field: string,
    private readonly pick: Side,
    private readonly settle: MergeOptions["settle"],
    private readonly collect: boolean,
  ) {}

  /** A value changed two ways: settled, or the side this pass takes. */
  private contest(path: string, o: unknown, a: unknown, b: unknown): unknown {
    const c: Contest = { field: this.field, path, base: o, ours: a, theirs: b };
    const s = this.settle?.(c);
    if (s && "value" in s) return s.value;
    if (s) return s.side === "ours" ? a : b;
    if (this.collect) this.contests.push(c);
    return this.pick === "ours" ? a : b;
  }

  value(o: unknown, a: unknown, b: unknown, path: string): unknown {
    if (same(a, b)) return a;
    if (same(o, a)) return b;
    if (same(o, b)) return a;
    if (isObj(a) && isObj(b) && (o === undefined || isObj(o))) {
      const out: Obj = {};
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
        const m = this.value(o?.[k], a[k], b[k], `${path}.${k}`);
        if (m !== undefined) out[k] = m;
      }
      return out;
    }
    if (Array.isArray(a) && Array.isArray(b) && (o === undefined || Array.isArray(o)))
      return this.list((o as unknown[] | undefined) ?? [], a, b, path);
    return this.contest(path, o, a, b);
  }

  private list(o: unknown[], a: unknown[], b: unknown[], path: string): unknown[] {
    const key = identityOf([o, a, b]);
    if (!key) {
      // a set: what either side added is kept, what either side removed is gone
      const base = new Set(o.map((x) => JSON.stringify(x)));
      const inB = new Set(b.map((x) => JSON.stringify(x)));
      const out = a.filter((x) => inB.has(JSON.stringify(x)) || !base.has(JSON.stringify(x)));
      const have = new Set(out.map((x) => JSON.stringify(x)));
      for (const x of b) {
        const j = JSON.stringify(x);
        if (!base.has(j) && !have.has(j)) {
          out.push(x);
          have.add(j);
        }
      }
      return out;
    }
    const by = (l: unknown[]) => new Map(l.map((x) => [(x as Obj)[key], x as Obj]));
    const [O, A, B] = [by(o), by(a), by(b)];
    const out: unknown[] = [];
    const one = (id: unknown) => {
      const at = `${path}[${String(id)}]`;
      const [x, y, z] = [O.get(id), A.get(id), B.get(id)];
      let v: unknown;
      if (y && z) v = this.value(x, y, z, at);
      else if (y) v = !x ? y : same(x, y) ? undefined : this.contest(at, x, y, undefined);
      else if (z) v = !x ? z : same(x, z) ? undefined : this.contest(at, x, undefined, z);
      if (v !== undefined) out.push(v);
    };
    for (const id of A.keys()) one(id);
    for (const id of B.keys()) if (!A.has(id)) one(id);
    return out;
  }
}

/** One field as a record file holds it ("" when absent). */
const pair = (key: string, v: unknown) => (v === undefined ? "" : stringifyRecord({ [key]: v }));

/**
 * Merge `ours` and `theirs` from `base`. Undefined when any side is not a mapping of fields (the
 * caller falls back to git's line merge). The text keeps our file's comments and layout.
 */
export function mergeRecord(
  base: string,
  ours: string,
  theirs: string,
  keyOrder: readonly string[],
  opts: MergeOptions = {},
): MergeResult | undefined {
  const [O, A, B] = [base, ours, theirs].map((t) => parseYaml(t).parsed);
  if (!A || !B || !O) return undefined;
  const [o, a, b] = [O.value, A.value, B.value];
  if (!isObj(a) || !isObj(b) || !(isObj(o) || o === null)) return undefined;
  const oo = o ?? {};
  const merged: Obj = {};
  const other: Obj = {};
  const contests: Contest[] = [];
  const conflicts: string[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b), ...keyOrder.filter((k) => k in oo)])];
  for (const k of keys) {
    const first = new Merger(k, "ours", opts.settle, true);
    const v = first.value(oo[k], a[k], b[k], k);
    if (v !== undefined) merged[k] = v;
    if (!first.contests.length) continue;
    contests.push(...first.contests);
    conflicts.push(k);
    const w = new Merger(k, "theirs", opts.settle, false).value(oo[k], a[k], b[k], k);
    if (w !== undefined) other[k] = w;
  }
  const order = [...keyOrder, ...keys.filter((k) => !keyOrder.includes(k))];
  let text = updateYamlText(ours, A, a, merged, order);
  if (!conflicts.length) return { text, conflicts, contests, value: merged };
  // put each contested field back as both versions between git's markers
  const again = parseYaml(text).parsed!;
  const placeholder = (k: string) => `__aftercare_conflict_${k}__`;
  const marked = { ...merged };
  for (const k of conflicts) marked[k] = placeholder(k);
  text = updateYamlText(text, again, merged, marked, order);
  const labels = opts.labels ?? { ours: "ours", theirs: "theirs" };
  for (const k of conflicts) {
    const block = `<<<<<<< ${labels.ours}\n${pair(k, merged[k]) || `# (${k} removed)\n`}=======\n${pair(k, other[k]) || `# (${k} removed)\n`}>>>>>>> ${labels.theirs}\n`;
    text = text.replace(
      new RegExp(`^${k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${placeholder(k)}\\n`, "m"),
      () => block,
    );
  }
  return { text, conflicts, contests, value: merged };
}
