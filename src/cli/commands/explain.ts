import { resolve } from 'node:path';
import { explainCommand } from '../../core/guard/engine';
import { loadPolicy } from '../../core/policy/load';
import { redactText } from '../../core/redact';
import type { CliCommand } from '../io';
import { CHECK_EXIT } from './check';
import { parseLineArgs } from './check-args';

export const explainCommandCli: CliCommand = {
  name: 'explain',
  summary: 'show how Airlock reads a command line and which rules it consults',
  usage: [
    "Usage: airlock explain [--cwd DIR] [--] '<command line>'",
    '',
    'Shows the parse, each unwrapping step (sudo, bash -c, npx, xargs...), every simple command',
    'found, and for each the rules consulted and why each matched or not. Exit status as for check.',
  ].join('\n'),
  async run(args, io) {
    const { line, cwd: given } = parseLineArgs(args, false);
    const cwd = resolve(io.cwd, given ?? '.');
    const policy = loadPolicy({ cwd, env: io.env });
    const explanation = await explainCommand(line, { cwd, policy });
    const out: string[] = [];
    out.push(`Line: ${redactText(line).slice(0, 2000)}`);
    out.push(`Directory: ${cwd}`);
    if (!explanation.parsed) {
      out.push('', 'Fast path: no word on this line can bring a rule into play, so it was not parsed.');
    } else if (explanation.syntaxTree) {
      out.push('', 'Parse (tree-sitter-bash):', `  ${redactText(explanation.syntaxTree).slice(0, 4000)}`);
    }
    if (explanation.steps.length) {
      out.push('', 'Unwrapping:');
      for (const step of explanation.steps) out.push(`  ${redactText(step)}`);
    }
    if (explanation.commands.length) out.push('', 'Commands it would run:');
    for (const { command, skipped, consulted } of explanation.commands) {
      out.push(`  ${redactText(command.argv.join(' ')).slice(0, 300)}`);
      out.push(
        `      cwd ${command.cwd}${command.via.length ? `, reached via ${command.via.join(' → ')}` : ''}${command.stdin ? `, stdin: ${command.stdin.kind === 'text' ? `${command.stdin.from} text` : command.stdin.kind === 'file' ? `file ${command.stdin.path}` : `piped from ${redactText(command.stdin.from)}`}` : ''}${command.unresolved ? ', some words only known at run time' : ''}`,
      );
      if (skipped) {
        out.push(`      not checked: ${skipped}`);
        continue;
      }
      if (consulted.length === 0) out.push('      no rule looks at this tool');
      for (const c of consulted) out.push(`      ${c.matched ? 'MATCH' : 'no   '} ${c.rule}: ${redactText(c.detail)}`);
    }
    out.push('', `${explanation.notConsulted} other rules were not consulted: they look at tools this line does not run.`);
    const result = explanation.result;
    out.push('', `Decision: ${result.decision.toUpperCase()}`);
    for (const f of result.findings) out.push(`  ${f.rule}: ${redactText(f.reason)}`);
    for (const note of result.notes ?? []) out.push(`  note: ${note}`);
    io.stdout(`${out.join('\n')}\n`);
    return CHECK_EXIT[result.decision];
  },
};
