import { readFileSync } from 'node:fs';

/**
 * The shims' fast path, `airlock_needs_check LINE` (exit 0: the full check is needed). It is the
 * launcher's keyword prefilter (`prefilter.sh`, generated from the rules' keywords at build
 * time) with a front that needs no process at all: a line whose words are all plain lowercase
 * words is settled by one `case` over the same trigger words, in the shell itself. Anything else
 * (quotes, backslashes, capitals, unusual characters, extra policy words) goes to the launcher's
 * awk check, which normalises exactly as the engine does. Undefined when the build has no
 * prefilter: every shimmed call then gets the full check.
 */
export function shellPrefilter(prefilterFile: string, policyPath?: string): string | undefined {
  let source: string;
  try { source = readFileSync(prefilterFile, 'utf8'); } catch { return undefined; }
  if (!source.includes('airlock_needs_full_check()')) return undefined;
  // The user's policy file as the editor found it when the terminal was created, not as the
  // command's own HOME/XDG_CONFIG_HOME/AIRLOCK_POLICY_FILE would have it.
  const fixedPolicy = policyPath === undefined ? '' : `\nairlock_user_policy_path() { printf '%s' ${shQuote(policyPath)}; }`;
  const words = /^AIRLOCK_TRIGGER_WORDS='([a-z0-9_ -]*)'$/m.exec(source)?.[1]?.split(' ').filter(Boolean);
  if (!words?.length) return `${source.trim()}${fixedPolicy}\nairlock_needs_check() { airlock_needs_full_check "$1"; }`;
  // The awk check is read only when a line needs it: sourcing it redefines this stub. If it has
  // gone missing, the line gets the full check (fail closed).
  const quoted = shQuote(prefilterFile);
  return `airlock_needs_full_check() { if [ -r ${quoted} ] && . ${quoted}; then${fixedPolicy ? ` airlock_user_policy_path() { printf '%s' ${shQuote(policyPath!)}; };` : ''} airlock_needs_full_check "$1"; else return 0; fi; }
${shellFrontFunction(words, policyPath)}`;
}

function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The no-fork front of the prefilter; exported so a test can prove it agrees with the engine's. */
export function shellFrontFunction(triggerWords: string[], policyPath?: string): string {
  const findPolicy = policyPath !== undefined ? `  airlock_p=${shQuote(policyPath)}` : `  if [ -n "\${AIRLOCK_POLICY_FILE:-}" ]; then airlock_p=$AIRLOCK_POLICY_FILE
  else case \${XDG_CONFIG_HOME:-} in /*) airlock_p=$XDG_CONFIG_HOME/airlock/policy.json ;; *) airlock_p=\${HOME:-/nonexistent}/.config/airlock/policy.json ;; esac
  fi`;
  return `airlock_needs_check() {
${findPolicy}
  if [ -n "\${AIRLOCK_EXTRA_KEYWORDS:-}" ] || [ -e "$airlock_p" ]; then airlock_needs_full_check "$1"; return; fi
  # Characters that build words at run time, and constructs that hide what runs: full check.
  case $1 in
    *[\\$\\\`{}*?\\[\\]\\(\\)\\;\\&\\|]*) return 0 ;;
    .[\\ \\	]*|*[\\ \\	\\!]\\.[\\ \\	]*) return 0 ;;
    *[\\"\\'\\\\]*) airlock_needs_full_check "$1"; return ;;
  esac
  airlock_ifs=$IFS
  IFS=' 	
/.,:=@+%#~^!<>'
  set -f
  for airlock_w in $1; do
    case $airlock_w in
      *[!a-z0-9_-]*) IFS=$airlock_ifs; set +f; airlock_needs_full_check "$1"; return ;;
      ${triggerWords.join('|')}) IFS=$airlock_ifs; set +f; return 0 ;;
    esac
  done
  IFS=$airlock_ifs
  set +f
  return 1
}`;
}
