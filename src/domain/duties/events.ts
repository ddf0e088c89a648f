// R-EVENT-NOTICE: each customer in an event's audience is phoned two weeks ahead, and a notice
// letter follows within two days of the call.
import type { Customer, CustomerEvent } from "../schema.js";
import { addDays, momentOf } from "../time.js";
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
    const base = {
      source: e.id,
      customer: c.id,
      event: e.id,
      owner: e.value.owner,
      expires: addDays(e.value.date, -1),
    };
    const say = { kind: rx.say.word(e.value.kind), title: e.value.title, date: e.value.date };
    // a call counts from the moment the event is recorded; the list shows it from `opens`
    const r = firstCounting(rx, {
      customer: c.id,
      event: e.id,
      channels: TALK,
      tell: true,
      from: Date.parse(e.value.created),
      until: momentOf(e.value.date, rx.tz),
      what: rx.say.t("what.eventCall", say),
    });
    out.push({
      ...base,
      key: `R-EVENT-NOTICE:${e.id}:${c.id}:call`,
      rule: "R-EVENT-NOTICE",
      earliest: opens,
      due: rx.shown(opens, deadline),
      deadline,
      done: r.found && { at: r.found.value.at, record: r.found.id },
      considered: r.considered,
      topic: rx.say.t("duty.eventCall", say),
    });
    if (r.found && cfg.letter) {
      const called = rx.dayOf(r.found.value.at);
      // within two days of the call, and before the event (a call the day before leaves that day)
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
        what: rx.say.t("what.eventLetter"),
      });
      out.push({
        ...base,
        key: `R-EVENT-NOTICE:${e.id}:${c.id}:letter`,
        rule: "R-EVENT-NOTICE",
        earliest: called,
        due: rx.shown(called, by),
        deadline: by,
        done: l.found && { at: l.found.value.at, record: l.found.id },
        considered: l.considered,
        topic: rx.say.t("duty.eventLetter", { title: e.value.title, date: e.value.date, called }),
      });
    }
  }
  return out;
}
