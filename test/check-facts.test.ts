// What check keeps of each record between runs (its memo): the facts' one-string encoding, as a property
// (the fast tier). check itself, on real stores: check.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFacts, encodeFacts } from "../src/domain/check.js";
import { MINGYUAN } from "./fixtures.js";

describe("what check keeps of each record", () => {
  it("facts survive their one-string encoding, whatever the names hold", () => {
    const name = fc.string({ unit: fc.constantFrom(..."ab|=:;,上 ", "\u00a0", "😀"), minLength: 1, maxLength: 8 });
    const idOf = (letter: string) => fc.constantFrom(`${letter}-261101-AAAA`, `${letter}-261231-Z9Z9`);
    const facts = fc.record(
      {
        customer: idOf("C"),
        ticket: idOf("T"),
        event: idOf("E"),
        staff: fc.array(
          fc.tuple(fc.constantFrom("staff", "assignee", "escalation.to", "dispatch.technician", "by", "owner"), name),
          { minLength: 1, maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(facts, (f) => {
        expect(decodeFacts(encodeFacts(f))).toEqual(f);
      }),
      { numRuns: 500 },
    );
    expect(encodeFacts({})).toBe("");
    expect(encodeFacts({ customer: MINGYUAN })).toBe(`${MINGYUAN}||`);
  });
});
