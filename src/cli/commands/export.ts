import { resolve } from 'node:path';
import { pendingCount, readState } from '../../core/export/queue';
import { loadExportSettings } from '../../core/export/settings';
import { drainQueue } from '../../core/export/worker';
import { logDirFor } from '../../core/log/location';
import { type CliCommand, UsageError } from '../io';

const USAGE = `Usage: airlock export status [--workspace DIR] [--json]
       airlock export flush [--workspace DIR | --log-dir DIR] [--wait]

Each logged event is also exported as an OpenTelemetry log record (OTLP over HTTP) when the
user or managed policy sets "export": { "endpoint": "http://collector:4318/v1/logs" }.
Events wait in a bounded queue beside the log and are shipped in the background, with retries.

  status   where events go, how many wait, and since when exporting fails
  flush    ship what waits now, one attempt; with --wait, keep retrying with back-off for up
           to 10 minutes (what the detached worker a hook starts does)`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'show or drain the OpenTelemetry export queue',
  usage: USAGE,
  async run(args, io) {
    const [sub, ...rest] = args;
    let logDir: string | undefined;
    let json = false;
    let wait = false;
    for (let i = 0; i < rest.length; i++) {
      const a = rest[i]!;
      const value = () => {
        const v = rest[++i];
        if (!v) throw new UsageError(`${a} needs a directory`);
        return resolve(io.cwd, v);
      };
      if (a === '--log-dir') logDir = value();
      else if (a === '--workspace') logDir = logDirFor(value(), io.env);
      else if (a === '--json') json = true;
      else if (a === '--wait') wait = true;
      else throw new UsageError(`unknown option '${a.slice(0, 40)}'`);
    }
    logDir ??= logDirFor(io.cwd, io.env);
    if (sub === 'flush') {
      const result = await drainQueue(logDir, { env: io.env, maxRunMs: wait ? undefined : 0 });
      if ('off' in result) {
        io.stdout('export is off: no endpoint in the user or managed policy\n');
        return 0;
      }
      io.stdout(`${result.shipped} shipped, ${result.pending} waiting${result.error ? `; failing: ${result.error}` : ''}\n`);
      return result.error ? 1 : 0;
    }
    if (sub === 'status') {
      const settings = loadExportSettings(io.env);
      const state = readState(logDir);
      const report = {
        endpoint: settings?.enabled === false ? null : (settings?.endpoint ?? null),
        protocol: settings?.protocol ?? 'http/protobuf',
        locked: !!settings?.locked,
        pending: pendingCount(logDir),
        exported: state.exported ?? 0,
        lastSuccessAt: state.lastSuccessAt ?? null,
        failingSince: state.failingSince ?? null,
        lastError: state.lastError ?? null,
      };
      if (json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else
        io.stdout(
          [
            `export: ${report.endpoint ? `${report.endpoint} (${report.protocol}${report.locked ? ', set by the managed policy' : ''})` : 'off'}`,
            `waiting: ${report.pending}; exported: ${report.exported}${report.lastSuccessAt ? `, last at ${report.lastSuccessAt}` : ''}`,
            ...(report.failingSince ? [`export failing since ${report.failingSince}: ${report.lastError ?? 'unknown error'}`] : []),
          ].join('\n') + '\n',
        );
      return report.failingSince ? 1 : 0;
    }
    throw new UsageError(sub ? `unknown subcommand '${sub.slice(0, 40)}'` : 'say `airlock export status` or `airlock export flush`');
  },
};
