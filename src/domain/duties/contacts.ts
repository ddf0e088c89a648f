// R-NEXT-SERVICE: the next contact planned while talking to a customer falls due on its date.
import type { Contact } from "../schema.js";
import type { RuleSettings } from "./config.js";
import type { Found, Rec, RuleContext } from "./types.js";

export function nextServiceDuty(c: Rec<Contact>, rx: RuleContext, rs: RuleSettings): Found[] {
  const next = c.value.next;
  if (!next) return [];
  const cfg = rs["R-NEXT-SERVICE"];
  const made = rx.ofCustomer(c.value.customer).find((k) => k.id !== c.id && k.value.direction === "out" && rx.dayOf(k.value.at) >= next.date);
  return [
    {
      key: `R-NEXT-SERVICE:${c.id}`,
      rule: "R-NEXT-SERVICE",
      source: c.id,
      customer: c.value.customer,
      ticket: c.value.ticket,
      owner: c.value.staff,
      earliest: next.date,
      due: rx.dueAfter(next.date, cfg.days, cfg.workingDays),
      done: made && { at: made.value.at, record: made.id },
      topic: next.topic,
    },
  ];
}
