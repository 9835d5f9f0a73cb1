import { analyseCode, type CodeEffects } from '../../../code/effects';
import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, type InterpreterProgram, interpreterProgram, isUrl } from '../../../code/inline';
import { UNKNOWN_PART } from '../../../code/scanner';
import type { Finding } from '../../../findings';
import type { SimpleCommand } from '../../../shell/command';
import type { RuleContext, RuleVerdict } from '../../rule';
import { isRuntimeText } from '../../runtime-text';
import { whyUnreadable } from '../../unreadable-file';
import { nestedVerdict } from '../cli-words';
import { scriptEntry } from './script-entry';

export { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, UNKNOWN_PART };

/** The program an interpreter command runs inline, and what it would do; read once per command. */
export interface ReadProgram {
  from: string;
  /**
   * Read from a script file in the workspace. Such programs are judged on what they certainly do:
   * deletes, commands and requests whose targets are only known at run time are everyday code in
   * scripts (`rmSync(path.join(out, name))`) and are left alone there, unlike in a one-liner.
   */
  fromFile?: boolean;
  effects?: CodeEffects;
  /** Set when the program comes from a file on standard input that Airlock cannot read. */
  unreadable?: string;
  /** Set when the script file named on the command line cannot be read: why, as a whole sentence. */
  unreadableScript?: string;
}

const cache = new WeakMap<SimpleCommand, ReadProgram | null>();
/**
 * Script files larger than this are not scanned, so running one asks. Scanning costs ~0.4 s a
 * MB: 256 KB (~0.1 s, on a path that already starts Node) reads everyday build outputs such as
 * `node dist/server.js`, which a 64 KB cap made ask on every run.
 */
const MAX_SCRIPT_CHARS = 256 * 1024;

export function programOf(command: SimpleCommand, context: RuleContext): ReadProgram | undefined {
  const cached = cache.get(command);
  if (cached !== undefined) return cached ?? undefined;
  const result = read(command, context);
  cache.set(command, result ?? null);
  return result;
}

function read(command: SimpleCommand, context: RuleContext): ReadProgram | undefined {
  const program = interpreterProgram(command.argv, command.stdin !== undefined);
  if (!program) return undefined;
  if (program.scriptPath !== undefined) return readScript(program, program.scriptPath, command, context);
  let code = program.code;
  if (code !== undefined && isRuntimeText(code, command)) return { from: program.from, unreadable: `${code.slice(0, 40)} (only known when the line runs)` };
  if (code === undefined) {
    const stdin = command.stdin;
    if (stdin?.kind === 'text') code = stdin.text;
    else if (stdin?.kind === 'file') {
      code = context.readFile(stdin.path, command.cwd);
      if (code === undefined) return { from: program.from, unreadable: stdin.path };
    } else return undefined; // piped from something unseen: the engine asks about that itself
  }
  return { from: program.from, effects: analyseCode(code, program.language) };
}

/**
 * A script file named on the command line. One Airlock cannot read (missing at check time, a
 * folder, a FIFO, too large, fetched from the network) asks: `cat > x.py <<EOF ... EOF; python x.py`
 * writes the script only when the line runs. The imports of a script are not followed.
 */
function readScript(program: InterpreterProgram, scriptPath: string, command: SimpleCommand, context: RuleContext): ReadProgram {
  const unreadable = (why: string): ReadProgram => ({
    from: program.from,
    unreadableScript: `${program.from}: the script ${scriptPath} ${why}, so Airlock cannot tell what it would do.`,
  });
  if (isRuntimeText(scriptPath, command) || scriptPath.includes(UNKNOWN_PART)) return unreadable('is only known when the line runs');
  if (isUrl(scriptPath)) return unreadable('is fetched from the network when it runs');
  const path = scriptEntry(program, scriptPath, command.cwd);
  const text = context.readFile(path, command.cwd);
  const about = (why: string) => unreadable(path === scriptPath ? why : `runs ${path}, which ${why}`);
  if (text === undefined) return about(whyUnreadable(path, command.cwd));
  if (text.length > MAX_SCRIPT_CHARS)
    return about(`is ${text.length} characters long, more than the ${MAX_SCRIPT_CHARS / 1024} KB Airlock reads of a script (a bundle or library)`);
  return { from: program.from, fromFile: true, effects: analyseCode(text, program.language) };
}

/** Findings of nested checks (a spawned command, a delete seen as `rm`) as one verdict. */
export function relayed(findings: Finding[], lead: string, dynamic = false): RuleVerdict | undefined {
  const verdict = nestedVerdict(findings, lead);
  // A value known only at run time is not a shell variable that may be empty: ask, never deny on a guess.
  return verdict && dynamic ? { ...verdict, decision: 'ask' } : verdict;
}

export function isDynamic(value: string | undefined): boolean {
  return value === undefined || value.includes(UNKNOWN_PART);
}
