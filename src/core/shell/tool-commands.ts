/**
 * Everyday tools that run shell commands they are handed: awk's `system()`, `cmd | getline` and
 * `print | "cmd"`; vim/ex `-c '!cmd'`; git's command-valued settings (`-c alias.x='!cmd'`,
 * `core.fsmonitor`, `core.sshCommand`, `credential.helper`...) and subcommands that run commands
 * (`submodule foreach`, `bisect run`, `rebase --exec`, `difftool -x`, `filter-branch --*-filter`).
 * A command Airlock can read is checked like any other; one built at run time (awk's
 * `system(cmd)`, vim's `execute`) becomes the stand-in below, whose name is only known at run
 * time, so the engine asks.
 */

import { shellLine } from './quote';
import type { Unwrapped } from './unwrap';

/** A command whose text is only known when the tool runs: checked as a run-time command name. */
export const COMPUTED_COMMAND = '$(computed-command)';

const shellTexts = (list: string[], via: string, keep: boolean): Unwrapped | undefined => {
  if (list.length === 0) return undefined;
  const text = list.join('\n');
  // git stays a command too (its own rules judge `git rebase`), awk and vim do not need to.
  return keep ? { kind: 'many', argvs: [['sh', '-c', text]], via, step: `${via} runs: ${text}` } : { kind: 'script', text, via, step: `${via} runs: ${text}` };
};

const AWK_STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
const AWK_SHELLS = /^\s*(sh|bash|zsh|dash|ksh|ash|busybox\s+sh)(\s|$)/;

