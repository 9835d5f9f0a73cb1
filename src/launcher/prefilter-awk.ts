/**
 * The fast path as a POSIX awk program, for the launcher and terminal shims: the same decision
 * as `needsFullCheck` (src/core/guard/fastpath/prefilter.ts), made without starting Node.
 * Run it with LC_ALL=C so awk's tolower and character classes are ASCII-only, like the TS side.
 *
 * Modes (awk -v mode=...):
 * - `line`: the input is one command line; prints 1 (needs the full check) or 0.
 * - `lines`: records separated by \036; prints 1 or 0 per record, one per output line (tests).
 * - `payload`: the input is an agent's hook payload (JSON); prints `benign` only when it is a
 *   shell-tool call whose command needs no full check, else `slow`. Any backslash (so any
 *   escape), a second record, a duplicate key or an unexpected shape is `slow`.
 *
 * Variables: `words` (space-separated trigger words, embedded at build time), `runnerwords`
 * (package managers: a trigger unless the nearest package.json holds no trigger word), `extra` (more
 * words, e.g. from the user's settings), `policy` (the user policy file: its words are added, as
 * are the managed policy's at its fixed paths),
 * `agent` (claude, vscode, cursor), `pwd` (fallback directory for the repository policy check).
 */

/** Shell tool names of VS Code's agent mode (as src/core/hooks/payload.ts reads them), lowercased. */
export const VSCODE_SHELL_TOOLS = ['bash', 'shell', 'run_in_terminal', 'runinterminal', 'runterminalcommand', 'run_terminal_cmd', 'terminal', 'execute_command', 'runcommand'];

export const PREFILTER_AWK = String.raw`
function addwords(text,   n, i, parts) {
  text = tolower(text); gsub(/["'\\]/, "", text)
  n = split(text, parts, /[^a-z0-9_-]+/)
  for (i = 1; i <= n; i++) if (parts[i] != "") kw[parts[i]] = 1
}
function addfile(path,   line) {
  while ((getline line < path) > 0) addwords(line)
  close(path)
}
# cwd is "" outside payload mode: then a package manager word is a trigger like any other.
function needs(cmd, cwd,   s, n, i, parts, runner, moved) {
  for (i = 1; i <= length(runtime); i++) if (index(cmd, substr(runtime, i, 1))) return 1
  if (cmd ~ /(^|[\n;&|(!])[ \t]*\.[ \t]/ || cmd ~ /\([ \t]*\)/) return 1
  s = tolower(cmd); gsub(/["'\\]/, "", s)
  n = split(s, parts, /[^a-z0-9_-]+/)
  runner = 0; moved = 0
  for (i = 1; i <= n; i++) {
    if (parts[i] in kw) return 1
    if (parts[i] in runners) runner = 1
    if (parts[i] in elsewhere) moved = 1
  }
  if (!runner) return 0
  return moved ? 1 : scripts(cwd)
}
# The nearest package.json from cwd up: its scripts may run, so any trigger word in it (or an
# escape that could hide one) needs the full check. No package.json: the manager fails, nothing runs.
function scripts(dir,   f, line, r, n, i, parts, found) {
  if (dir !~ /^\//) return 1
  while (1) {
    sub(/\/+$/, "", dir)
    f = dir "/package.json"
    found = 0
    while ((r = (getline line < f)) > 0) {
      found = 1
      if (index(line, "\\u")) { close(f); return 1 }
      line = tolower(line); gsub(/["'\\]/, "", line)
      n = split(line, parts, /[^a-z0-9_-]+/)
      for (i = 1; i <= n; i++) if (parts[i] in kw) { close(f); return 1 }
    }
    close(f)
    if (found || r == 0) return 0
    if (dir == "") return 0
    sub(/\/[^\/]*$/, "", dir)
  }
}
function count(text, re,   n) {
  n = 0
  while (match(text, re)) { n++; text = substr(text, RSTART + RLENGTH) }
  return n
}
# The string value of a key that occurs exactly once, or "\001" when absent, repeated or not a string.
function value(text, key,   re, v) {
  re = "\"" key "\"[ \t\r\n]*:"
  if (count(text, re) != 1) return "\001"
  if (!match(text, "\"" key "\"[ \t\r\n]*:[ \t\r\n]*\"[^\"]*\"")) return "\001"
  v = substr(text, RSTART, RLENGTH)
  sub(/^"[^"]*"[ \t\r\n]*:[ \t\r\n]*"/, "", v); sub(/"$/, "", v)
  return v
}
# A repository policy anywhere from dir up to / sends every call to the full check.
function repopolicy(dir,   f, line, r) {
  if (dir !~ /^\//) return 1
  while (1) {
    sub(/\/+$/, "", dir)
    f = dir "/.airlock/policy.json"
    r = (getline line < f); close(f)
    if (r >= 0) return 1
    if (dir == "") return 0
    sub(/\/[^\/]*$/, "", dir)
  }
}
function shellcall(p,   name, event) {
  if (agent == "claude") return value(p, "tool_name") == "Bash"
  if (agent == "vscode") { name = tolower(value(p, "tool_name")); return index(" " vscodetools " ", " " name " ") > 0 }
  if (agent == "cursor") { event = value(p, "hook_event_name"); return event == "beforeShellExecution" || event == "\001" }
  return 0
}
function decide(p, records,   cmd, cwd) {
  if (records != 1 || index(p, "\\") > 0 || p !~ /^[ \t\r\n]*\{/) return "slow"
  if (!shellcall(p)) return "slow"
  cmd = value(p, "command")
  if (cmd == "\001") return "slow"
  cwd = value(p, "cwd"); if (cwd == "\001") cwd = pwd
  if (repopolicy(cwd)) return "slow"
  return needs(cmd, cwd) ? "slow" : "benign"
}
BEGIN {
  RS = "\036"
  runtime = "$` + "`" + String.raw`{}*?[]"
  addwords(words); if (extra != "") addwords(extra); if (policy != "") addfile(policy)
  # The machine-wide (managed) policy, at its fixed paths (src/core/policy/managed.ts): its words join too.
  addfile("/etc/airlock/policy.json"); addfile("/Library/Application Support/Airlock/policy.json")
  n = split(runnerwords, list, " "); for (i = 1; i <= n; i++) runners[list[i]] = 1
  # With these a package manager runs scripts from another directory than the payload's cwd.
  n = split("cd pushd -w --workspace --workspaces -ws --prefix -c --dir --cwd --filter -f --recursive -r workspace workspaces", list, " ")
  for (i = 1; i <= n; i++) elsewhere[list[i]] = 1
}
mode == "line" { line = (NR == 1) ? $0 : line RS $0; next }
mode == "lines" { sub(/\n$/, ""); print needs($0, ""); next }
mode == "payload" { payload = (NR == 1) ? $0 : payload RS $0; next }
END {
  if (mode == "line") print needs(line, "")
  if (mode == "payload") print decide(payload, NR)
}
`;

