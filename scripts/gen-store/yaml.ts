// YAML as the store writes it: block style, plain scalars where they read back as the same
// string, double-quoted (JSON escapes are YAML escapes) where they might not.

const NUMBERISH = /^[-+]?(\.\d+|\d[\d_]*(\.\d*)?)([eE][-+]?\d+)?$|^0[xob][0-9a-f]+$|^[-+]?\.(inf|nan)$/i;
const SPECIAL = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
function scalar(v: string | number | boolean): string {
  if (typeof v !== "string") return String(v);
  if (
    v === "" ||
    v !== v.trim() ||
    /^[-?:,[\]{}#&*!|>'"%@`]/.test(v) ||
    /: |:$| #|["'\\\t\n\r]|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(v) ||
    NUMBERISH.test(v) ||
    SPECIAL.test(v)
  )
    return JSON.stringify(v);
  return v;
}
export type Y = string | number | boolean | undefined | Y[] | { [k: string]: Y };
/** A record as written: a map of fields (an undefined field is left out). */
export type Rec = { [k: string]: Y };
function emit(map: Rec, pad: string, out: string[]): void {
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      out.push(`${pad}${k}:`);
      for (const item of v) {
        if (item !== null && typeof item === "object" && !Array.isArray(item)) {
          const sub: string[] = [];
          emit(item, pad + "    ", sub);
          sub[0] = `${pad}  - ${sub[0]!.slice(pad.length + 4)}`;
          out.push(...sub);
        } else out.push(`${pad}  - ${scalar(item as string)}`);
      }
    } else if (typeof v === "object") {
      out.push(`${pad}${k}:`);
      emit(v, pad + "  ", out);
    } else out.push(`${pad}${k}: ${scalar(v)}`);
  }
}
export const yaml = (map: Rec) => {
  const out: string[] = [];
  emit(map, "", out);
  return out.join("\n") + "\n";
};