function unescapeAwk(text: string): string {
  return text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** The shell commands an awk program runs; COMPUTED_COMMAND for one it builds at run time. */
/** Programs longer than this are not scanned (the patterns below are not linear on adversarial text). */
const MAX_PROGRAM_CHARS = 16 * 1024;

export function awkCommands(program: string): string[] {
  if (program.length > MAX_PROGRAM_CHARS) return [COMPUTED_COMMAND];
  const commands: string[] = [];
  const literal = (text: string): void => {
    const command = unescapeAwk(text);
    // `print ... | "sh"`: the shell runs what awk prints, which is only known at run time.
    commands.push(AWK_SHELLS.test(command) && !/-c\s/.test(command) ? COMPUTED_COMMAND : command);
  };
  for (const m of program.matchAll(/\bsystem\s*\(\s*([^)]*)\)/g)) {
    const whole = new RegExp(`^${AWK_STRING}\\s*$`).exec(m[1]!);
    if (whole) literal(whole[1]!);
    else commands.push(COMPUTED_COMMAND);
  }
  // `"cmd" | getline`, `print x | "cmd"`, gawk's `|&` coprocesses.
  for (const m of program.matchAll(new RegExp(`${AWK_STRING}\\s*\\|&?\\s*getline`, 'g'))) literal(m[1]!);
  for (const m of program.matchAll(new RegExp(`\\|&?\\s*${AWK_STRING}`, 'g'))) literal(m[1]!);
  // A pipe whose command is not a plain string: `cmd | getline`, `print | cmd`.
  if (/(^|[^"|\s])\s*\|&?\s*getline/.test(program.replace(new RegExp(`${AWK_STRING}\\s*\\|&?\\s*getline`, 'g'), ''))) commands.push(COMPUTED_COMMAND);
  if (/\b(print|printf)\b[^;}\n]*\|&?\s*[^"\s|&]/.test(program.replace(new RegExp(`\\|&?\\s*${AWK_STRING}`, 'g'), ''))) commands.push(COMPUTED_COMMAND);
  return commands;
}

function awk(argv: string[]): Unwrapped | undefined {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-f' || arg === '--file') return undefined; // the program is in a file
    if (['-F', '-v', '--assign', '--field-separator'].includes(arg)) {
      i++;
      continue;
    }
    if (arg === '-e' || arg === '--source') {
      const code = argv[++i];
      return code === undefined ? undefined : shellTexts(awkCommands(code), argv[0]!, false);
    }
    if (arg === '--') {
      const code = argv[i + 1];
      return code === undefined ? undefined : shellTexts(awkCommands(code), argv[0]!, false);
    }
    if (arg.startsWith('-') && arg.length > 1) continue;
    return shellTexts(awkCommands(arg), argv[0]!, false);
  }
  return undefined;
}

/** An ex command: `!cmd`, `:r !cmd`, `w !cmd`, `silent !cmd`; COMPUTED_COMMAND for `system(...)`, `execute`, `terminal`. */
export function exCommands(command: string): string[] {
  if (command.length > MAX_PROGRAM_CHARS) return [COMPUTED_COMMAND];
  const bang = /^[\s:]*(?:sil(?:ent)?!?\s*)?(?:[0-9%.$,'a-z+-]*)\s*(?:r(?:ead)?|w(?:rite)?|\.)?\s*!(.*)$/s.exec(command);
  if (bang && !/^[\s:]*(?:[0-9%.$,'+-]*)\s*(?:q|wq|x|qa|wqa|xa|q!)?!?\s*$/.test(command)) return [bang[1]!];
  if (/\b(system|systemlist|job_start|jobstart|termopen)\s*\(|\b(exe(c(ute)?)?|term(inal)?|py(thon)?3?|pyx|lua|perl|ruby|mz)\b/.test(command))
    return [COMPUTED_COMMAND];
  return [];
}

function vim(argv: string[]): Unwrapped | undefined {
  const commands: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if ((arg === '-c' || arg === '--cmd') && argv[i + 1] !== undefined) commands.push(...exCommands(argv[++i]!));
    else if (arg.startsWith('+') && arg.length > 1) commands.push(...exCommands(arg.slice(1)));
  }
  return shellTexts(commands, argv[0]!, false);
}

/** git settings whose value is a command git runs (section.key or section.*.key, lower case). */
const GIT_COMMAND_SETTINGS =
  /^(core\.(fsmonitor|sshcommand|pager|editor|askpass)|pager\.[^.]+|sequence\.editor|diff\.external|diff\..+\.(command|textconv)|filter\..+\.(clean|smudge|process)|gpg\.(program|.+\.program)|merge\..+\.driver|(diff|merge)tool\..+\.cmd|credential(\..+)?\.helper|uploadpack\.packobjectshook|remote\..+\.(receivepack|uploadpack)|sendemail\.(smtpserver|tocmd|cccmd))$/;

function gitSetting(key: string, value: string, subcommand: string | undefined, args: string[]): string | undefined {
  const lower = key.toLowerCase();
  if (lower.startsWith('alias.')) {
    if (key.slice(6) !== subcommand) return undefined;
    return value.startsWith('!') ? [value.slice(1), ...args].join(' ') : ['git', value, ...args].join(' ');
  }
  if (lower === 'core.hookspath') return COMPUTED_COMMAND; // the hooks in that folder run, unseen
  if (!GIT_COMMAND_SETTINGS.test(lower)) return undefined;
  if (lower === 'core.fsmonitor' && /^(true|false|yes|no|on|off|1|0)?$/i.test(value)) return undefined;
  if (/helper$/.test(lower)) {
    if (value === '' || /^(cache|store|osxkeychain|manager(-core)?|libsecret|wincred|gnome-keyring)(\s|$)/.test(value)) return undefined;
    return value.startsWith('!') ? value.slice(1) : value;
  }
  if ((lower === 'core.pager' || lower.startsWith('pager.')) && /^(less|more|cat|delta|diff-so-fancy|bat)?(\s|$)/.test(value)) return undefined;
  return value;
}

const GIT_VALUED = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--super-prefix', '--config-env', '--attr-source', '--list-cmds'];

function git(argv: string[]): Unwrapped | undefined {
  const settings: Array<[string, string]> = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-c' && argv[i + 1] !== undefined) {
      const pair = argv[++i]!;
      const eq = pair.indexOf('=');
      settings.push(eq < 0 ? [pair, 'true'] : [pair.slice(0, eq), pair.slice(eq + 1)]);
      continue;
    }
    if (GIT_VALUED.includes(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    break;
  }
  const subcommand = argv[i];
  const args = argv.slice(i + 1);
  const commands: string[] = [];
  for (const [key, value] of settings) {
    const command = gitSetting(key, value, subcommand, args);
    if (command !== undefined) commands.push(command);
  }
  if (args.some((a) => a.startsWith('ext::'))) commands.push(COMPUTED_COMMAND);
  if (subcommand === 'submodule') {
    const at = args.indexOf('foreach');
    if (at >= 0) {
      const rest = args.slice(at + 1).filter((a, k, all) => !(a.startsWith('--') && all.slice(0, k).every((b) => b.startsWith('--'))));
      if (rest.length) commands.push(rest.join(' '));
    }
  } else if (subcommand === 'bisect' && args[0] === 'run' && args.length > 1) {
    commands.push(shellLine(args.slice(1)));
  } else if (subcommand === 'rebase') {
    for (let k = 0; k < args.length; k++) {
      const arg = args[k]!;
      if ((arg === '--exec' || arg === '-x') && args[k + 1] !== undefined) commands.push(args[++k]!);
      else if (arg.startsWith('--exec=')) commands.push(arg.slice(7));
      else if (/^-x./.test(arg)) commands.push(arg.slice(2));
    }
  } else if (subcommand === 'difftool' || subcommand === 'mergetool') {
    for (let k = 0; k < args.length; k++) {
      const arg = args[k]!;
      if ((arg === '-x' || arg === '--extcmd') && args[k + 1] !== undefined) commands.push(args[++k]!);
      else if (arg.startsWith('--extcmd=')) commands.push(arg.slice(9));
    }
  } else if (subcommand === 'filter-branch') {
    for (let k = 0; k < args.length; k++) {
      if (/^--(tree|index|msg|env|commit|parent|tag-name)-filter$/.test(args[k]!) && args[k + 1] !== undefined) commands.push(args[++k]!);
    }
  }
  return shellTexts(commands, 'git', true);
}

/** What a tool runs through its own options or program; undefined when it runs nothing else. */
export function toolCommands(argv: string[]): Unwrapped | undefined {
  const name = argv[0]!;
  if (/^(awk|gawk|mawk|nawk|busybox-awk)$/.test(name)) return awk(argv);
  if (/^(vim?|nvim|ex|view|gvim|vimdiff|evim|rvim)$/.test(name)) return vim(argv);
  if (name === 'git') return git(argv);
  return undefined;
}
