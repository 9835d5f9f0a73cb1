import { statSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { agentStatuses } from '../../core/protection/agent-status';
import { readGateFromStatuses } from '../../core/protection/read-gate';
import { previewSecret, redactText } from '../../core/redact';
import { shannonEntropy } from '../../core/tokens/entropy';
import { fingerprintKey } from '../../core/tokens/fingerprint-key';
import { exposureText, toSarif } from '../../core/tokens/sarif';
import { type ScanOptions, WorkspaceScanner, workerEntryFor } from '../../core/tokens/scan';

/** AIRLOCK_SCAN_WORKERS overrides the count (0: read in one thread), e.g. to measure each. */
function scanWorkers(env: NodeJS.ProcessEnv): number {
  const asked = Number(env.AIRLOCK_SCAN_WORKERS);
  if (env.AIRLOCK_SCAN_WORKERS !== undefined && Number.isInteger(asked) && asked >= 0) return Math.min(asked, 16);
  return Math.min(4, availableParallelism());
}

import type { TokenFinding } from '../../core/tokens/types';
import { type CliCommand, type CliIO, UsageError } from '../io';

const usage = `Usage: airlock scan [PATH...] [--json | --sarif] [--include GLOB] [--exclude GLOB]
                    [--no-default-excludes] [--verbose]

Finds credentials in files before an AI agent does: 250+ token formats, private keys, URLs
with passwords, and opaque tokens by the variable names they are stored under. For each one,
says what it can do and whether git tracks it and agents can read it. Secrets are never
printed: only their first characters and length.

A file counts as blocked by Airlock's read gate only for agents whose hook is installed and
passes its self-test now (as "airlock status" shows), and only agents whose hook is asked before
reads; with no such hook, every agent can read it unless .cursorignore or a Claude Code deny
rule says otherwise.

PATH defaults to the current folder. Dotfiles and git-ignored files are scanned (agents read
them too); node_modules and .git are not, unless --no-default-excludes.

Options:
  --json                 {"findings":[{file,line,column,type,provider,preview,scope,tracked,agentReadable}]}
  --sarif                SARIF 2.1.0 for GitHub code scanning
  --include GLOB         only scan files matching GLOB (repeatable)
  --exclude GLOB         skip files matching GLOB (repeatable)
  --no-default-excludes  also scan node_modules and .git
  --verbose              list every file skipped (binary, too large, unreadable, ...) on stderr

Accept a finding with an "airlock:allow" comment on its line, or in .airlockignore
(gitignore syntax, or the fingerprint: lines the editor's quick fix writes).

Exit codes: 0 nothing found, 1 tokens found, 2 bad usage.`;

interface Options {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  include: string[];
  exclude: string[];
  defaultExcludes: boolean;
  verbose: boolean;
}

function parse(args: string[]): Options {
  const o: Options = { paths: [], format: 'text', include: [], exclude: [], defaultExcludes: true, verbose: false };
  let formats = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a glob`);
      return v;
    };
    switch (name) {
      case '--json':
        o.format = 'json';
        formats++;
        break;
      case '--sarif':
        o.format = 'sarif';
        formats++;
        break;
      case '--include':
        o.include.push(value());
        break;
      case '--exclude':
        o.exclude.push(value());
        break;
      case '--no-default-excludes':
        o.defaultExcludes = false;
        break;
      case '--verbose':
      case '-v':
        o.verbose = true;
        break;
      case '--':
        o.paths.push(...args.slice(i + 1));
        i = args.length;
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option '${redactText(arg)}'`);
        o.paths.push(arg);
    }
  }
  if (formats > 1) throw new UsageError('--json and --sarif cannot be combined');
  return o;
}

/** A mistyped path may be a pasted token: long random-looking segments are shown as previews. */
function safePath(path: string): string {
  return redactText(path)
    .split('/')
    .map((seg) => (seg.length >= 16 && shannonEntropy(seg) >= 3 ? previewSecret(seg) : seg))
    .join('/');
}

