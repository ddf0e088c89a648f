// aftercare completion bash | zsh | fish: a small script per shell that asks `aftercare __complete`
// what fits the word under the cursor. One completer for all three shells, here: commands, flags,
// each flag's values (its choices, staff names, record IDs of the right kind, months), record IDs
// where a command takes one, and file or folder names where a file or folder is expected (the
// shell lists those itself). `--records DIR` on the line is the store whose IDs and staff are offered.
import { EXIT, refusal } from "../errors.js";
import { CHANNELS, TICKET_STATUSES } from "../domain/enums.js";
import type { Source } from "../services/completion-source.js";

// cli.ts reaches the store's source here until it becomes a registry
export { storeSource, type Source } from "../services/completion-source.js";

export interface OptionInfo {
  long: string;
  short?: string;
  /** it takes a value (--format csv), rather than being a switch (--json) */
  value: boolean;
  choices?: readonly string[];
}

export interface CommandTree {
  name: string;
  options: OptionInfo[];
  args: { name: string; variadic: boolean }[];
  commands: CommandTree[];
}

export const SHELLS = ["bash", "zsh", "fish"] as const;
const EXPORTS = ["customers", "tickets", "contacts", "duties"];

/** What a value is: a fixed list, a file, a folder, a staff member, a record ID of these kinds, a month, a year. */
type Kind =
  | { list: readonly string[] }
  | "file"
  | "dir"
  | "staff"
  | "technician"
  | { ids: string }
  | "month"
  | "year"
  | "status"
  | "none";

function optionKind(path: string[], o: OptionInfo): Kind {
  if (o.choices) return { list: o.choices };
  const name = o.long.replace(/^--/, "");
  const at = path.join(" ");
  if (name === "records" || name === "dir") return "dir";
  if (name === "output" || name === "template" || name === "file") return "file";
  // who is sent to a job: the technicians on the list, as `ticket dispatch` asks (everyone when none is)
  if (name === "technician") return "technician";
  if (["as", "for", "assignee", "cover", "owner"].includes(name) || (name === "to" && at === "ticket escalate"))
    return "staff";
  if (name === "customer") return { ids: "C" };
  if (name === "ticket") return { ids: "T" };
  if (name === "event") return { ids: "E" };
  if (name === "plan") return { ids: "KT" };
  if (name === "status") return "status";
  if (name === "channel") return { list: CHANNELS };
  if (name === "month") return "month";
  if (name === "delimiter") return { list: [",", ";", "tab", "|"] };
  if (name === "encoding") return { list: ["utf-8", "gb18030", "utf-16le", "utf-16be"] };
  return "none";
}

/** What a command's argument is, by the command and the argument's name. */
function argKind(path: string[], arg: string): Kind {
  const [noun, verb] = path;
  if (arg === "file") return "file";
  if (arg === "dir") return "dir";
  if (arg === "what" && noun === "export") return { list: EXPORTS };
  if (arg === "shell") return { list: SHELLS };
  if (arg === "name" && noun === "staff") return "staff";
  if (arg === "month") return "month";
  if (arg === "year") return "year";
  if (arg !== "id") return "none";
  if (noun === "ticket") return { ids: "T" };
  if (noun === "customer") return { ids: "C" };
  if (noun === "contact") return { ids: "K" };
  if (noun === "history") return { ids: "CTKE" };
  if (noun === "report") return { ids: verb === "call" ? "K" : verb === "customer" ? "C" : "T" };
  return "none";
}

export interface Completion {
  words: string[];
  /** the shell lists files or folders matching the word itself */
  directive: "words" | "files" | "dirs";
}

/** What fits the last of `words` (the words after "aftercare", the one under the cursor last). */
export async function complete(
  tree: CommandTree,
  words: string[],
  source: (records: string | undefined) => Source,
): Promise<Completion> {
  const cur0 = words[words.length - 1] ?? "";
  const { node, path, pending, records, positional } = walk(tree, words.slice(0, -1));
  const cur = cur0 === "=" && pending ? "" : cur0;
  const fits = fitting(cur);
  if (pending) return valuesOf(optionKind(path, pending), cur, source(records));
  if (cur.startsWith("-")) {
    const longs = [...node.options, ...(node === tree ? [] : tree.options)].map((o) => o.long);
    return fits([...new Set([...longs, "--help"])]);
  }
  if (node.commands.length && positional === 0) return fits(node.commands.map((c) => c.name));
  const arg = node.args[Math.min(positional, node.args.length - 1)];
  if (!arg || (positional >= node.args.length && !arg.variadic)) return { words: [], directive: "words" };
  return valuesOf(argKind(path, arg.name), cur, source(records));
}

