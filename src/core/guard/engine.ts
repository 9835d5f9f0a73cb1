/**
 * The command guard: reduces a line to the simple commands it would run, asks every rule that
 * looks at each command, applies the policy and returns one decision with its findings.
 *
 * `checkCommand` is the entry point; `checkCommandSync` is the same once `loadShellParser()`
 * has resolved (rules call back into it for nested lines). A benign line never waits for the
 * parser: the keyword fast path answers first.
 */

import type { CheckResult, Finding } from '../findings';
import { DEFAULT_POLICY, type EffectivePolicy } from '../policy/types';
import type { SimpleCommand } from '../shell/command';
import type { WrittenFiles } from '../shell/line-writes';
import { isShellParserLoaded, loadShellParser, parseShell } from '../shell/parser';
import { type Reduction, reduceLine } from '../shell/reduce';
import { type Decision, stricterDecision } from '../types';
import { mentionsTriggerWord, needsFullCheck, TASK_RUNNER_WORDS, triggerSet } from './fastpath/prefilter';
import { allTriggerWords } from './fastpath/triggers';
import { readTextFile, resolveFrom } from './files';
import { type FileRecovery, fileRecovery, modifiedTracked } from './git-state';
import { helpSubcommandTools, packs as registeredPacks } from './packs/index';
import { matchesCommandPattern, patternWords } from './patterns';
import { engineFinding, problemFinding } from './problems';
import type { Pack, Rule, RuleContext } from './rule';

export interface CheckOptions {
  /** Directory the line would run in (default: the process's cwd). */
  cwd?: string;
  /** The merged policy (see `loadPolicy`); defaults apply when absent. */
  policy?: EffectivePolicy;
  /** How many nested scripts deep to follow (default 8). */
  maxDepth?: number;
  /** Replaces file reading (tests). */
  readFile?: (path: string, cwd: string) => string | undefined;
  /** Replaces the check that something is at a path, readable or not (tests, with `readFile`). */
  exists?: (path: string, cwd: string) => boolean;
  /** Replaces listing sub-folders (workspace globs; tests, with `readFile`). */
  listDir?: (path: string) => string[] | undefined;
  /** Replaces the registered packs (tests). */
  packs?: readonly Pack[];
  /** Replaces reading git's index for whether a file could be brought back (tests). */
  fileRecovery?: (path: string, cwd: string) => FileRecovery;
  /** Replaces reading git's index for modified tracked files under a path (tests). */
  modifiedTracked?: (path: string, cwd: string) => string[] | 'unknown';
  /** False parses every line, even those the fast path would settle (the fast path's soundness test). */
  fastPath?: boolean;
}

/**
 * Lines longer than this are not parsed: `ask` when they mention a guarded word, `allow` when
 * the fast path shows they cannot match. Keeps every decision fast on adversarial input
 * (tree-sitter-bash is superlinear on some shapes); real command lines are far shorter.
 */
export const MAX_LINE_CHARS = 16 * 1024;
export const DEFAULT_MAX_DEPTH = 8;

/** One simple command as `airlock explain` shows it: the rules consulted and why each matched or not. */
export interface CommandTrace {
  command: SimpleCommand;
  /** Why no rule was consulted (`--help`). */
  skipped?: string;
  consulted: Array<{ rule: string; matched: boolean; detail: string }>;
}

/** What `airlock explain` shows: every rule consulted for every command, and why. */
export interface Explanation {
  result: CheckResult;
  /** False when the fast path settled the line without parsing. */
  parsed: boolean;
  syntaxTree?: string;
  steps: string[];
  commands: CommandTrace[];
  /** Rules whose tools never appeared on the line. */
  notConsulted: number;
}

interface PreparedRules {
  byTool: Map<string, Rule[]>;
  everyCommand: Rule[];
  triggers: Set<string>;
  /** `triggers` and the task runners' words: what sends a line to the full check in-process. */
  fullCheckTriggers: Set<string>;
  /** Only the rules' own keywords (and policy words): what "mentions a guarded tool" means. */
  guardedWords: Set<string>;
  all: Rule[];
  /** Tools whose first word `help` only prints help (the packs' `helpSubcommand`). */
  helpTools: Set<string>;
}

const prepared = new WeakMap<readonly Pack[], Map<string, PreparedRules>>();

