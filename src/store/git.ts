// git, called with argument arrays (never a shell) and with the store's own repository even when
// aftercare runs inside another repository's hook. Every call runs with the store's own settings
// and none of the user's surprises: no file-system monitor, no hooks but aftercare's own (a
// repository's post-commit hook does not run on every write), commit messages on stdin.
//
// A write costs two git processes (docs/reliability.md, "Git"): `git update-index` stages the
// written files and, in the same pass over the index, names any other record file changed by
// hand; `git fast-import` makes the commit of exactly those files on top of HEAD, without reading
// or rewriting the index again. Everything else a write needs — where the repository is, which
// branch, a rebase or merge under way, the settings — is read from the files git keeps, and
// anything unusual (a repository git may refuse, hooks in aftercare's hooks folder, signed
// commits, a conversion filter) goes the long way, through `git commit`.
//
// The parts, in git/ (each imports only those above it):
//   run.ts            starting git: a clean environment, every process counted
//   refusal.ts        what git's complaints mean, in one line
//   files.ts          small files beside the records: stamped, hashed, written whole
//   locate.ts         the repository found from the files: .git, HEAD, refs, an operation under way
//   config.ts         git's settings, asked once and remembered with the files they came from
//   uncommitted.ts    record files that differ from the last commit, and the note naming them
//   snapshot.ts       what the last commit left, to skip `git status` when nothing changed since
//   journal.ts        commits written down before they are made (.aftercare/uncommitted/)
//   fast-import.ts    the fast way to commit: blobs, identity, message, the conversation
//   repo.ts           class GitRepo: where, what state, settings, reading (status, cat-file)
//   commit.ts         class GitCommits: the write path (stage, fast-import or `git commit`)
//   earlier-writes.ts class Git: finishing the commits earlier writes left undone
export { Git } from "./git/earlier-writes.js";
export type { CommitResult } from "./git/commit.js";
export { hashOf } from "./git/files.js";
export { cleanMessage } from "./git/fast-import.js";
export { subjectOf, type Author, type PendingCommit } from "./git/journal.js";
export { locateRepo, type RepoLocation, type RepoState } from "./git/locate.js";
export { DISK_FULL, firstLine, repoRefusal } from "./git/refusal.js";
export { OWN_HOOKS } from "./git/repo.js";
export { cleanEnv, gitSpawns, type GitRun } from "./git/run.js";
export { RECORD_PATHS, type UncommittedFile } from "./git/uncommitted.js";
