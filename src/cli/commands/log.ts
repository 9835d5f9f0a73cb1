import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ActivityEvent } from '../../core/events';
import { ROUTES } from '../../core/ipc/protocol';
import { callWindow, isUnreachable, locateEditor } from '../../core/ipc-client';
import { ActivityLog } from '../../core/log/activity-log';
import { actorLabel, decisionWord, environmentLabel, eventSubject } from '../../core/log/describe';
import { logDirFor, registeredLogDir } from '../../core/log/location';
import { type ChainAnchor, type VerifyReport, verifyLog } from '../../core/log/verify';
import { type CliCommand, type CliIO, UsageError } from '../io';

const usage = `Usage: airlock log [--json] [--since TIME] [--limit N] [--verify [--anchor SEQ:HASH] [--against FILE]] [--cwd DIR]

Prints the activity log of a workspace: every command, file read, decision, confirmation and
token Airlock recorded, oldest first.

Options:
  --json            one JSON event per line (JSON Lines), as stored, without the chain fields
  --since TIME      only events at or after TIME: an ISO date or time (2026-11-21,
                    2026-11-21T08:00Z), a duration back from now (30m, 2h, 7d), today or yesterday
  --limit N         only the last N events
  --verify          check the log instead of printing events; exit 1 and name the first line
                    that breaks it when the log was edited, reordered, cut or forged. The
                    editor holds the log's key (in its SecretStorage) and checks every line's
                    MAC and the head record kept outside the log; with no editor open only
                    the chain and the head record are checked, and the exit is 3 when the
                    log has lines only the editor's key can vouch for
  --anchor SEQ:HASH with --verify: a head printed by an earlier --verify (seq and at least
                    12 hex characters of its hash); fails when that line is gone (lines cut
                    from the end) or different (the end rewritten), which a chain alone
                    cannot show
  --against FILE    with --verify: compare with a copy exported to a collector (OTLP JSON
                    or JSON records): every exported line must still be in the local log
                    with the same hash; exit 1 names lines rewritten or cut after export
  --cwd DIR         the workspace folder, or any folder inside it, as for every other
                    command (default: the current folder or the nearest registered folder
                    above it)

Exit codes: 0 ok, 1 the log is broken (--verify), 2 bad usage, 3 not verifiable without the
editor (--verify with keyed lines and no editor reachable).
Environment: AIRLOCK_STATE_DIR overrides where the per-user index of logs lives.`;

interface Options {
  against?: string;
  anchor?: ChainAnchor;
  json: boolean;
  verify: boolean;
  since?: Date;
  limit?: number;
  workspace: string;
}

function parse(args: string[], io: CliIO): Options {
  const options: Options = { json: false, verify: false, workspace: io.cwd };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined || next === '') throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--json':
        options.json = true;
        break;
      case '--verify':
        options.verify = true;
        break;
      case '--anchor': {
        const text = value();
        const match = /^(\d{1,15}):([0-9a-f]{12,64})$/i.exec(text);
        if (!match) throw new UsageError(`--anchor needs SEQ:HASH as --verify prints it (e.g. 1234:9f2c4a1b7e3d), not '${text}'`);
        options.anchor = { seq: Number(match[1]), hash: match[2]!.toLowerCase() };
        break;
      }
      case '--since':
        options.since = parseSince(value());
        break;
      case '--against':
        options.against = resolve(io.cwd, value());
        break;
      // --cwd like every other command; --workspace is the old spelling, still accepted (not listed).
      case '--cwd':
      case '--workspace':
        options.workspace = resolve(io.cwd, value());
        break;
      case '--limit': {
        const text = value();
        const limit = Number(text);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit needs a positive whole number, not '${text}'`);
        options.limit = limit;
        break;
      }
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return options;
}

/** ISO dates and times, "30m" / "2h" / "7d" back from now, "today", "yesterday" (local midnight). */
export function parseSince(text: string, now: Date = new Date()): Date {
  const relative = /^(\d+)\s*(s|m|min|h|d|w)$/i.exec(text.trim());
  if (relative) {
    const unit = { s: 1e3, m: 6e4, min: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[relative[2]!.toLowerCase() as 's'];
    return new Date(now.getTime() - Number(relative[1]) * unit);
  }
  const lower = text.trim().toLowerCase();
  if (lower === 'today' || lower === 'yesterday') {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    if (lower === 'yesterday') day.setDate(day.getDate() - 1);
    return day;
  }
  // A bare date means local midnight, as a person means it (Date would read it as UTC).
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const parsed = dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])) : new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim()) || Number.isNaN(parsed.getTime())) {
    throw new UsageError(`--since: '${text}' is not a time; use an ISO date or time (2026-11-21, 2026-11-21T08:00Z), 30m, 2h, 7d, today or yesterday`);
  }
  return parsed;
}

function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function printVerify(report: VerifyReport, dir: string, io: CliIO, keyedLines: boolean): number {
  for (const issue of report.issues.filter((i) => i.kind === 'torn')) io.stderr(`warning: ${issue.message}\n`);
  if (report.ok && !report.keyed && keyedLines) {
    io.stdout(
      `Activity log NOT VERIFIED: its lines carry MACs under a key only the editor holds, and no editor with this workspace open answered. The chain and the head record are consistent (head ${report.head.seq}:${report.head.hash.slice(0, 16)}), but someone who re-hashed the log would pass that check too. Open the editor and run this again.\n  ${dir}\n`,
    );
    return 3;
  }
  if (report.ok) {
    if (report.keyed)
      io.stdout(
        `Checked by the editor with the log's key: every line the editor wrote carries its MAC${report.unsealed ? `; the last ${report.unsealed} line${report.unsealed === 1 ? ' was' : 's were'} written while no editor was open and ${report.unsealed === 1 ? 'is' : 'are'} sealed by the editor's next line` : ''}.\n`,
      );
    io.stdout(
      `Activity log intact: ${report.lines} lines in ${report.files} file${report.files === 1 ? '' : 's'}, head ${report.head.seq}:${report.head.hash.slice(0, 16)}\n  ${dir}\n  (keep the head; 'airlock log --verify --anchor ${report.head.seq}:${report.head.hash.slice(0, 16)}' later shows lines cut from the end)\n`,
    );
    return 0;
  }
  const others = report.issues.filter((i) => i.kind !== 'torn').length - 1;
  io.stdout(
    `Activity log chain BROKEN: ${report.firstBreak!.message}${others > 0 ? ` (and ${others} more break${others === 1 ? '' : 's'} after it)` : ''}\n  ${dir}\n`,
  );
  return 1;
}