function prepare(packs: readonly Pack[], policy: EffectivePolicy): PreparedRules {
  const policyWords = [...policy.askPatterns, ...policy.denyPatterns].flatMap(patternWords);
  const key = policyWords.join('\u0000');
  let byPolicy = prepared.get(packs);
  if (!byPolicy) {
    byPolicy = new Map();
    prepared.set(packs, byPolicy);
  }
  const cached = byPolicy.get(key);
  if (cached) return cached;
  const byTool = new Map<string, Rule[]>();
  const everyCommand: Rule[] = [];
  const all: Rule[] = [];
  for (const pack of packs) {
    for (const rule of pack.rules) {
      all.push(rule);
      for (const tool of rule.tools) {
        if (tool === '*') {
          everyCommand.push(rule);
          continue;
        }
        const key = tool.toLowerCase();
        const list = byTool.get(key) ?? [];
        list.push(rule);
        byTool.set(key, list);
      }
    }
  }
  const guardedWords = triggerSet([...all.flatMap((r) => r.keywords), ...policyWords]);
  const triggers = triggerSet(allTriggerWords(packs, policyWords));
  const result = {
    byTool,
    everyCommand,
    all,
    guardedWords,
    triggers,
    fullCheckTriggers: new Set([...triggers, ...triggerSet(TASK_RUNNER_WORDS)]),
    helpTools: helpSubcommandTools(packs),
  };
  byPolicy.set(key, result);
  return result;
}

/** The trigger words for the registered packs: what the in-process fast path looks for. */
export function guardTriggers(policy: EffectivePolicy = DEFAULT_POLICY): ReadonlySet<string> {
  return prepare(registeredPacks, policy).triggers;
}

/**
 * `tool help ...` for CLIs whose pack says they have it, or `--help` where the tool reads it as help: first, or
 * after a word or long flag (`railway volume delete --help`, `git reset --hard --help`). After a
 * short option it may be that option's value (`find ~ -delete -name --help` deletes), so it does not
 * count; nor after `--`, nor when POSIXLY_CORRECT stops option parsing at the first operand.
 */
function isHelpRequest(command: SimpleCommand, helpTools: ReadonlySet<string>): boolean {
  const argv = command.argv;
  if (argv[1] === 'help' && helpTools.has(argv[0]!)) return true;
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  for (let i = 1; i < options.length; i++) {
    if (options[i] !== '--help') continue;
    if (i === 1) return true;
    const before = options[i - 1]!;
    // `-name --help`, `-o --help`: a short or single-dash option may take it as its value.
    if (/^-[^-]/.test(before) || NON_GETOPT_TOOLS.has(argv[0]!) || 'POSIXLY_CORRECT' in command.assignments) continue;
    return true;
  }
  return false;
}

/** Tools whose words after the first are an expression, not getopt options: `--help` counts only first. */
const NON_GETOPT_TOOLS = new Set([
  'find',
  'xargs',
  'test',
  '[',
  'expr',
  'awk',
  'gawk',
  'sed',
  'perl',
  'python',
  'python3',
  'node',
  'ruby',
  'sh',
  'bash',
  'zsh',
  'dash',
  'eval',
  'exec',
  'env',
  'sudo',
  'doas',
  'nohup',
  'timeout',
  'nice',
  'watch',
]);

/**
 * Lines the fast path's words cannot settle: a program run by its path (`./scripts/cleanup`,
 * `bin/setup`) runs code only its file shows. Any `/` sends the line to the full check, which
 * reads the file. Exported for the launcher, whose sh fast path must be no more lenient.
 */
export const RUNS_CODE_BY_PATH = /\//;

/**
 * Task and test runners whose recipes, conftest.py or config the full check reads (`make wipe`,
 * `npx jest`). They are not rule keywords: in the launcher, `make test` should stay on the sh fast
 * path when the Makefile holds no trigger word, as `npm test` does with package.json. Exported for
 * the launcher, which must read those files before it may call such a line benign.
 */
// Defined beside the fast path (which mirrors it in the launcher's awk); exported here as before.
export { TASK_RUNNER_WORDS };

/** `py.test` splits into the everyday words py and test: matched as written. */
const PY_TEST = /(^|[^A-Za-z0-9_.-])py\.test([^A-Za-z0-9_.-]|$)/;

function quoteWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

class Check {
  private readonly rules: PreparedRules;
  private readonly policy: EffectivePolicy;
  private readonly maxDepth: number;
  private readonly readFile: (path: string, cwd: string) => string | undefined;
  private readonly exists?: (path: string, cwd: string) => boolean;
  private readonly listDir?: (path: string) => string[] | undefined;
  private depth = 0;
  private readonly fastPath: boolean;
  readonly explanation?: Explanation['commands'];

