// git's own words, read without running git (the fast tier): the reason a commit failed is git's error,
// never a warning before it, and a full disk is recognised in each wording git has for it.
import { describe, expect, it } from "vitest";
import { DISK_FULL, firstLine } from "../src/store/git.js";

describe("git's own words", () => {
  it("a warning (CRLF) is never given as the reason; a full disk is recognised in its wordings", () => {
    expect(
      firstLine(
        "warning: in the working copy of 'a.yaml', LF will be replaced by CRLF\nerror: gpg failed to sign the data\nfatal: failed to write commit object",
      ),
    ).toBe("gpg failed to sign the data");
    expect(DISK_FULL.test("error: sha1 file '.git/index.lock' write error. Out of diskspace")).toBe(true);
    expect(DISK_FULL.test("fatal: Unable to create '/s/.git/index.lock': File exists.")).toBe(false);
  });
});