/** One path's findings, with files relative to that path (or to the file's folder). */
async function scanPath(path: string, options: Options, io: CliIO): Promise<{ findings: TokenFinding[]; files: number }> {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new UsageError(`no such file or folder: ${safePath(path)}`);
  }
  // Which agents the read gate really stops: hooks installed here or for the user, each tested now.
  const root = isFile ? dirname(path) : path;
  const statuses = await agentStatuses({ root, home: io.env.HOME ?? homedir(), path: io.env.PATH, env: io.env, test: true });
  const scanOptions: ScanOptions = {
    ...readGateFromStatuses(statuses),
    include: options.include,
    exclude: options.exclude,
    defaultExcludes: options.defaultExcludes,
    onSkip: options.verbose ? (rel, reason) => io.stderr(`skipped ${rel}: ${reason}\n`) : undefined,
    // Worker threads read and check files in parallel on a large tree (one per core, up to 4).
    workers: scanWorkers(io.env),
    // AIRLOCK_SCAN_READER=plain: the promise reader the fast one replaced (bench:scan measures both).
    reader: io.env.AIRLOCK_SCAN_READER === 'plain' ? 'plain' : 'fast',
    workerEntry: workerEntryFor(require.main?.filename),
    // Run through the launcher: clean files go into its read index (agents' reads of them skip Node).
    readIndex: io.env.AIRLOCK_READ_INDEX,
  };
  if (isFile) {
    const scanner = new WorkspaceScanner(dirname(path), scanOptions);
    const result = await scanner.scanFile(path);
    if (result.skipped && options.verbose) io.stderr(`skipped ${basename(path)}: ${result.skipped}\n`);
    return { findings: result.findings, files: result.skipped ? 0 : 1 };
  }
  const summary = await new WorkspaceScanner(path, scanOptions).scanAll();
  return { findings: summary.findings, files: summary.filesScanned };
}

function textReport(findings: TokenFinding[], files: number): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.file}:${f.line}:${f.column}  ${f.severity.toUpperCase()}  ${f.title} [${f.type}]  ${f.preview}`);
    lines.push(`    can: ${f.scope}`);
    lines.push(`    exposure: ${exposureText(f)}`);
  }
  const fileCount = new Set(findings.map((f) => f.file)).size;
  lines.push(
    findings.length === 0
      ? `No exposed tokens in ${files} file${files === 1 ? '' : 's'}.`
      : `${findings.length} exposed token${findings.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'} (${files} scanned). ${findings.filter((f) => f.agentReadable).length} readable by AI agents.`,
  );
  return lines.join('\n') + '\n';
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'find exposed credentials in files and say what each can do',
  usage,
  run: async (args, io) => {
    const options = parse(args);
    const paths = options.paths.length > 0 ? options.paths : ['.'];
    const findings: TokenFinding[] = [];
    let files = 0;
    for (const p of paths) {
      const result = await scanPath(resolve(io.cwd, p), options, io);
      const prefix = paths.length > 1 ? `${p.replace(/\/+$/, '')}/` : '';
      for (const f of result.findings) findings.push({ ...f, file: prefix + f.file });
      files += result.files;
    }
    if (options.format === 'json') {
      const out = findings.map((f) => ({
        file: f.file,
        line: f.line,
        column: f.column,
        type: f.type,
        provider: f.provider,
        preview: f.preview,
        scope: f.scope,
        tracked: f.tracked ?? false,
        agentReadable: f.agentReadable ?? true,
        severity: f.severity,
        title: f.title,
        gitIgnored: f.gitIgnored ?? false,
        blockedBy: f.blockedBy ?? [],
      }));
      io.stdout(`${JSON.stringify({ findings: out }, null, 2)}\n`);
    } else if (options.format === 'sarif') {
      io.stdout(`${JSON.stringify(toSarif(findings, fingerprintKey(io.env)), null, 2)}\n`);
    } else {
      io.stdout(textReport(findings, files));
    }
    return findings.length > 0 ? 1 : 0;
  },
};
