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
    match: ['rmdir /s /q C:\\project', 'rd /s /q build2', 'Remove-Item -Recurse -Force .\\data', 'remove-item -r -fo src', 'del /s /q *.cs'],
    noMatch: ['rmdir emptydir', 'Remove-Item file.txt', 'Remove-Item -Recurse -WhatIf .\\data', 'del file.txt'],
  },
});