  constructor(options: CheckOptions, explain: boolean) {
    this.policy = options.policy ?? DEFAULT_POLICY;
    this.rules = prepare(options.packs ?? registeredPacks, this.policy);
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.readFile = options.readFile ?? readTextFile;
    if (options.exists) this.exists = options.exists;
    if (options.listDir) this.listDir = options.listDir;
    this.fastPath = options.fastPath ?? true;
    if (explain) this.explanation = [];
    this.context = {
      readFile: (path, cwd) => this.readThroughWrites(path, cwd),
      checkLine: (line, cwd) => this.nested(() => this.findings(line, cwd).findings, line),
      checkArgv: (argv, cwd) => this.nested(() => this.findings(argv.map(quoteWord).join(' '), cwd).findings, argv.join(' ')),
      protectedBranches: [...this.policy.protectedBranches],
      routineDeletePaths: [...this.policy.routineDeletePaths],
      fileRecovery: options.fileRecovery ?? fileRecovery,
      modifiedTracked: options.modifiedTracked ?? modifiedTracked,
    };
  }

  needsFullCheck(line: string): boolean {
    return !this.fastPath || line.includes('/') || needsFullCheck(line, this.rules.fullCheckTriggers) || PY_TEST.test(line);
  }

  readonly context: RuleContext;
  /** Files written earlier on the lines being checked (innermost last): rules read what they will hold. */
  private readonly writes: WrittenFiles[] = [];

  private readThroughWrites(path: string, cwd: string): string | undefined {
    if (this.writes.length) {
      const full = resolveFrom(cwd, path);
      for (let i = this.writes.length - 1; i >= 0; i--) {
        if (this.writes[i]!.has(full)) return this.writes[i]!.get(full) ?? undefined;
      }
    }
    return this.readFile(path, cwd);
  }

  private nested(run: () => Finding[], segment: string): Finding[] {
    if (this.depth >= this.maxDepth) return [engineFinding('too-deep', segment)];
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
    }
  }

  /** Input problems that get a clear answer before any parsing. */
  badInput(line: string): Finding | 'empty' | undefined {
    if (line.trim() === '') return 'empty';
    if (line.includes('\u0000')) return engineFinding('bad-input', line.slice(0, 200), 'it contains NUL bytes, which no shell passes through');
    if (line.length > MAX_LINE_CHARS && this.needsFullCheck(line)) {
      return engineFinding('bad-input', line.slice(0, 200), `it is longer than ${MAX_LINE_CHARS / 1024} KB and mentions a guarded word`);
    }
    return undefined;
  }

  findings(line: string, cwd: string): { findings: Finding[]; reduction?: Reduction } {
    const bad = this.badInput(line);
    if (bad === 'empty') return { findings: [] };
    if (bad) return { findings: [bad] };
    if (!this.needsFullCheck(line)) return { findings: [] };
    const reduction = reduceLine(line, {
      cwd,
      readFile: this.readFile,
      maxDepth: this.maxDepth - this.depth,
      ...(this.exists ? { exists: this.exists } : {}),
      ...(this.listDir ? { listDir: this.listDir } : {}),
    });
    const findings: Finding[] = [];
    const mentions = {
      // A broken line naming a shell or interpreter may hide anything: every trigger word counts.
      trigger: mentionsTriggerWord(line, this.rules.triggers),
      guardedTool: mentionsTriggerWord(line, this.rules.guardedWords),
    };
    for (const problem of reduction.problems) {
      const finding = problemFinding(problem, mentions);
      if (finding) findings.push(finding);
    }
    this.writes.push(reduction.written);
    try {
      for (const command of reduction.commands) findings.push(...this.commandFindings(command));
    } finally {
      this.writes.pop();
    }
    return { findings: dedupe(findings), reduction };
  }

  commandFindings(command: SimpleCommand): Finding[] {
    const trace: CommandTrace | undefined = this.explanation ? { command, consulted: [] } : undefined;
    if (trace) this.explanation!.push(trace);
    const findings: Finding[] = [];
    if (isHelpRequest(command, this.rules.helpTools)) {
      if (trace) trace.skipped = 'asks the tool for help: it prints text and changes nothing';
      return findings;
    }
    // Tool names are looked up case-insensitively: macOS and Windows find `RM` and `Remove-Item` alike.
    const candidates = [...(this.rules.byTool.get(command.argv[0]!.toLowerCase()) ?? []), ...this.rules.everyCommand];
    for (const rule of candidates) {
      if (this.policy.disabledRules.has(rule.id)) {
        trace?.consulted.push({ rule: rule.id, matched: false, detail: 'disabled by policy' });
        continue;
      }
      let verdict: ReturnType<Rule['match']>;
      try {
        verdict = rule.match(command, this.context);
      } catch (error) {
        findings.push(engineFinding('rule-failed', command.segment, `${rule.id} (${error instanceof Error ? error.name : 'error'})`));
        trace?.consulted.push({ rule: rule.id, matched: true, detail: 'the rule failed: asking, never guessing' });
        continue;
      }
      if (!verdict) {
        trace?.consulted.push({ rule: rule.id, matched: false, detail: `looks at ${rule.tools.join(', ')}; its conditions do not hold here` });
        continue;
      }
      const finding: Finding = {
        rule: rule.id,
        severity: verdict.severity ?? rule.severity,
        decision: verdict.decision ?? rule.decision,
        reason: verdict.reason ?? rule.reason,
        segment: command.segment,
        resource: verdict.resource ?? rule.resource,
        command,
      };
      const suggestion = verdict.suggestion ?? rule.suggestion;
      if (suggestion) finding.suggestion = suggestion;
      findings.push(finding);
      trace?.consulted.push({ rule: rule.id, matched: true, detail: finding.reason });
    }
    for (const pattern of this.policy.denyPatterns) {
      if (matchesCommandPattern(command, pattern)) findings.push(policyFinding('deny', pattern, command));
    }
    for (const pattern of this.policy.askPatterns) {
      if (matchesCommandPattern(command, pattern)) findings.push(policyFinding('ask', pattern, command));
    }
    const allowedBy = this.policy.allowPatterns.find((p) => matchesCommandPattern(command, p));
    if (allowedBy) {
      trace?.consulted.push({ rule: 'policy.allow', matched: true, detail: `allowed by the policy pattern "${allowedBy}"` });
      return findings.filter((f) => f.rule === 'policy.deny' || f.rule === 'policy.ask');
    }
    return findings;
  }

  result(findings: Finding[]): CheckResult {
    let decision: Decision = 'allow';
    for (const finding of findings) decision = stricterDecision(decision, finding.decision);
    const result: CheckResult = { decision, environment: null, findings };
    if (this.policy.notes.length) result.notes = [...this.policy.notes];
    return result;
  }
}