/**
 * The editor checks MACs (only it holds the key); its answer is signed, so an impostor cannot
 * answer "intact". Without an editor, the chain and the head record are checked here.
 */
async function verify(dir: string, options: Options, io: CliIO): Promise<number> {
  const local = verifyLog(dir, options.anchor);
  const keyedLines = local.signedLines > 0;
  if (!local.ok || !keyedLines) return printVerify(local, dir, io, keyedLines);
  const window = locateEditor([options.workspace], io.env);
  if (!('unreachable' in window)) {
    const answer = await callWindow<VerifyReport | { unknown: true }>(
      window,
      ROUTES.verifyLog,
      { dir, ...(options.anchor ? { anchor: options.anchor } : {}) },
      60_000,
    );
    if (!isUnreachable(answer) && 'ok' in answer && typeof answer.ok === 'boolean' && Array.isArray(answer.issues))
      return printVerify({ ...answer, keyed: true }, dir, io, keyedLines);
  }
  return printVerify(local, dir, io, keyedLines);
}

async function run(args: string[], io: CliIO): Promise<number> {
  const options = parse(args, io);
  const registered = registeredLogDir(options.workspace, io.env);
  const dir = registered?.logDir ?? logDirFor(options.workspace, io.env);
  if (!existsSync(dir)) {
    io.stderr(`airlock log: no activity recorded for ${options.workspace} yet (no log at ${dir}).\n`);
    return 0;
  }
  if (options.anchor && !options.verify) throw new UsageError('--anchor only goes with --verify');
  if (options.against && !options.verify) throw new UsageError('--against only goes with --verify');
  if (options.verify && options.against) {
    if (!existsSync(options.against)) throw new UsageError(`--against: no file at ${options.against}`);
    const chain = await verify(dir, options, io);
    const { compareWithExport, formatAgainst } = await import('../../core/export/against.js');
    const report = compareWithExport(dir, options.against);
    io.stdout(formatAgainst(report, options.against));
    return chain || (report.ok ? 0 : 1);
  }
  if (options.verify) return verify(dir, options, io);

  const { events: stored, unreadableLines } = new ActivityLog(dir).read();
  let events = stored.map((s) => s.event);
  if (options.since) {
    const since = options.since.getTime();
    events = events.filter((e) => Date.parse(e.time) >= since);
  }
  if (options.limit) events = events.slice(-options.limit);
  if (options.json) {
    io.stdout(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  } else if (events.length === 0) {
    io.stderr(`airlock log: no events${options.since ? ` since ${options.since.toISOString()}` : ''}.\n`);
  } else {
    io.stdout(events.map(formatLine).join(''));
  }
  if (unreadableLines > 0) io.stderr(`warning: ${unreadableLines} line${unreadableLines === 1 ? '' : 's'} could not be read; run 'airlock log --verify'.\n`);
  return 0;
}

/** A fixed-width tag for the outcome; who or what settled it goes in the trailing notes. */
function tag(event: ActivityEvent): string {
  if (event.kind === 'command') return event.exitCode === undefined ? 'RAN' : `EXIT ${event.exitCode}`;
  if (event.kind === 'token') return 'TOKEN';
  if (event.kind === 'protection-gap') return 'UNGUARDED';
  if (event.kind === 'airlock') return 'AIRLOCK';
  return decisionWord(event).toUpperCase();
}

const SETTLED_BY: Record<string, string> = {
  person: 'by person',
  timeout: 'no answer in time',
  'no-editor': 'no editor reachable',
  policy: 'by policy',
  rules: '',
};

function formatLine(event: ActivityEvent): string {
  const parts = [localTime(event.time), tag(event).padEnd(9), actorLabel(event.actor).padEnd(13)];
  const notes = [
    event.decidedBy && event.kind !== 'command' ? SETTLED_BY[event.decidedBy] : undefined,
    environmentLabel(event),
    event.rule && `rule ${event.rule}`,
    event.severity && event.kind === 'token' ? event.severity : undefined,
    event.cwd && `in ${event.cwd}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return `${parts.join('  ')}  ${eventSubject(event)}${notes ? `   (${notes})` : ''}\n`;
}

export const logCommand: CliCommand = { name: 'log', summary: 'print or verify the workspace activity log', usage, run };
