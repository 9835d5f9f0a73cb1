import { defineRule } from '../../rule';

function flags(args: readonly string[]): Set<string> {
  return new Set(args.map((a) => a.toLowerCase()));
}

export default defineRule({
  id: 'filesystem.windows-recursive-delete',
  resource: 'a folder tree on Windows, without the Recycle Bin',
  severity: 'high',
  decision: 'ask',
  reason: 'Deletes a whole folder tree without confirmation and without the Recycle Bin.',
  suggestion: 'Remove-Item -WhatIf first, or move the folder aside.',
  keywords: ['rmdir', 'rd', 'del', 'erase', 'remove-item', 'ri', 'recurse'],
  tools: ['rmdir', 'rd', 'del', 'erase', 'remove-item', 'ri'],
  match(command) {
    const [rawTool, ...args] = command.argv;
    const tool = rawTool!.toLowerCase();
    const given = flags(args);
    if (given.has('/?') || given.has('-?')) return undefined; // help: prints usage, deletes nothing
    if (tool === 'rmdir' || tool === 'rd') {
      return given.has('/s') ? { reason: `${rawTool} /s deletes the folder and everything below it${given.has('/q') ? ', without asking' : ''}.` } : undefined;
    }
    if (tool === 'del' || tool === 'erase') {
      return given.has('/s') ? { reason: `${rawTool} /s deletes matching files in every subfolder.` } : undefined;
    }
    const recurse = [...given].some((a) => /^-rec(u(r(s(e)?)?)?)?$/.test(a) || a === '-r');
    const force = [...given].some((a) => /^-fo(r(c(e)?)?)?$/.test(a) || a === '-force');
    if (!recurse || args.some((a) => a.toLowerCase() === '-whatif')) return undefined;
    return { reason: `Remove-Item -Recurse${force ? ' -Force' : ''} deletes the folder tree${force ? ', read-only and hidden files included' : ''}.` };
  },
  examples: {
    match: [
      { line: 'rmdir /s /q C:\\project', decision: 'ask' },
      'rd /s /q build2',
      { line: 'Remove-Item -Recurse -Force .\\data', decision: 'ask' },
      { line: 'remove-item -r -fo src', decision: 'ask' },
      { line: 'del /s /q *.cs', decision: 'ask' },
    ],
    noMatch: [
      { line: 'rmdir emptydir', decision: 'allow' },
      { line: 'Remove-Item file.txt', decision: 'allow' },
      { line: 'Remove-Item -Recurse -WhatIf .\\data', decision: 'allow' },
      'del file.txt',
      { line: 'rd /?', decision: 'allow' },
      'del /s /?',
    ],
  },
});
