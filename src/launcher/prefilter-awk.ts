/**
 * The fast path as a POSIX awk program, for the launcher and terminal shims: the same decision
 * as `needsFullCheck` (src/core/guard/fastpath/prefilter.ts), made without starting Node.
 * Run it with LC_ALL=C so awk's tolower and character classes are ASCII-only, like the TS side.
 *
 * Modes (awk -v mode=...):
 * - `line`: the input is one command line; prints 1 (needs the full check) or 0.
 * - `lines`: records separated by \036; prints 1 or 0 per record, one per output line (tests).
 * - `commands`: records separated by \036, each a command run in `pwd`; prints benign or slow
 *   per record, as the payload mode decides a shell call (tests).
 * - `paths`: records separated by \036, each an absolute path; prints 1 (a protected glob covers
 *   it), 0, or 2 (not in normal form) per record (tests).
 * - `payload`: the input is an agent's hook payload (JSON); prints `observed` for an observe-only
 *   edit event that cannot have touched Airlock's own files, `benign` only when it is a
 *   shell-tool call whose command needs no full check, else `slow`. Any backslash (so any
 *   escape), a second record, a duplicate key or an unexpected shape is `slow`.
 *
 * Variables: `words` (space-separated trigger words, `*frag` for fragments, embedded at build
 * time), `filewords` (the protected-file globs' words, also looked for in the cwd), `home`, `runnerwords`
 * (package managers: a trigger unless the nearest package.json holds no trigger word), `extra` (more
 * words, e.g. from the user's settings), `policy` (the user policy file: its words are added, as
 * are the managed policy's at its fixed paths),
 * `agent` (claude, vscode, cursor), `pwd` (fallback directory for the repository policy check).
 */

import { ELSEWHERE_WORDS, PATH_ARGUMENT_COMMANDS, TASK_RUNNER_WORDS } from '../core/guard/fastpath/prefilter';
import { JUDGED_BEFORE, SHELL_TOOLS } from '../core/hooks/payload';

/** Shell tool names of VS Code's agent mode (as src/core/hooks/payload.ts reads them), lowercased. */
export const VSCODE_SHELL_TOOLS = [
  'bash',
  'shell',
  'run_in_terminal',
  'runinterminal',
  'runterminalcommand',
  'run_terminal_cmd',
  'terminal',
  'execute_command',
  'runcommand',
];

