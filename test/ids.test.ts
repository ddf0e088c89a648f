import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idDate, isId, isIdPrefix, newId, normalizeIdInput } from "../src/domain/ids.js";
import { pathOf } from "../src/store/store.js";

const bytes =
  (...b: number[]) =>
  () =>
    Uint8Array.from(b);

describe("IDs", () => {
  it("are <letter>-<yymmdd>-<4 Crockford base32> from the creation day", () => {
    expect(newId("ticket", "2026-11-26", bytes(0, 1, 31, 30))).toBe("T-261126-01ZY");
    expect(newId("customer", "2027-01-05", bytes(10, 17, 18, 22))).toBe("C-270105-AHJP");
    expect(newId("contact", "2026-11-26", bytes(32, 33, 34, 35))).toBe("K-261126-0123");
  });

  it("never contain the letters people confuse (I, L, O, U)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (b) => {
        const id = newId("event", "2026-12-01", () => b);
        expect(isId(id)).toBe(true);
        expect(id.slice(9)).not.toMatch(/[ILOU]/);
      }),
    );
  });

  it("are read forgivingly: lower case and look-alike letters", () => {
    expect(normalizeIdInput(" t-261126-q2mx ")).toBe("T-261126-Q2MX");
    expect(normalizeIdInput("t-261126-oi1l")).toBe("T-261126-0111");
  });

  it("accept prefixes and refuse anything that could become a path", () => {
    for (const ok of ["T", "T-", "T-26", "T-261126", "T-261126-", "T-261126-Q2"]) expect(isIdPrefix(ok), ok).toBe(true);
    for (const bad of ["", "../etc", "T-261126/../../x", "T-2611266", "X-261126-Q2MX", "T-261126-Q2MXX", "T_261126"])
      expect(isIdPrefix(bad), bad).toBe(false);
  });

  it("decide where a record lives: tickets and contacts by the month in their ID", () => {
    expect(pathOf("T-261126-Q2MX")).toBe("tickets/2026/11/T-261126-Q2MX.yaml");
    expect(pathOf("K-270101-9D4A")).toBe("contacts/2027/01/K-270101-9D4A.yaml");
    expect(pathOf("C-261126-7K3F")).toBe("customers/C-261126-7K3F.yaml");
    expect(pathOf("E-261201-3HC8")).toBe("events/E-261201-3HC8.yaml");
    expect(idDate("T-261126-Q2MX")).toBe("2026-11-26");
  });
});
