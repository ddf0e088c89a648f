// Where records live in a store: the settings file, a folder per kind, tickets, contacts and
// waivers filed by the year and month in their ID. Names only: nothing here reads a file.
import { idDate, isId, kindOfId, type RecordKind } from "../domain/ids.js";
import type { RecordOf } from "../domain/schema.js";
import type { Parsed } from "./yaml.js";

export const SETTINGS_FILE = "aftercare.yaml";
export const FOLDERS: Record<RecordKind, string> = {
  customer: "customers",
  ticket: "tickets",
  contact: "contacts",
  event: "events",
  waiver: "waivers",
};
/** Kinds whose files are filed by the year and month in their ID: tickets/2026/11/T-261126-Q2MX.yaml */
const BY_MONTH = new Set<RecordKind>(["ticket", "contact", "waiver"]);
const KIND_OF_FOLDER = new Map(Object.entries(FOLDERS).map(([k, f]) => [f, k as RecordKind]));

export interface FileProblem {
  path: string;
  line: number;
  col: number;
  message: string;
}

export interface Loaded<K extends RecordKind = RecordKind> {
  kind: K;
  id: string;
  path: string; // relative to the store root, with "/"
  value: RecordOf[K];
  src: string;
  parsed: Parsed;
}

/** Where the record with this ID lives, relative to the store root. The ID must be valid. */
export function pathOf(id: string): string {
  const kind = kindOfId(id);
  if (!isId(id) || !kind) throw new Error(`pathOf: not an ID: ${id}`);
  if (!BY_MONTH.has(kind)) return `${FOLDERS[kind]}/${id}.yaml`;
  const [y, m] = idDate(id).split("-");
  return `${FOLDERS[kind]}/${y}/${m}/${id}.yaml`;
}

/** Where the record with this ID would live, or "" when it is not an ID (for rules that name what is missing). */
export const pathOrNone = (id: string): string => (isId(id) ? pathOf(id) : "");

/** The name of a record file without its folder and .yaml: the record's ID when it is filed right. */
export const idOfPath = (path: string): string => path.slice(path.lastIndexOf("/") + 1).replace(/\.ya?ml$/, "");

/** The kind of record a store path holds, by its folder and file name; undefined for any other file. */
export function kindOfPath(path: string): RecordKind | undefined {
  const kind = KIND_OF_FOLDER.get(path.slice(0, path.indexOf("/")));
  const name = idOfPath(path);
  return kind && /\.ya?ml$/.test(path) && kindOfId(name) === kind ? kind : undefined;
}
