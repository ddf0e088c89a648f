// aftercare completion bash | zsh | fish: a script that completes commands, flags and record IDs.
import { UsageError } from "../errors.js";

export interface CommandTree {
  name: string;
  options: string[];
  commands: CommandTree[];
}

export const SHELLS = ["bash", "zsh", "fish"] as const;

/** Which kind of ID a command's argument takes, from its name: ticket show → T, customer edit → C. */
function idLetter(path: string[]): string {
  const noun = path[0];
  if (noun === "ticket") return "T";
  if (noun === "customer") return "C";
  if (noun === "event") return "E";
  if (noun === "report") return path[1] === "call" ? "K" : path[1] === "customer" ? "C" : "T";
  if (noun === "history") return "";
  return "";
}

function bash(tree: CommandTree): string {
  const cases: string[] = [];
  const known: string[] = [];
  const walk = (t: CommandTree, path: string[]) => {
    const words = [...t.commands.map((c) => c.name), ...t.options].join(" ");
    const letter = path.length && !t.commands.length ? idLetter(path) : "";
    cases.push(`    "${path.join(" ")}") words="${words}"; ids="${letter}" ;;`);
    if (path.length) known.push(path.join(" "));
    for (const c of t.commands) walk(c, [...path, c.name]);
  };
  walk(tree, []);
  return `# bash completion for aftercare; load with: source <(aftercare completion bash)
_aftercare() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" w i words="" ids=""
  local known="|${known.join("|")}|"
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == -* ]] && continue
    case "$known" in *"|\${path:+$path }$w|"*) path="\${path:+$path }$w" ;; esac
  done
  case "$path" in
${cases.join("\n")}
  esac
  if [[ -n "$ids" && "$cur" != -* ]]; then
    COMPREPLY=($(compgen -W "$words $(aftercare __ids "$ids" 2>/dev/null)" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}
complete -F _aftercare aftercare
`;
}

function zsh(tree: CommandTree): string {
  return `#compdef aftercare
# zsh completion for aftercare; load with: source <(aftercare completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(tree).replace(/^# bash completion.*\n/, "")}`;
}

function fish(tree: CommandTree): string {
  const lines = ["# fish completion for aftercare; load with: aftercare completion fish | source", "complete -c aftercare -f"];
  lines.push(`complete -c aftercare -n '__fish_use_subcommand' -a '${tree.commands.map((c) => c.name).join(" ")}'`);
  for (const o of tree.options) lines.push(`complete -c aftercare -l '${o.replace(/^--/, "")}'`);
  for (const c of tree.commands) {
    if (c.commands.length) lines.push(`complete -c aftercare -n '__fish_seen_subcommand_from ${c.name}; and not __fish_seen_subcommand_from ${c.commands.map((x) => x.name).join(" ")}' -a '${c.commands.map((x) => x.name).join(" ")}'`);
    for (const sub of c.commands.length ? c.commands : [c]) {
      const cond = c.commands.length ? `__fish_seen_subcommand_from ${c.name}; and __fish_seen_subcommand_from ${sub.name}` : `__fish_seen_subcommand_from ${c.name}`;
      for (const o of sub.options) lines.push(`complete -c aftercare -n '${cond}' -l '${o.replace(/^--/, "")}'`);
      const letter = idLetter(c.commands.length ? [c.name, sub.name] : [c.name]);
      if (letter) lines.push(`complete -c aftercare -n '${cond}' -a '(aftercare __ids ${letter} 2>/dev/null)'`);
    }
  }
  return lines.join("\n") + "\n";
}

export function completion(shell: string | undefined, tree: CommandTree): string {
  if (shell === "bash") return bash(tree);
  if (shell === "zsh") return zsh(tree);
  if (shell === "fish") return fish(tree);
  throw new UsageError(`completion for "${shell ?? ""}" is not available: choose ${SHELLS.join(", ")}`);
}