function policyFinding(decision: 'ask' | 'deny', pattern: string, command: SimpleCommand): Finding {
  return {
    rule: `policy.${decision}`,
    severity: decision === 'deny' ? 'critical' : 'high',
    decision,
    reason: `Your Airlock policy says to ${decision === 'deny' ? 'deny' : 'ask about'} commands matching "${pattern}".`,
    segment: command.segment,
    command,
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}\u0000${f.segment}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Checks one command line. Never throws: any failure is an `ask` with a reason. */
export async function checkCommand(line: string, options: CheckOptions = {}): Promise<CheckResult> {
  const check = new Check(options, false);
  if (typeof line === 'string' && !check.badInput(line) && !check.needsFullCheck(line)) return check.result([]);
  try {
    await loadShellParser();
  } catch (error) {
    return check.result([
      engineFinding('bad-input', String(line).slice(0, 200), `the shell parser failed to load (${error instanceof Error ? error.message : 'error'})`),
    ]);
  }
  return runCheck(check, line, options);
}

/** Same as `checkCommand`, once `loadShellParser()` has resolved (or when the fast path settles it). */
export function checkCommandSync(line: string, options: CheckOptions = {}): CheckResult {
  return runCheck(new Check(options, false), line, options);
}

function runCheck(check: Check, line: string, options: CheckOptions): CheckResult {
  if (typeof line !== 'string') return check.result([engineFinding('bad-input', '', 'it is not text')]);
  try {
    if (!isShellParserLoaded() && !check.badInput(line) && check.needsFullCheck(line)) {
      return check.result([engineFinding('bad-input', line.slice(0, 200), 'the shell parser is not loaded yet')]);
    }
    return check.result(check.findings(line, options.cwd ?? process.cwd()).findings);
  } catch (error) {
    return check.result([engineFinding('bad-input', line.slice(0, 200), `the check failed (${error instanceof Error ? error.name : 'error'})`)]);
  }
}

/** Everything `airlock explain` shows. */
export async function explainCommand(line: string, options: CheckOptions = {}): Promise<Explanation> {
  await loadShellParser();
  const check = new Check(options, true);
  const cwd = options.cwd ?? process.cwd();
  const parsed = !check.badInput(line) && check.needsFullCheck(line);
  const { findings, reduction } = check.findings(line, cwd);
  const consultedIds = new Set(check.explanation!.flatMap((c) => c.consulted.map((r) => r.rule)));
  const total = (options.packs ?? registeredPacks).reduce((n, p) => n + p.rules.length, 0);
  let syntaxTree: string | undefined;
  if (parsed && line.length <= MAX_LINE_CHARS) {
    const tree = parseShell(line);
    syntaxTree = tree.rootNode.toString();
    tree.delete();
  }
  return {
    result: check.result(findings),
    parsed,
    ...(syntaxTree ? { syntaxTree } : {}),
    steps: reduction?.steps ?? [],
    commands: check.explanation!,
    notConsulted: total - consultedIds.size,
  };
}
