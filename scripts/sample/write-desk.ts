// Writer steps for the customer events with their invitations (R-EVENT-NOTICE) and for the
// reception desk's two vehicles (part C).
import { at, stamp } from "./clock.js";
import { call, customerId, letter, type Sample } from "./context.js";
import { events, invitationSubject, invitations } from "./events.js";
import { carCalls, carOwner, carTicket, vanTicket } from "./shop.js";

/** The events, then the customer day's invitations: a call, then a letter, customer by customer. */
export async function writeEvents(sample: Sample) {
  const written = [];
  for (const e of events)
    written.push(await sample.store.create("event", e, at(e.created.slice(0, 16).replace("T", " ")), sample.random));
  const event = written[0]!.id;
  for (const inv of invitations) {
    const customer = customerId(sample, inv.customer);
    await call(sample, {
      customer,
      event,
      at: stamp(inv.called),
      direction: "out",
      purpose: "notice",
      staff: "陈静",
      person: inv.person,
      summary: inv.summary,
    });
    const invitation = { kind: "invitation" as const, subject: invitationSubject };
    await letter(sample, { customer, event, day: inv.letter, purpose: "notice", staff: "陈静", ...invitation });
  }
}

/** The car owner, his car's ticket and its calls, then Acme's van still in the workshop. */
export async function writeShop(sample: Sample) {
  const owner = await sample.store.create("customer", carOwner, at("2026-11-16 15:00"), sample.random);
  const car = await sample.store.create(
    "ticket",
    { customer: owner.id, ...carTicket },
    at("2026-11-16 15:02"),
    sample.random,
  );
  for (const [when, purpose, summary] of carCalls)
    await call(sample, {
      customer: owner.id,
      ticket: car.id,
      at: stamp(when),
      direction: "out",
      purpose,
      staff: "王芳",
      summary,
    });
  const van = { customer: customerId(sample, 3), ...vanTicket };
  await sample.store.create("ticket", van, at("2026-11-26 13:30"), sample.random);
}