export const PREFILTER_AWK =
  String.raw`
function addwords(text,   n, i, parts) {
  text = tolower(text); gsub(/["'\\]/, "", text)
  n = split(text, parts, /[^a-z0-9_-]+/)
  for (i = 1; i <= n; i++) if (parts[i] != "") kw[parts[i]] = 1
}
# Space-separated triggers where "*frag" is a fragment (any word containing frag): into kw/frag,
# and into filekw/filefrag when file is set (words of protected-file globs, also looked for in cwd).
function addtriggers(text, file,   n, i, list, w) {
  n = split(tolower(text), list, /[ \t\n]+/)
  for (i = 1; i <= n; i++) {
    w = list[i]
    if (w ~ /^\*[a-z0-9_-]+$/) { w = substr(w, 2); frag[w] = 1; if (file) filefrag[w] = 1 }
    else if (w ~ /^[a-z0-9_-]+$/) { kw[w] = 1; if (file) filekw[w] = 1 }
    else if (w ~ /^[a-z0-9_-]+&[a-z0-9_-]+$/) { split(w, pp, "&"); pairs[pp[1]] = pairs[pp[1]] " " pp[2] }
    else if (w != "") addwords(w)
  }
}
function addfile(path,   line) {
  while ((getline line < path) > 0) addwords(line)
  close(path)
}
function trigger(word,   f) {
  if (word in kw) return 1
  for (f in frag) if (index(word, f)) return 1
  return 0
}
# Whether a path names a protected file's word (the cwd a relative name is read in).
function fileword(path,   n, i, parts, f) {
  path = tolower(path); gsub(/["'\\]/, "", path)
  n = split(path, parts, /[^a-z0-9_-]+/)
  for (i = 1; i <= n; i++) {
    if (parts[i] in filekw) return 1
    for (f in filefrag) if (index(parts[i], f)) return 1
  }
  return 0
}
# cwd is "" in lines mode (the TS function's twin: a task runner word alone is left to the
# caller), "-" for a line with no folder to read (shims, nested scripts: package managers and task
# runners are triggers), else the call's absolute folder, whose package.json and runner files are read.
function needs(cmd, cwd,   s, n, i, parts, runner, task, moved, seen, w, k, list) {
  for (i = 1; i <= length(runtime); i++) if (index(cmd, substr(runtime, i, 1))) return 1
  if (cmd ~ /(^|[\n;&|(!])[ \t]*\.[ \t]/ || cmd ~ /\([ \t]*\)/) return 1
  if (bypath(cmd) || cmd ~ /(^|[^A-Za-z0-9_.-])py\.test([^A-Za-z0-9_.-]|$)/) return 1
  s = tolower(cmd); gsub(/["'\\]/, "", s)
  n = split(s, parts, /[^a-z0-9_-]+/)
  runner = 0; task = 0; moved = 0; split("", seen)
  for (i = 1; i <= n; i++) {
    if (parts[i] == "") continue
    if (trigger(parts[i])) return 1
    seen[parts[i]] = 1
    if (parts[i] in runners) runner = 1
    if (parts[i] in tasks) task = 1
    if (parts[i] in elsewhere) moved = 1
  }
  # "mv&null": mv is a trigger only beside null (src/core/guard/fastpath/triggers.ts).
  for (w in pairs) if (w in seen) { k = split(pairs[w], list, " "); for (i = 1; i <= k; i++) if (list[i] in seen) return 1 }
  if (task && moved) return 1
  # The runner reads its file when it starts, after the rest of the line ran: with another command
  # or a redirection on the line (cp x Makefile && make, npm test > package.json) the file read
  # here may not be the one it runs.
  if ((task || runner) && cwd != "" && cmd ~ /[;&|<>\n]/) return 1
  # npm_config_workspace=sub, npm_config_script_shell=python3: the manager's settings from the line.
  if (runner && s ~ /(npm|yarn|bun)_config_|yarn_[a-z]/) return 1
  # "-/dir": a nested script of the package.json in dir: its task runners read there, its package managers are triggers.
  if (task && cwd != "" && runnerfiles(s, cwd ~ /^-\// ? substr(cwd, 2) : cwd)) return 1
  if (!runner) return 0
  return moved ? 1 : scripts(cwd)
}
# A "/" that may be in command position (a program run by its path, whose file only the full
# check reads): as mayRunByPath in src/core/guard/fastpath/prefilter.ts.
function bypath(cmd,   t, nseg, segs, j, n, w, k, first, skip) {
  if (!index(cmd, "/")) return 0
  t = cmd; gsub(/["'\\]/, "", t)
  nseg = split(t, segs, /[;&|()\n!]/)
  for (j = 1; j <= nseg; j++) {
    if (!index(segs[j], "/")) continue
    n = split(segs[j], w, /[ \t]+/)
    first = ""; skip = 0
    for (k = 1; k <= n; k++) {
      if (w[k] == "") continue
      if (skip) { skip = 0; continue }
      if (w[k] ~ /^[0-9]*[<>]/) { if (w[k] ~ /^[0-9]*[<>]+$/) skip = 1; continue }
      if (w[k] ~ /^[A-Za-z_][A-Za-z0-9_]*=/) continue
      first = w[k]; break
    }
    if (first == "") continue
    if (index(first, "/") || !(first in pathargs)) return 1
  }
  return 0
}
# Task runner words in a call run in cwd (s: the line's normalised text): 1 unless every runner
# named is make, just or task and every file it could read holds nothing a line check would send
# on. Test runners (pytest, jest, vitest) and mise read config the sh cannot judge: 1.
function runnerfiles(s, cwd,   n, i, parts, w, d) {
  if (cwd !~ /^\//) return 1
  sub(/\/+$/, "", cwd)
  n = split(s, parts, /[^a-z0-9_-]+/)
  for (i = 1; i <= n; i++) {
    w = parts[i]
    if (!(w in tasks) || w == "npx" || w == "pnpx" || w == "bunx") continue
    if (w == "make" || w == "gmake" || w == "bmake") {
      if (recipefile(cwd "/GNUmakefile") || recipefile(cwd "/makefile") || recipefile(cwd "/Makefile") || recipefile(cwd "/BSDmakefile")) return 1
      continue
    }
    if (w == "just") {
      # just looks in every folder up to the root.
      d = cwd
      while (1) {
        if (recipefile(d "/justfile") || recipefile(d "/Justfile") || recipefile(d "/.justfile") || recipefile(d "/JUSTFILE")) return 1
        if (d == "") break
        sub(/\/[^\/]*$/, "", d)
      }
      continue
    }
    if (w == "task" || w == "go-task") {
      d = cwd
      while (1) {
        if (recipefile(d "/Taskfile.yml") || recipefile(d "/taskfile.yml") || recipefile(d "/Taskfile.yaml") || recipefile(d "/taskfile.yaml") || recipefile(d "/Taskfile.dist.yml") || recipefile(d "/taskfile.dist.yml") || recipefile(d "/Taskfile.dist.yaml") || recipefile(d "/taskfile.dist.yaml")) return 1
        if (d == "") break
        sub(/\/[^\/]*$/, "", d)
      }
      continue
    }
    if (w == "pytest") {
      # It imports conftest.py from the folder, tests/ and test/, and from any folder an argument names: only options, no conftest.py.
      for (d = i + 1; d <= n; d++) if (parts[d] != "" && parts[d] !~ /^-/) return 1
      if (index(cwd, " ") || exists(cwd "/conftest.py " cwd "/tests/conftest.py " cwd "/test/conftest.py")) return 1
      continue
    }
    if (w == "jest" || w == "vitest") {
      # The config module they execute (src/core/shell/task-runners.ts): none in the folder, nothing runs first.
      if (jsconfig(cwd, w) || (w == "vitest" && jsconfig(cwd, "vite"))) return 1
      continue
    }
    return 1
  }
  return 0
}
# Something is at one of the space-separated paths (a file, or a folder a runner would load
# index.js from; readable or not), as the engine's exists(): one shell for all of them. Not
# getline: reading a folder is fatal to some awks.
function exists(paths,   n, i, list, q, cmd) {
  n = split(paths, list, " "); cmd = "false"
  for (i = 1; i <= n; i++) {
    q = list[i]; gsub(/'/, "'\\''", q)
    cmd = cmd " || test -e '" q "' || test -L '" q "'"
  }
  return system(cmd) == 0
}
# The config module jest or vitest (or vite) executes, in the folder. Paths with a space: slow.
function jsconfig(dir, tool,   n, i, ext, list) {
  if (index(dir, " ")) return 1
  n = split("js ts mjs cjs mts cts json", ext, " "); list = ""
  for (i = 1; i <= n; i++) list = list " " dir "/" tool ".config." ext[i]
  return exists(list)
}
# 1 when a runner file exists and any of its lines is one a line check would send on (judged as
# a command with no folder: nested runners are triggers), or it includes, imports or changes the
# shell (include, import, mod, shell, includes, dotenv), or it is over 1 MB. No file: 0 (the
# runner fails, nothing runs).
function recipefile(f,   line, r, size, low) {
  size = 0
  while ((r = (getline line < f)) > 0) {
    size += length(line) + 1
    if (size > 1048576) { close(f); return 1 }
    sub(/^[\t ]*[@+-]*/, "", line)
    low = tolower(line)
    if (low ~ /(^|[^a-z0-9_-])(s?include|includes|import|mod|shell|shellflags|oneshell|dotenv|set|export|env|vpath)([^a-z0-9_-]|$)/) { close(f); return 1 }
    if (needs(line, "-")) { close(f); return 1 }
  }
  close(f)
  return 0
}
# The nearest package.json from cwd up: its scripts may run. Every script (and key) in its
# "scripts" object is judged as a command line, package managers included (a nested call), so
# anything the line check would send on ($(), backticks, globs, '. file', a fork bomb, trigger
# words) sends this call on too. No package.json: the manager fails, nothing runs. What this
# reader cannot follow is slow: any backslash (an escape could hide a word), "scripts" twice, a
# file over 1 MB, a .npmrc beside it or in HOME that names a script shell.
function scripts(dir,   f, line, r, text, found) {
  if (dir !~ /^\//) return 1
  if (npmrcshell(home "/.npmrc")) return 1
  while (1) {
    sub(/\/+$/, "", dir)
    f = dir "/package.json"
    found = 0; text = ""
    while ((r = (getline line < f)) > 0) {
      found = 1; text = text line "\n"
      if (length(text) > 1048576) { close(f); return 1 }
    }
    close(f)
    if (found || r == 0) {
      if (npmrcshell(dir "/.npmrc")) return 1
      return pkgscripts(text, dir == "" ? "/" : dir)
    }
    if (dir == "") return 0
    sub(/\/[^\/]*$/, "", dir)
  }
}
function npmrcshell(f,   line, r, hit) {
  hit = 0
  while ((r = (getline line < f)) > 0) if (tolower(line) ~ /script-shell|node-options|workspace|(^|\n)[ \t]*shell[ \t]*=/) hit = 1
  close(f)
  return hit
}
# 1 when the scripts object of a package.json's text holds anything a line check would send on.
function pkgscripts(text, dir,   re, rest, depth, tok, s) {
  if (index(text, "\\")) return 1
  re = "\"scripts\"[ \t\r\n]*:"
  if (count(text, re) == 0) return 0
  if (count(text, re) != 1) return 1
  match(text, re "[ \t\r\n]*")
  rest = substr(text, RSTART + RLENGTH)
  if (substr(rest, 1, 1) != "{") return 1
  rest = substr(rest, 2); depth = 1
  while (depth > 0) {
    if (!match(rest, /"[^"]*"|[{}\[\]]/)) return 1
    tok = substr(rest, RSTART, RLENGTH); rest = substr(rest, RSTART + RLENGTH)
    if (tok == "{" || tok == "[") { depth++; continue }
    if (tok == "}" || tok == "]") { depth--; continue }
    s = substr(tok, 2, length(tok) - 2)
    if (needs(s, "-" dir)) return 1
  }
  return 0
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
# Sets CMDKEY (the key holding the command) and CWDV (the folder, "\001" when the payload names
# none) for a shell-tool call in the agent's own shape, as its module (src/core/protection/agents)
# parses it; 0 for anything else. Every key that would change Node's reading (a camelCase twin,
# a second spelling of the event) makes it 0.
function shellcall(p,   name, event) {
  CMDKEY = "command"; CWDV = value(p, "cwd")
  if (agent == "claude") return value(p, "tool_name") == "Bash"
  if (agent == "vscode") { name = tolower(value(p, "tool_name")); return index(" " vscodetools " ", " " name " ") > 0 }
  if (agent == "cursor") { event = value(p, "hook_event_name"); return event == "beforeShellExecution" || event == "\001" }
  # The new agents: the folder at most once, and the command inside the object Node reads it from.
  if (count(p, "\"cwd\"[ \t\r\n]*:") > 1) return 0
  if (agent == "codex" || agent == "gemini" || agent == "kiro" || agent == "copilot") {
    if (!inobj(p, "tool_input", "command")) return 0
    if (count(p, "\"(hookEventName|toolName|toolArgs|workspace_roots|commandLine|cmd)\"[ \t\r\n]*:") > 0) return 0
    event = value(p, "hook_event_name")
    if (agent == "gemini" && event != "BeforeTool") return 0
    if (agent == "kiro" && event != "PreToolUse" && event != "preToolUse") return 0
    if (agent == "copilot" && event != "PreToolUse" && event != "preToolUse") return 0
    if (agent == "codex" && event != "PreToolUse") return 0
    return shelltool(value(p, "tool_name"))
  }
  if (agent == "windsurf") {
    if (value(p, "agent_action_name") != "pre_run_command" || count(p, "\"command\"[ \t\r\n]*:") > 0 || !inobj(p, "tool_info", "command_line")) return 0
    CMDKEY = "command_line"
    return 1
  }
  if (agent == "opencode") {
    if (count(p, "\"(commandLine|cmd)\"[ \t\r\n]*:") > 0 || !inobj(p, "args", "command")) return 0
    return shelltool(value(p, "tool"))
  }
  if (agent == "cline") {
    if (value(p, "hookName") != "PreToolUse" || count(p, "\"(commandLine|cmd|server_name)\"[ \t\r\n]*:") > 0) return 0
    if (!inobj(p, "preToolUse", "toolName") || !inobj(p, "parameters", "command")) return 0
    # Node reads the folder from workspaceRoots[0], else cwd: only one plain root is followed here.
    if (count(p, "\"workspaceRoots\"[ \t\r\n]*:") > 0) {
      if (count(p, "\"workspaceRoots\"[ \t\r\n]*:") != 1 || !match(p, /"workspaceRoots"[ \t\r\n]*:[ \t\r\n]*\[[ \t\r\n]*"[^"]*"[ \t\r\n]*\]/)) return 0
      CWDV = substr(p, RSTART, RLENGTH); sub(/^"workspaceRoots"[ \t\r\n]*:[ \t\r\n]*\[[ \t\r\n]*"/, "", CWDV); sub(/"[ \t\r\n]*\]$/, "", CWDV)
    }
    return shelltool(value(p, "toolName"))
  }
  return 0
}
# 1 when key is a direct member of the object under objkey (no nested object before it).
function inobj(p, objkey, key) {
  return count(p, "\"" objkey "\"[ \t\r\n]*:") == 1 && match(p, "\"" objkey "\"[ \t\r\n]*:[ \t\r\n]*[{][^{}]*\"" key "\"[ \t\r\n]*:") > 0
}
# A shell tool name the agents' modules read as a command run by sh (not PowerShell).
function shelltool(name) {
  name = tolower(name)
  return name != "powershell" && index(" " agentshelltools " ", " " name " ") > 0
}
# ---- Reads: an agent's read of a file no protected glob covers and whose content Node already
# found clean (the read index: size, mtime, ctime and inode as Node saw them) is answered here and
# recorded in the read spool, which the CLI folds into the activity log. Anything else is slow.
# Sets TOP (the payload without tool_input) and INPUT (tool_input's text); 0 when tool_input is
# absent, repeated, not an object, or holds nested objects or arrays (Read and Grep inputs are flat).
function splitinput(p,   re, rest, tok, depth, start) {
  re = "\"tool_input\"[ \t\r\n]*:"
  if (count(p, re) != 1) return 0
  match(p, re "[ \t\r\n]*")
  start = RSTART; rest = substr(p, RSTART + RLENGTH)
  if (substr(rest, 1, 1) != "{") return 0
  INPUT = "{"; rest = substr(rest, 2); depth = 1
  while (depth > 0) {
    if (!match(rest, /"([^"\\]|\\.)*"|[{}\[\]]/)) return 0
    tok = substr(rest, RSTART, RLENGTH)
    INPUT = INPUT substr(rest, 1, RSTART + RLENGTH - 1); rest = substr(rest, RSTART + RLENGTH)
    if (tok == "}") depth--
    else if (tok != "" && substr(tok, 1, 1) != "\"") return 0
  }
  TOP = substr(p, 1, start - 1) " " rest
  return flat(TOP)
}
# Exactly one whole object, arrays of strings only: with strings removed, one {...} and no [.
function flat(text,   t) {
  t = text; gsub(/"([^"\\]|\\.)*"/, "S", t)
  gsub(/\[[ \t\r\n]*(S[ \t\r\n]*(,[ \t\r\n]*S[ \t\r\n]*)*)?\]/, "A", t)
  return t ~ /^[ \t\r\n]*\{[^{}\[\]]*\}[ \t\r\n]*$/
}
# A value usable as a path: present once as a plain string with no escape or control character.
function plainpath(v) {
  return v != "\001" && v != "" && index(v, "\\") == 0 && v !~ /[\001-\037]/
}
function readdecide(p,   name, file, cwd, event, k, keys, n, i, v) {
  READEVENT = agent == "cursor" ? "beforeReadFile" : "PreToolUse"; SESSIONKEY = agent == "cursor" ? "conversation_id" : "session_id"; SESSIONIN = agent == "cursor" ? "p" : "top"
  if (agent == "windsurf") {
    # Windsurf's pre_read_code: tool_info.file_path, absolute, read as Node's module reads it.
    if (value(p, "agent_action_name") != "pre_read_code" || !inobj(p, "tool_info", "file_path") || count(p, "\"(cwd|tool_input|command_line)\"[ \t\r\n]*:") > 1) return "slow"
    file = value(p, "file_path"); cwd = value(p, "cwd"); TOOL = "read_file"
    if (!plainpath(file) || file !~ /^\//) return "slow"
    READEVENT = "pre_read_code"; SESSIONKEY = "trajectory_id"; SESSIONIN = "p"
    RFILE = file; RCWD = plainpath(cwd) && !index(cwd, "\"") && cwd ~ /^\// ? cwd : ""
    return readfile(file)
  }
  if (agent == "cursor") {
    if (value(p, "hook_event_name") != "beforeReadFile" || !flat(p)) return "slow"
    file = value(p, "file_path"); cwd = value(p, "cwd"); TOOL = ""
    if (!plainpath(file) || file !~ /^\//) return "slow"
    RFILE = file; RCWD = plainpath(cwd) && !index(cwd, "\"") ? cwd : ""
    return readfile(file)
  }
  # Claude-shaped reads: Claude Code, VS Code, and the modules that read this shape (toolUseCall):
  # Gemini (BeforeTool), Kiro and Copilot's VS Code shape (PreToolUse or preToolUse).
  if (agent != "claude" && agent != "vscode" && agent != "gemini" && agent != "kiro" && agent != "copilot") return "slow"
  if (!splitinput(p)) return "slow"
  event = value(TOP, "hook_event_name"); READEVENT = event
  if (agent == "gemini") { if (event != "BeforeTool") return "slow" }
  else if (agent == "kiro" || agent == "copilot") { if (event != "PreToolUse" && event != "preToolUse") return "slow" }
  else if (event != "PreToolUse") return "slow"
  if (count(TOP, "\"(hookEventName|toolName|toolArgs)\"") > 0) return "slow"
  if (agent != "claude" && agent != "vscode" && count(TOP, "\"(workspace_roots|cwd)\"[ \t\r\n]*:") != 1) return "slow"
  TOOL = value(TOP, "tool_name"); name = tolower(TOOL)
  if (count(INPUT, "\"(command|commandLine)\"[ \t\r\n]*:") > 0) return "slow"
  if (name == "glob" || name == "file_search") return "other"
  if (!(name in readtools) && !(name in searchtools)) return "slow"
  cwd = value(TOP, "cwd")
  if (!plainpath(cwd) || cwd !~ /^\//) return "slow"
  if (name in searchtools && count(INPUT, "\"(glob|includePattern)\"[ \t\r\n]*:") > 0) return "slow"
  file = "\001"
  n = split("file_path filePath path notebook_path", keys, " ")
  for (i = 1; i <= n; i++) {
    k = count(INPUT, "\"" keys[i] "\"[ \t\r\n]*:")
    if (k == 0) continue
    v = value(INPUT, keys[i])
    if (!plainpath(v)) return "slow"
    file = v; break
  }
  if (file == "\001") { if (name in searchtools) file = "."; else return "slow" }
  if (file == "." || file == "./") file = cwd
  else if (file !~ /^\//) file = cwd "/" file
  RFILE = file; RCWD = cwd
  return readfile(file)
}
# 1 when a protected glob covers an absolute path (as isProtectedPath decides), 0 when none
# does, 2 when the path is not in the normal form path.resolve gives (., .., //, a final /).
function globhit(file,   rel, i) {
  if (file ~ /\/\.\.?(\/|$)/ || file ~ /\/\// || (length(file) > 1 && file ~ /\/$/)) return 2
  if (tolower(file) ~ /\.(example|sample|template|dist|tpl|pub)$/) return 0
  rel = file; sub(/^\/+/, "", rel)
  if (nocase) rel = tolower(rel)
  for (i = 1; i <= nglobs; i++) if (rel ~ globre[i]) return 1
  return 0
}
# The decision for one absolute path, as isSecretRead makes it.
function readfile(file,   rel, i, info, parts, key, line, r, cmd, q, text) {
  if (readfast != 1 || globhit(file) != 0) return "slow"
  q = file; gsub(/'/, "'\\''", q)
  # One shell for both: the file's state, and the time the spool line will carry.
  cmd = (statkind == "bsd" ? "stat -L -f '%HT|%z|%m|%c|%i' -- '" : "stat -L -c '%F|%s|%Y|%Z|%i' -- '") q "' 2>/dev/null; date -u +@%Y-%m-%dT%H:%M:%SZ"
  # RS is \036, so the whole output comes in as one record: the stat line (if any), then the time.
  info = ""; cmd | getline info; close(cmd); sub(/\n+$/, "", info)
  NOWTIME = ""
  if (match(info, /@[0-9TZ:-]+$/)) { NOWTIME = substr(info, RSTART + 1); info = substr(info, 1, RSTART - 1); sub(/\n+$/, "", info) }
  # Gone or unreadable, not a regular file, or over the scanner's 2 MiB: Node lets it through.
  if (info == "") return "log"
  split(info, parts, "|")
  if (tolower(parts[1]) !~ /^regular/) return "log"
  if (parts[2] + 0 > 2097152 || parts[2] + 0 == 0) return "log"
  key = parts[2] " " parts[3] " " parts[4] " " parts[5] "\t" file
  if (indexfile == "") return "slow"
  text = ""
  while ((r = (getline line < indexfile)) > 0) text = text line
  close(indexfile)
  return index("\n" text, "\n" key "\n") ? "log" : "slow"
}
# Records an answered read in the spool (before the answer goes out); 0 when it cannot.
function spoollog(   line) {
  if (spool == "" || index(TOOL, "\"") || index(TOOL, "\\")) return 0
  line = jsonline(RFILE, RCWD)
  printf "%s\n", line >> spool
  return close(spool) == 0
}
function jsonline(file, cwd,   now, session, cmd) {
  now = NOWTIME
  if (now == "") { cmd = "date -u +%Y-%m-%dT%H:%M:%SZ"; cmd | getline now; close(cmd); sub(/\n+$/, "", now) }
  session = value(SESSIONIN == "p" ? PAYLOAD : TOP, SESSIONKEY)
  if (!plainpath(session) || index(session, "\"")) session = ""
  return "{\"time\":\"" now "\",\"agent\":\"" agent "\",\"event\":\"" READEVENT "\",\"tool\":\"" TOOL "\",\"file\":\"" file "\",\"cwd\":\"" cwd "\",\"session\":\"" session "\"}"
}
# ---- Observe-only edit events (src/core/hooks/observed-edit.ts): "observed" when the edit cannot
# have touched one of Airlock's own files, so the empty answer these events take is given here;
# "slow" for anything this reader cannot tell; "none" for any other event.
function observedecide(p,   event, name, file) {
  if (agent == "cursor") {
    event = value(p, "hook_event_name")
    if (event != "afterFileEdit" && event != "afterTabFileEdit") return "none"
    if (index(p, "\\") || count(p, "\"file_path\"[ \t\r\n]*:") != 1) return "slow"
    return plainfile(value(p, "file_path"))
  }
  if (agent == "windsurf") {
    if (value(p, "agent_action_name") != "post_write_code") return "none"
    if (index(p, "\\") || !inobj(p, "tool_info", "file_path") || count(p, "\"file_path\"[ \t\r\n]*:") != 1) return "slow"
    return plainfile(value(p, "file_path"))
  }
  if (agent == "vscode" || agent == "copilot") {
    event = value(p, "hook_event_name")
    if (event != "PostToolUse" && !(agent == "copilot" && event == "postToolUse")) {
      # Copilot's camelCase postToolUse names no event: Node reads its toolResult; so does nothing here.
      if (agent == "copilot" && (count(p, "\"toolResult\"[ \t\r\n]*:") > 0 || count(p, "\"hookEventName\"[ \t\r\n]*:") > 0)) return "slow"
      return "none"
    }
    if (count(p, "\"(hookEventName|toolName|toolArgs)\"[ \t\r\n]*:") > 0 || count(p, "\"tool_name\"[ \t\r\n]*:") != 1) return "slow"
    # A tool the pre-tool hook judged (a known write, shell, read or search): Node looks no further either.
    name = tolower(value(p, "tool_name"))
    return name != "\001" && index(" " judgedtools " ", " " name " ") > 0 ? "observed" : "slow"
  }
  return "none"
}
# "observed" when an edited path, as Node resolves it, cannot be one of Airlock's files: absolute,
# in normal form, no link on the way, and no word any of Airlock's files (or its folders) have.
function plainfile(file,   low, n, i, words, cmd, q, real, v) {
  if (!plainpath(file) || file !~ /^\// || globhit(file) == 2) return "slow"
  low = tolower(file)
  # Airlock's folders are named airlock, .airlock or airlock-<uid> wherever they are.
  if (low ~ /(^|\/)\.?airlock(-[0-9]+)?(\/|$)/) return "slow"
  n = split("airlock-dev.airlock .claude .cursor .github .copilot .codex .gemini .windsurf .codeium .kiro opencode .clinerules globalstorage /user/settings.json state.vscdb /run/user/", words, " ")
  for (i = 1; i <= n; i++) if (index(low, words[i])) return "slow"
  # Airlock's folders may be moved anywhere by these variables: a path below one is slow.
  n = split("AIRLOCK_STATE_DIR AIRLOCK_RUNTIME_DIR AIRLOCK_POLICY_FILE", words, " ")
  for (i = 1; i <= n; i++) { v = tolower(ENVIRON[words[i]]); if (v != "" && index(low, v) == 1) return "slow" }
  # A link (the file or a folder on its way) may point at a hook file: the resolved path must be the path.
  q = file; gsub(/'/, "'\\''", q)
  cmd = "readlink -f -- '" q "' 2>/dev/null"
  real = ""; cmd | getline real; close(cmd); sub(/\n+$/, "", real)
  return real == file ? "observed" : "slow"
}
function decide(p, records,   cmd, cwd, v) {
  if (records != 1 || length(p) > 1048576 || p !~ /^[ \t\r\n]*\{/ || p !~ /\}[ \t\r\n]*$/) return "slow"
  PAYLOAD = p
  v = observedecide(p)
  if (v != "none") return v
  if (!shellcall(p)) {
    v = readdecide(p)
    if (v == "other") return "benign"
    if (v == "log") return spoollog() ? "benign" : "slow"
    return "slow"
  }
  if (index(p, "\\") > 0) return "slow"
  cmd = value(p, CMDKEY)
  if (cmd == "\001") return "slow"
  cwd = CWDV; if (cwd == "\001") cwd = pwd
  return command(cmd, cwd)
}
# A shell command run in cwd: benign only when nothing in it, its cwd or its scripts needs Node.
function command(cmd, cwd) {
  if (length(cmd) > 65536) return "slow"
  if (repopolicy(cwd)) return "slow"
  # A relative name is read in cwd (and ~ in HOME): 'cat config' in ~/.kube reads a protected file.
  if (fileword(cwd) || (index(cmd, "~") && fileword(home))) return "slow"
  return needs(cmd, cwd) ? "slow" : "benign"
}
BEGIN {
  RS = "\036"
  runtime = "$` +
  '`' +
  String.raw`{}*?[]"
  addtriggers(words, 0); addtriggers(filewords, 1); if (extra != "") addtriggers(extra, 1); if (policy != "") addfile(policy)
  # The machine-wide (managed) policy, at its fixed paths (src/core/policy/managed.ts): its words join too.
  addfile("/etc/airlock/policy.json"); addfile("/Library/Application Support/Airlock/policy.json")
  n = split(runnerwords, list, " "); for (i = 1; i <= n; i++) runners[list[i]] = 1
  # With these a package manager runs scripts from another directory than the payload's cwd.
  n = split("${ELSEWHERE_WORDS.join(' ')}", list, " "); for (i = 1; i <= n; i++) elsewhere[list[i]] = 1
  n = split("${TASK_RUNNER_WORDS.join(' ')}", list, " "); for (i = 1; i <= n; i++) tasks[list[i]] = 1
  n = split("${PATH_ARGUMENT_COMMANDS.join(' ')}", list, " "); for (i = 1; i <= n; i++) pathargs[list[i]] = 1
  n = split("read read_file readfile view notebookread get_file_contents", list, " "); for (i = 1; i <= n; i++) readtools[list[i]] = 1
  n = split("grep search grep_search text_search", list, " "); for (i = 1; i <= n; i++) searchtools[list[i]] = 1
  nglobs = split(ENVIRON["AIRLOCK_READ_GLOBS"], globre, "\n")
  readfast = ENVIRON["AIRLOCK_READ_FAST"] == "1" ? 1 : 0
  statkind = ENVIRON["AIRLOCK_STAT_KIND"]; nocase = ENVIRON["AIRLOCK_READ_NOCASE"] == "1"
  indexfile = ENVIRON["AIRLOCK_READ_INDEX"]; spool = ENVIRON["AIRLOCK_READ_SPOOL"]
}
mode == "line" { line = (NR == 1) ? $0 : line RS $0; next }
mode == "lines" { sub(/\n$/, ""); print needs($0, ""); next }
mode == "commands" { sub(/\n$/, ""); print command($0, pwd); next }
mode == "paths" { sub(/\n$/, ""); print globhit($0); next }
mode == "payload" { payload = (NR == 1) ? $0 : payload RS $0; next }
END {
  if (mode == "line") print needs(line, "-")
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
export function shellPrefilterFunctions(words: readonly string[], runnerWords: readonly string[], fileWords: readonly string[]): string {
  const plain = words.filter((w) => !runnerWords.includes(w));
  const vars =
    '-v words="$AIRLOCK_TRIGGER_WORDS" -v filewords="$AIRLOCK_FILE_WORDS ${AIRLOCK_INSTALLED_FILE_WORDS:-}" -v home="${HOME:-/nonexistent}" -v runnerwords="$AIRLOCK_RUNNER_WORDS" -v extra="${AIRLOCK_EXTRA_KEYWORDS:-}" -v policy="$(airlock_user_policy_path)"';
  return [
    `AIRLOCK_TRIGGER_WORDS=${shQuote(plain.join(' '))}`,
    `AIRLOCK_RUNNER_WORDS=${shQuote(runnerWords.join(' '))}`,
    // Task runners: a line with one of these needs its runner file read, which only the awk does (shims' front).
    `AIRLOCK_TASK_WORDS=${shQuote(TASK_RUNNER_WORDS.join(' '))}`,
    // The installer rewrites this line with the words of the user's protected-file globs.
    `AIRLOCK_FILE_WORDS=${shQuote(fileWords.join(' '))}`,
    `AIRLOCK_PREFILTER_AWK=${shQuote(PREFILTER_AWK)}`,
    '',
    '# Exit 0 when LINE needs the full check (Node), 1 when no rule can match it.',
    'airlock_needs_full_check() {',
    `  _airlock_r=$(printf '%s' "$1" | LC_ALL=C awk -v mode=line ${vars} "$AIRLOCK_PREFILTER_AWK")`,
    '  [ "$_airlock_r" != 0 ]',
    '}',
    '',
    '# Reads a hook payload on stdin; prints "benign" when the fast path settles it, else "slow".',
    'airlock_payload_verdict() {',
    `  LC_ALL=C awk -v mode=payload -v agent="$1" -v vscodetools=${shQuote(VSCODE_SHELL_TOOLS.join(' '))} -v agentshelltools=${shQuote([...SHELL_TOOLS].join(' '))} -v judgedtools=${shQuote([...JUDGED_BEFORE].join(' '))} -v pwd="$PWD" ${vars} "$AIRLOCK_PREFILTER_AWK"`,
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
