// Kept for cli.ts's `merge-driver` command until cli.ts becomes a registry: the driver lives in
// src/services/merge-driver.ts (it is not a command), with the hooks in src/services/git-support.ts.
export { mergeDriver } from "../services/merge-driver.js";
