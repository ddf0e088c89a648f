// R-EVENT-NOTICE: each customer in an event's audience is phoned two weeks ahead, and a notice
// letter follows within two days of the call.
import type { Customer, CustomerEvent } from "../schema.js";
import { addDays, type Day, momentOf } from "../time.js";
import type { RuleSettings } from "./config.js";
import { firstCounting, TALK } from "./counts.js";
import type { Found, Rec, RuleContext } from "./types.js";

export function inAudience(e: CustomerEvent, c: Customer): boolean {
  return e.audience === "all" || (c.tags ?? []).includes(e.audience.slice(4));
}

export function eventDuties(e: Rec<CustomerEvent>, rx: RuleContext, rs: RuleSettings): Found[] {
  const cfg = rs["R-EVENT-NOTICE"];
  const recorded = rx.dayOf(e.value.created);
  // at the latest `daysBefore` days before the event (moved earlier over days off when shown); an
  // event recorded later than that is phoned about the day it is recorded
  let deadline = addDays(e.value.date, -cfg.daysBefore);
  if (cfg.workingDays) {
    deadline = e.value.date;
    for (let i = 0; i < cfg.daysBefore; i++) deadline = rx.cal.onOrBefore(addDays(deadline, -1));
  }
  if (deadline < recorded) deadline = recorded;
  // the list shows it `callWindow` days before the deadline (or from the day it is recorded)
  const opens = [recorded, addDays(deadline, -cfg.callWindow)].sort().reverse()[0]!;
  const out: Found[] = [];
  for (const c of rx.input.customers) {
    if (!inAudience(e.value, c.value) || rx.dayOf(c.value.created) > e.value.date) continue;
    const call = eventCall(e, c, rx, { opens, deadline });
    out.push(call);
    if (call.done && cfg.letter) out.push(eventLetter(e, c, rx, rs, rx.dayOf(call.done.at)));
  }
  return out;
}

/** What both duties of one customer for one event share. */
function baseOf(e: Rec<CustomerEvent>, c: Rec<Customer>) {
  return { source: e.id, customer: c.id, event: e.id, owner: e.value.owner, expires: addDays(e.value.date, -1) };
}

/** The call, shown from `opens`; a call counts from the moment the event is recorded. */
function eventCall(
  e: Rec<CustomerEvent>,
  c: Rec<Customer>,
  rx: RuleContext,
  window: { opens: Day; deadline: Day },
): Found {
  const { kind, title, date } = e.value;
  const r = firstCounting(rx, {
    customer: c.id,
    event: e.id,
    channels: TALK,
    tell: true,
    from: Date.parse(e.value.created),
    until: momentOf(date, rx.tz),
    what: { task: "eventCall", title },
  });
  return {
    ...baseOf(e, c),
    key: `R-EVENT-NOTICE:${e.id}:${c.id}:call`,
    rule: "R-EVENT-NOTICE",
    earliest: window.opens,
    due: rx.shown(window.opens, window.deadline),
    deadline: window.deadline,
    done: r.found && { at: r.found.value.at, record: r.found.id },
    considered: r.considered,
    about: { what: "eventCall", kind, title, date },
  };
}

/** The notice letter, within two days of the call and before the event (a call the day before leaves that day). */
function eventLetter(e: Rec<CustomerEvent>, c: Rec<Customer>, rx: RuleContext, rs: RuleSettings, called: Day): Found {
  const cfg = rs["R-EVENT-NOTICE"];
  const within = rx.deadline(called, cfg.letterWithin, cfg.workingDays);
  const eve = addDays(e.value.date, -1);
  const by = within > eve ? (eve < called ? called : eve) : within;
  const l = firstCounting(rx, {
    customer: c.id,
    event: e.id,
    channels: ["letter"],
    tell: true,
    letterKinds: ["notice", "invitation"],
    from: momentOf(called, rx.tz),
    until: momentOf(e.value.date, rx.tz),
    what: { task: "eventLetter" },
  });
  return {
    ...baseOf(e, c),
    key: `R-EVENT-NOTICE:${e.id}:${c.id}:letter`,
    rule: "R-EVENT-NOTICE",
    earliest: called,
    due: rx.shown(called, by),
    deadline: by,
    done: l.found && { at: l.found.value.at, record: l.found.id },
    considered: l.considered,
    about: { what: "eventLetter", title: e.value.title, date: e.value.date, called },
  };
}
