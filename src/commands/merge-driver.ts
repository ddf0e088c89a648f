// aftercare merge-driver %O %A %B %P: git's merge driver for records (set up by aftercare init).
// Exit 0 when the merge is clean, 1 with conflict markers around the fields changed both ways.
import type { Deps } from "../context.js";
import { Git } from "../store/git.js";
import { mergeDriver } from "../services/merge-driver.js";

export interface MergeDriverOptions {
  base: string;
  ours: string;
  theirs: string;
  /** the record's path in the store (%P), which names its kind */
  path: string;
}

export async function mergeDriverCmd(o: MergeDriverOptions, deps: Deps): Promise<number> {
  return mergeDriver(o.base, o.ours, o.theirs, o.path, new Git(deps.cwd, deps.env), deps.env);
}