/** Quotes text for a POSIX sh single-quoted string. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The POSIX sh functions: `airlock_needs_full_check LINE` (exit 0 when the line needs the full
 * check, 1 when it is settled as benign) and `airlock_payload_verdict AGENT` (payload on stdin;
 * prints benign or slow), with the trigger words embedded.
 */
export function shellPrefilterFunctions(words: readonly string[], runnerWords: readonly string[]): string {
  const plain = words.filter((w) => !runnerWords.includes(w));
  return [
    `AIRLOCK_TRIGGER_WORDS=${shQuote(plain.join(' '))}`,
    `AIRLOCK_RUNNER_WORDS=${shQuote(runnerWords.join(' '))}`,
    `AIRLOCK_PREFILTER_AWK=${shQuote(PREFILTER_AWK)}`,
    '',
    '# Exit 0 when LINE needs the full check (Node), 1 when no rule can match it.',
    'airlock_needs_full_check() {',
    '  _airlock_r=$(printf \'%s\' "$1" | LC_ALL=C awk -v mode=line -v words="$AIRLOCK_TRIGGER_WORDS" -v runnerwords="$AIRLOCK_RUNNER_WORDS" -v extra="${AIRLOCK_EXTRA_KEYWORDS:-}" -v policy="$(airlock_user_policy_path)" "$AIRLOCK_PREFILTER_AWK")',
    '  [ "$_airlock_r" != 0 ]',
    '}',
    '',
    '# Reads a hook payload on stdin; prints "benign" when the fast path settles it, else "slow".',
    'airlock_payload_verdict() {',
    `  LC_ALL=C awk -v mode=payload -v agent="$1" -v vscodetools=${shQuote(VSCODE_SHELL_TOOLS.join(' '))} -v pwd="$PWD" -v words="$AIRLOCK_TRIGGER_WORDS" -v runnerwords="$AIRLOCK_RUNNER_WORDS" -v extra="\${AIRLOCK_EXTRA_KEYWORDS:-}" -v policy="$(airlock_user_policy_path)" "$AIRLOCK_PREFILTER_AWK"`,
    '}',
    '',
    '# The user policy file, as src/core/policy/load.ts finds it: its words join the trigger words.',
    'airlock_user_policy_path() {',
    '  if [ -n "${AIRLOCK_POLICY_FILE:-}" ]; then printf \'%s\' "$AIRLOCK_POLICY_FILE"',
    '  else',
    '    case ${XDG_CONFIG_HOME:-} in /*) printf \'%s\' "$XDG_CONFIG_HOME/airlock/policy.json" ;; *) printf \'%s\' "${HOME:-/nonexistent}/.config/airlock/policy.json" ;; esac',
    '  fi',
    '}',
  ].join('\n');
}
