import { readFileSync } from 'node:fs';

/**
 * The shims' fast path, `airlock_needs_check LINE` (exit 0: the full check is needed). It is the
 * launcher's keyword prefilter (`prefilter.sh`, generated from the rules' keywords at build
 * time) with a front that needs no process at all: a line whose words are all plain lowercase
 * words is settled by one `case` over the same trigger words, in the shell itself. Anything else
 * (quotes, backslashes, capitals, unusual characters, extra policy words) goes to the launcher's
 * awk check, which normalises exactly as the engine does; both are written into the shim. Undefined
 * when the build has no prefilter: every shimmed call then gets the full check.
 */
export function shellPrefilter(prefilterFile: string, policyPath?: string): string | undefined {
  let source: string;
  try {
    source = readFileSync(prefilterFile, 'utf8');
  } catch {
    return undefined;
  }
  if (!source.includes('airlock_needs_full_check()')) return undefined;
  // The user's policy file as the editor found it when the terminal was created, not as the
  // command's own HOME/XDG_CONFIG_HOME/AIRLOCK_POLICY_FILE would have it (defined after the source,
  // so it replaces the source's own lookup).
  const fixedPolicy = policyPath === undefined ? '' : `\nairlock_user_policy_path() { printf '%s' ${shQuote(policyPath)}; }`;
  const words = /^AIRLOCK_TRIGGER_WORDS='([a-z0-9_ *&-]*)'$/m.exec(source)?.[1]?.split(' ').filter(Boolean);
  // Package managers and task runners run files the line does not show: never settled by the front.
  // (A prefilter without these lists names none: its awk check knows no such words either.)
  const runners = ['AIRLOCK_RUNNER_WORDS', 'AIRLOCK_TASK_WORDS'].map((name) => new RegExp(`^${name}='([a-z0-9_ -]*)'$`, 'm').exec(source)?.[1] ?? '');
  if (words?.length) words.push(...runners.flatMap((list) => list.split(' ').filter(Boolean)));
  if (!words?.length) return `${source.trim()}${fixedPolicy}\nairlock_needs_check() { airlock_needs_full_check "$1"; }`;
  // The awk check is written into the shim itself, not sourced from beside the launcher when a
  // line needs it: a file written there later cannot make the shims lenient.
  return `${source.trim()}${fixedPolicy}\n${shellFrontFunction(words, policyPath)}`;
}

function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The no-fork front of the prefilter; exported so a test can prove it agrees with the engine's.
 * A trigger written `*frag` (from a protected-file glob such as `id_*`) matches any word holding it.
 */
export function shellFrontFunction(triggerWords: string[], policyPath?: string): string {
  const paired = triggerWords.filter((w) => w.includes('&')).map((w) => w.split('&') as [string, string]);
  const patterns = triggerWords.filter((w) => !w.includes('&')).map((w) => (w.startsWith('*') ? `*${w.slice(1)}*` : w));
  // `mv&null`: both words seen on the line make it a trigger (src/core/guard/fastpath/triggers.ts).
  const pairWords = [...new Set(paired.flat())];
  const collect = pairWords.length ? `\n    case $airlock_w in ${pairWords.join('|')}) airlock_seen="$airlock_seen $airlock_w " ;; esac` : '';
  const pairCheck = paired.map(([a, b]) => `\n  case $airlock_seen in *" ${a} "*) case $airlock_seen in *" ${b} "*) return 0 ;; esac ;; esac`).join('');
  const findPolicy =
    policyPath !== undefined
      ? `  airlock_p=${shQuote(policyPath)}`
      : `  if [ -n "\${AIRLOCK_POLICY_FILE:-}" ]; then airlock_p=$AIRLOCK_POLICY_FILE
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
    # A "/" may name a program run by its path: the awk check looks at its position.
    */*) airlock_needs_full_check "$1"; return ;;
    *py.test*) return 0 ;;
  esac
  airlock_ifs=$IFS
  IFS=' 	
/.,:=@+%#~^!<>'
  set -f
  airlock_seen=
  for airlock_w in $1; do
    case $airlock_w in
      *[!a-z0-9_-]*) IFS=$airlock_ifs; set +f; airlock_needs_full_check "$1"; return ;;
      ${patterns.join('|')}) IFS=$airlock_ifs; set +f; return 0 ;;
    esac${collect}
  done
  IFS=$airlock_ifs
  set +f${pairCheck}
  return 1
}`;
}
