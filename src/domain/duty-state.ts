// Whether a duty is still open: due, overdue or upcoming (not done, missed, waived or closed).
import type { Duty } from "./duties/index.js";

/** The states of a duty still open: what the lists, the counts and a new contact look at. */
export const OPEN_DUTY_STATES: ReadonlySet<Duty["state"]> = new Set<Duty["state"]>(["due", "overdue", "upcoming"]);

export const isOpenDuty = (d: Pick<Duty, "state">): boolean => OPEN_DUTY_STATES.has(d.state);
