// R-EVENT-NOTICE: each customer in an event's audience is phoned two weeks ahead, and a notice
// letter follows within two days of the call.
import type { Customer, CustomerEvent } from "../schema.js";
import { addDays } from "../time.js";
import type { RuleSettings } from "./config.js";
import type { Found, Rec, RuleContext } from "./types.js";

export function inAudience(e: CustomerEvent, c: Customer): boolean {
  return e.audience === "all" || (c.tags ?? []).includes(e.audience.slice(4));
}

export function eventDuties(e: Rec<CustomerEvent>, rx: RuleContext, rs: RuleSettings): Found[] {
  const cfg = rs["R-EVENT-NOTICE"];
  const callDue = rx.dueAfter(addDays(e.value.date, -cfg.daysBefore), 0, cfg.workingDays);
  const opens = addDays(e.value.date, -cfg.daysBefore - cfg.callWindow);
  const out: Found[] = [];
  for (const c of rx.input.customers) {
    if (!inAudience(e.value, c.value) || rx.dayOf(c.value.created) > e.value.date) continue;
    const base = { source: e.id, customer: c.id, event: e.id, owner: e.value.owner, expires: addDays(e.value.date, -1) };
    const mine = rx.ofCustomer(c.id).filter((k) => k.value.event === e.id);
    const call = mine.find((k) => k.value.channel === "call" && rx.dayOf(k.value.at) >= opens);
    out.push({
      ...base,
      key: `R-EVENT-NOTICE:${e.id}:${c.id}:call`,
      rule: "R-EVENT-NOTICE",
      earliest: opens,
      due: callDue,
      done: call && { at: call.value.at, record: call.id },
      topic: rx.say.t("duty.eventCall", { kind: rx.say.word(e.value.kind), title: e.value.title, date: e.value.date }),
    });
    if (call && cfg.letter) {
      const called = rx.dayOf(call.value.at);
      const letter = mine.find((k) => k.value.channel === "letter" && rx.dayOf(k.value.at) >= called);
      out.push({
        ...base,
        key: `R-EVENT-NOTICE:${e.id}:${c.id}:letter`,
        rule: "R-EVENT-NOTICE",
        earliest: called,
        due: rx.dueAfter(called, cfg.letterWithin, cfg.workingDays),
        done: letter && { at: letter.value.at, record: letter.id },
        topic: rx.say.t("duty.eventLetter", { title: e.value.title, date: e.value.date, called }),
      });
    }
  }
  return out;
}
