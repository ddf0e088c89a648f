// The regulation's numbers, each overridable in aftercare.yaml under rules:.
import type { Rules } from "../schema.js";

export const DEFAULTS = {
  "R-FILE-SAME-DAY": { days: 0, workingDays: false },
  "R-ESC-1DAY": { days: 1, workingDays: true },
  "R-DISPATCH": { hours: 4 },
  "R-ANSWER-SAME-DAY": { days: 0, workingDays: false },
  "R-FOLLOWUP-1": { days: 0, workingDays: false },
  "R-FOLLOWUP-2": { from: 7, to: 14, workingDays: false },
  "R-NEXT-SERVICE": { days: 0, workingDays: false },
  "R-EVENT-NOTICE": { daysBefore: 14, callWindow: 7, letterWithin: 2, letter: true, workingDays: false },
  "R-MONTHLY": { days: 5, annualDays: 15, workingDays: false },
  "C-APPOINTMENT": { daysBefore: 1 },
  "C-EXTRA-WORK": { hours: 2 },
  "C-PROGRESS-CHECK": { from: 70, to: 80 },
  "C-READY-NOTICE": { shortHours: 1, longHours: 4, longJobDays: 2 },
} as const;

type Defaults = typeof DEFAULTS;
export type RuleSettings = {
  [K in keyof Defaults]: { -readonly [P in keyof Defaults[K]]: Defaults[K][P] extends boolean ? boolean : number };
};

/** No hour-based window is shorter than this, unless rules.graceMinutes says otherwise. */
export const DEFAULT_GRACE_MINUTES = 30;

export function ruleSettings(rules: Rules | undefined): RuleSettings {
  const out = {} as Record<string, unknown>;
  for (const [code, d] of Object.entries(DEFAULTS) as [string, object][])
    out[code] = { ...d, ...((rules as Record<string, object> | undefined)?.[code] ?? {}) };
  return out as RuleSettings;
}
