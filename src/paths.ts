// Where aftercare itself lives, for the git hook and merge driver it installs in a store.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root: src/ and dist/ both sit one level below it. */
export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = resolve(PROJECT, "bin", "aftercare");

/** A word for sh, single-quoted. */
export const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The command line that runs this aftercare, for scripts git runs through sh. */
export const selfCommand = () => `${shq(process.execPath)} ${shq(BIN)}`;
