// The words of a sync: what came in, the two sides, why git refused.
import type { Translator } from "../i18n.js";
import { isId, kindOfId } from "../domain/ids.js";
import { idOfPath } from "../store/store.js";

export interface Incoming {
  commits: number;
  authors: string[];
  files: { path: string; status: "A" | "M" | "D" }[];
}

// ---------------------------------------------------------------------------------------------
// Words

const KIND_KEY = {
  customer: "sy.customer",
  ticket: "sy.ticket",
  contact: "sy.contact",
  event: "sy.event",
  waiver: "sy.waiver",
  report: "sy.review",
  other: "sy.other",
} as const;

/** "2 new tickets, 3 new calls and letters, 1 customer changed" from the files a pull brought. */
export function describeIncoming(files: Incoming["files"], say: Translator): string {
  const tally = new Map<string, number>();
  for (const f of files) {
    const id = idOfPath(f.path);
    const what = isId(id)
      ? kindOfId(id)!
      : f.path === "aftercare.yaml"
        ? "settings"
        : f.path.startsWith("reports/")
          ? "report"
          : "other";
    const key = `${what}:${f.status}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const parts: string[] = [];
  for (const [key, n] of tally) {
    const [what, st] = key.split(":") as [keyof typeof KIND_KEY | "settings", "A" | "M" | "D"];
    if (what === "settings") {
      parts.push(say.t("sy.settingsChanged"));
      continue;
    }
    const base = KIND_KEY[what];
    const noun = say.t(n > 1 ? (`${base}s` as "sy.customers") : base);
    parts.push(say.t(st === "A" ? "sy.nNew" : st === "D" ? "sy.nRemoved" : "sy.nChanged", { n, what: noun }));
  }
  return parts.join(say.t("sy.comma"));
}

export const plural = (n: number) => (n === 1 ? "" : "s");

/** The words for the two sides, the same in the summary, on the markers and in `resolve`. */
export function sides(say: Translator): { here: string; there: string } {
  return { here: say.t("sy.here"), there: say.t("sy.there") };
}

/**
 * Why git failed, all of it that matters: what the server said (`remote:` lines, a hook's message
 * among them), each ref it turned away and why, and git's own error lines; never the "To URL" line
 * or hints.
 */
export function gitReason(stderr: string, stdout = ""): string {
  const out: string[] = [];
  for (const raw of `${stderr}\n${stdout}`.split("\n")) {
    const l = raw.trim();
    if (!l || /^(To |hint:|Done$|warning:)/i.test(l)) continue;
    const remote = /^remote:\s?(.*)$/.exec(l);
    if (remote) {
      if (remote[1]!.trim() && !/^(error:\s*)?$/.test(remote[1]!.trim())) out.push(remote[1]!.trim());
      continue;
    }
    const refused =
      /^!\s*(?:\S+\s+)?\[(?:remote )?rejected\]\s*(?:\S+ -> \S+\s*)?\((.+)\)$/.exec(l) ??
      /^!\t\S+\t\[(?:remote )?rejected\] \((.+)\)$/.exec(raw);
    if (refused) {
      out.push(refused[1]!);
      continue;
    }
    if (/^error: failed to push some refs/.test(l)) continue;
    if (/^(fatal|error):/.test(l)) out.push(l.replace(/^(fatal|error):\s*/, ""));
  }
  return [...new Set(out)].join("; ") || "git failed";
}
