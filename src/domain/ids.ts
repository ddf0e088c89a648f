// Record IDs: <kind letter>-<yymmdd>-<4 Crockford base32>. The date is the day the record was
// created (in the store's time zone); the four characters are random, so clones never coordinate.
/** The kind each ID letter names (LETTER_OF the other way). */
export const KIND_OF_LETTER = {
  C: "customer",
  T: "ticket",
  K: "contact",
  E: "event",
  W: "waiver",
} as const;
export type KindLetter = keyof typeof KIND_OF_LETTER;
export type RecordKind = (typeof KIND_OF_LETTER)[KindLetter];
/** Every kind of record, in the order the store lists and checks them. */
export const RECORD_KINDS: readonly RecordKind[] = Object.values(KIND_OF_LETTER);
export const LETTER_OF: Record<RecordKind, KindLetter> = {
  customer: "C",
  ticket: "T",
  contact: "K",
  event: "E",
  waiver: "W",
};

export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const ID_RE = /^([CTKEW])-(\d{2})(\d{2})(\d{2})-([0-9A-HJKMNP-TV-Z]{4})$/;
// A prefix of an ID as typed: the letter, then optionally as much of the rest as the user knows.
const PREFIX_RE = /^[CTKEW](-(\d{0,6}|\d{6}-[0-9A-HJKMNP-TV-Z]{0,4}))?$/;

/** Normalise what a person typed: upper case, Crockford's look-alikes (I/L→1, O→0). */
export function normalizeIdInput(input: string): string {
  const s = input.trim().toUpperCase();
  const m = /^([A-Z])(.*)$/.exec(s);
  if (!m) return s;
  return m[1] + m[2]!.replace(/[IL]/g, "1").replace(/O/g, "0");
}

export function isId(s: string): boolean {
  return ID_RE.test(s);
}

/** True when `s` (already normalised) could be the start of an ID; checked before any path is built. */
export function isIdPrefix(s: string): boolean {
  return PREFIX_RE.test(s);
}

export function kindOfId(id: string): RecordKind | undefined {
  const letter = id[0] as KindLetter;
  return KIND_OF_LETTER[letter];
}

/** The creation date an ID carries, as "YYYY-MM-DD". */
export function idDate(id: string): string {
  const m = ID_RE.exec(id);
  if (!m) throw new Error(`not an ID: ${id}`);
  return `20${m[2]}-${m[3]}-${m[4]}`;
}

/** A new ID for a record created on `day` ("YYYY-MM-DD" in the store's zone). */
export function newId(kind: RecordKind, day: string, random: (n: number) => Uint8Array): string {
  const [y, m, d] = day.split("-");
  const bytes = random(4);
  let suffix = "";
  for (const b of bytes) suffix += CROCKFORD[b & 31];
  return `${LETTER_OF[kind]}-${y!.slice(2)}${m}${d}-${suffix}`;
}