/** Where the words before the cursor lead: the command, a flag waiting for its value, the store named, the argument reached. */
function walk(tree: CommandTree, done: string[]) {
  let node = tree;
  const path: string[] = [];
  let pending: OptionInfo | undefined;
  let records: string | undefined;
  let positional = 0;
  const find = (w: string) => [...node.options, ...tree.options].find((o) => o.long === w || o.short === w);
  for (const w of done) {
    if (pending) {
      if (w === "=") continue; // bash splits --records=DIR at the =
      if (pending.long === "--records") records = w;
      pending = undefined;
      continue;
    }
    if (w === "--") continue;
    if (w.startsWith("-") && w !== "-") {
      const [name, value] = w.includes("=")
        ? [w.slice(0, w.indexOf("=")), w.slice(w.indexOf("=") + 1)]
        : [w, undefined];
      const o = find(name);
      if (o?.value && value === undefined) pending = o;
      else if (o?.long === "--records" && value) records = value;
      continue;
    }
    const sub = node.commands.find((c) => c.name === w);
    if (sub && positional === 0) {
      node = sub;
      path.push(w);
    } else positional++;
  }
  return { node, path, pending, records, positional };
}

const fitting = (cur: string) => (xs: readonly string[]) => ({
  words: xs.filter((x) => x.startsWith(cur)),
  directive: "words" as const,
});

/** The values of a kind that fit the word under the cursor. */
async function valuesOf(kind: Kind, cur: string, src: Source): Promise<Completion> {
  const fits = fitting(cur);
  if (kind === "file") return { words: [], directive: "files" };
  if (kind === "dir") return { words: [], directive: "dirs" };
  if (kind === "none") return { words: [], directive: "words" };
  if (kind === "staff") return fits(await src.staff());
  if (kind === "technician") return fits(await src.staff("technician"));
  if (kind === "status") {
    // a comma-separated list: the last item is the one being typed
    const head = cur.slice(0, cur.lastIndexOf(",") + 1);
    return fits([...TICKET_STATUSES, ...(head ? [] : ["all"])].map((s) => head + s));
  }
  if (kind === "month" || kind === "year") {
    const today = await src.today();
    const [y, m] = today.split("-").map(Number) as [number, number];
    // this month and the twelve before it, newest first; this year and the two before
    const months = Array.from({ length: 13 }, (_, i) => {
      const n = y * 12 + (m - 1) - i;
      return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
    });
    return fits(kind === "month" ? months : [0, 1, 2].map((i) => String(y - i)));
  }
  if ("list" in kind) return fits(kind.list);
  return fits(await src.ids(kind.ids, cur));
}

const BASH = `# bash completion for aftercare; load with: source <(aftercare completion bash)
# (or save it as /etc/bash_completion.d/aftercare)
_aftercare() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" line directive
  local -a out=() reply=()
  while IFS= read -r line; do out+=("$line"); done < <(aftercare __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  ((\${#out[@]})) || return 0
  directive="\${out[\${#out[@]}-1]}"
  unset 'out[\${#out[@]}-1]'
  [[ "$cur" == "=" ]] && cur=""
  case "$directive" in
    :files) compopt -o filenames 2>/dev/null; while IFS= read -r line; do reply+=("$line"); done < <(compgen -f -- "$cur") ;;
    :dirs) compopt -o filenames 2>/dev/null; while IFS= read -r line; do reply+=("$line"); done < <(compgen -d -- "$cur") ;;
    *)
      for line in "\${out[@]}"; do
        [[ "$line" == *" "* ]] && printf -v line '%q' "$line"
        reply+=("$line")
      done ;;
  esac
  COMPREPLY=("\${reply[@]}")
}
complete -F _aftercare aftercare
`;

const ZSH = `#compdef aftercare
# zsh completion for aftercare; load with: source <(aftercare completion zsh) after compinit
# (or save it as _aftercare in a folder of $fpath)
_aftercare() {
  local -a out cands
  local directive
  out=("\${(@f)$(aftercare __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  (( \${#out} )) || return 1
  directive=\${out[-1]}
  cands=("\${(@)out[1,-2]}")
  case $directive in
    (:files) _files ;;
    (:dirs) _files -/ ;;
    (*) (( \${#cands} )) && compadd -a cands ;;
  esac
}
if [[ "\${funcstack[1]}" == "_aftercare" ]]; then
  _aftercare "$@"
elif (( $+functions[compdef] )); then
  compdef _aftercare aftercare
fi
`;

const FISH = `# fish completion for aftercare; load with: aftercare completion fish | source
# (or save it as ~/.config/fish/completions/aftercare.fish)
function __aftercare_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l cur (commandline -ct)
    set -l out (aftercare __complete -- $words "$cur" 2>/dev/null)
    test (count $out) -gt 0; or return
    set -l directive $out[-1]
    set -e out[-1]
    switch $directive
        case :files
            __fish_complete_path "$cur"
        case :dirs
            __fish_complete_directories "$cur"
        case '*'
            printf '%s\\n' $out
    end
end
complete -c aftercare -f -a '(__aftercare_complete)'
`;

export function completion(shell: string | undefined): string {
  if (shell === "bash") return BASH;
  if (shell === "zsh") return ZSH;
  if (shell === "fish") return FISH;
  throw refusal("rf.shell", { shell: shell ?? "", shells: { typed: SHELLS } }, EXIT.usage);
}
