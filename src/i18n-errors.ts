// The catalogue's block for the error pipeline's own failures (src/errors-catalogue.ts): a flag too
// long, the machine refusing (a full disk, a read-only store, no permission…), a write saved but not
// committed, a cancel, a bug; and what a failed command left. src/i18n-problems.ts spreads it into the
// one catalogue (issue 13, item 1). The English is exactly what errors.ts said before.
import type { Entry } from "./i18n.js";

export const ERRORS = {
  "err.invalidFlag": { en: "{flag} {value} {rule}", "zh-CN": "{flag} {value} {rule}" },
  "err.tooLong.what": { en: "{flag} is too long: {length} characters", "zh-CN": "{flag} 太长：{length} 个字符" },
  "err.tooLong.why": { en: "at most {max} for {what}", "zh-CN": "{what}最多 {max} 个字符" },
  "err.tooLong.text": { en: "a text", "zh-CN": "一段文字" },
  "err.tooLong.path": { en: "a file name", "zh-CN": "文件名" },
  "err.tooLong.line": { en: "a one-line field", "zh-CN": "单行字段" },
  "err.tooLong.nextText": {
    en: "shorten it, or keep the long text in a file and refer to it",
    "zh-CN": "请缩短，或把长文字放在文件里再引用它",
  },
  "err.tooLong.next": { en: "shorten it", "zh-CN": "请缩短" },
  "err.where": { en: " ({path})", "zh-CN": "（{path}）" },
  "err.diskFull.what": { en: "the disk is full{where}", "zh-CN": "磁盘已满{where}" },
  "err.diskFull.why": {
    en: "no space left on the device that holds the store",
    "zh-CN": "存放档案库的设备没有剩余空间",
  },
  "err.diskFull.next": { en: "free some space, then run the command again", "zh-CN": "请腾出一些空间，再运行一次命令" },
  "err.readOnly.what": { en: "the store is read-only{where}", "zh-CN": "档案库是只读的{where}" },
  "err.readOnly.why": { en: "its file system is mounted read-only", "zh-CN": "它所在的文件系统以只读方式挂载" },
  "err.readOnly.next": {
    en: "remount it read-write, or work in a writable clone of the store",
    "zh-CN": "请以读写方式重新挂载，或在档案库的可写克隆中工作",
  },
  "err.permission.path": { en: "no permission to write {path}", "zh-CN": "没有写入 {path} 的权限" },
  "err.permission.store": { en: "no permission to write in the store", "zh-CN": "没有在档案库中写入的权限" },
  "err.permission.next": {
    en: "check who owns the store's folders (ls -ld), and run aftercare as that user or give your user write access",
    "zh-CN": "请查看档案库各文件夹的所有者（ls -ld），改用该用户运行，或给你的用户写权限",
  },
  "err.tooManyFiles.what": { en: "too many open files", "zh-CN": "打开的文件太多" },
  "err.tooManyFiles.why": {
    en: "the system's limit on open files was reached",
    "zh-CN": "已达到系统允许同时打开的文件数上限",
  },
  "err.tooManyFiles.next": {
    en: "close other programs, or raise the limit (ulimit -n 4096), then run the command again",
    "zh-CN": "请关闭其他程序或提高上限（ulimit -n 4096），再运行一次命令",
  },
  "err.argTooLong.what": { en: "a value is too long to hand to git", "zh-CN": "有一个值太长，无法交给 git" },
  "err.argTooLong.why": {
    en: "the system refused an argument that long (E2BIG)",
    "zh-CN": "系统拒绝了这么长的参数",
  },
  "err.argTooLong.next": {
    en: "shorten the longest flag value and run the command again",
    "zh-CN": "请缩短最长的选项值，再运行一次命令",
  },
  "err.ioError.what": {
    en: "the disk reported an input/output error{where}",
    "zh-CN": "磁盘报告了输入/输出错误{where}",
  },
  "err.ioError.why": { en: "the device may be failing or disconnected", "zh-CN": "设备可能出了故障或已断开" },
  "err.ioError.next": {
    en: "check the disk (dmesg), then run 'aftercare check' in the store",
    "zh-CN": "请检查磁盘（dmesg），然后在档案库中运行 'aftercare check'",
  },
  "err.notCommitted.what": { en: "saved but not committed ({reason})", "zh-CN": "已保存但未提交（{reason}）" },
  "err.notCommitted.why": {
    en: "the change is in the files, not in git history",
    "zh-CN": "改动已在文件中，但不在 git 历史中",
  },
  "err.notCommitted.note": { en: "note: {text}", "zh-CN": "注意：{text}" },
  "err.notCommitted.how": { en: "commit it with: {command}", "zh-CN": "请这样提交：{command}" },
  "err.notCommitted.diskFull": {
    en: "the disk is full: git could not write its objects; free some space",
    "zh-CN": "磁盘已满：git 无法写入它的对象；请腾出一些空间",
  },
  "err.notCommitted.git": { en: "git did not commit", "zh-CN": "git 没有提交" },
  "err.cancelled": { en: "cancelled", "zh-CN": "已取消" },
  "err.internal": {
    en: "internal error: {message} (a bug in aftercare; run again with --debug for details)",
    "zh-CN": "内部错误：{message}（aftercare 的缺陷；加 --debug 再运行可看到详情）",
  },
  // what a failed command left (written clause), and how the parts of one message join
  "err.w.nothing": { en: "nothing was written", "zh-CN": "未写入任何内容" },
  "err.w.untouched": { en: "the store was not changed", "zh-CN": "档案库未改动" },
  "err.w.unknown": {
    en: "some files may have been changed: see 'git status' and run 'aftercare check' in the store",
    "zh-CN": "可能有文件已被改动：请查看 'git status'，并在档案库中运行 'aftercare check'",
  },
  "err.w.left": {
    en: "changed and not committed: {files} (commit them, or undo with 'git checkout -- FILE')",
    "zh-CN": "已改动但未提交：{files}（请提交，或用 'git checkout -- 文件' 撤销）",
  },
  "err.w.temp": {
    en: {
      one: "left a temporary file: {files} (safe to delete)",
      other: "left temporary files: {files} (safe to delete)",
    },
    "zh-CN": "留下了临时文件：{files}（可以删除）",
  },
  "err.whyParen": { en: "{what} ({why})", "zh-CN": "{what}（{why}）" },
  "err.whyAfter": { en: "{what}; {why}", "zh-CN": "{what}；{why}" },
  "err.sep": { en: "; ", "zh-CN": "；" },
  "err.listSep": { en: ", ", "zh-CN": "、" },
} satisfies Record<string, Entry>;
