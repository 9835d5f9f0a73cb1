import { UsageError } from '../io';

export interface LineArgs {
  line: string;
  json: boolean;
  cwd?: string;
}

/**
 * `[--json] [--cwd DIR] [--] LINE`: the whole command line is ONE argument, as a shell would
 * read it; everything after `--` is the line, so it may start with a dash.
 */
export function parseLineArgs(args: string[], allowJson: boolean): LineArgs {
  let json = false;
  let cwd: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--json' && allowJson) {
      json = true;
      continue;
    }
    if (arg === '--cwd') {
      if (args[i + 1] === undefined) throw new UsageError('--cwd needs a directory');
      cwd = args[++i];
      continue;
    }
    if (arg.startsWith('--cwd=')) {
      cwd = arg.slice('--cwd='.length);
      continue;
    }
    if (arg.startsWith('-') && positional.length === 0) throw new UsageError(`unknown option ${arg}`);
    positional.push(arg);
  }
  if (positional.length === 0) throw new UsageError('give the command line to check, as one argument');
  if (positional.length > 1) throw new UsageError("give the whole command line as ONE argument (quote it), e.g. -- 'rm -rf build'");
  return { line: positional[0]!, json, ...(cwd !== undefined ? { cwd } : {}) };
}
