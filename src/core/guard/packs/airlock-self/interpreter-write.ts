import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, interpreterProgram } from '../../../code/inline';
import { airlockFileKind, SELF_PROTECTION_REASON } from '../../../protection/airlock-files';
import type { SimpleCommand } from '../../../shell/command';
import type { RuleContext } from '../../rule';
import { defineRule } from '../../rule';
import { scriptEntry } from '../interpreters/script-entry';

/**
 * Calls that write, move or delete files, in the languages Airlock reads. A program that names
 * one of Airlock's files and makes any of these calls is asked about; one that only reads is not.
 */
const WRITE_CALLS =
  /\b(writeFile(Sync)?|appendFile(Sync)?|createWriteStream|rename(Sync)?|unlink(Sync)?|rm(Sync)?|rmdir(Sync)?|truncate(Sync)?|copyFile(Sync)?|cp(Sync)?|symlink(Sync)?|outputFile(Sync)?|outputJson(Sync)?|writeJson(Sync)?|write_text|write_bytes|shutil\.(copy\w*|move|rmtree)|os\.(remove|unlink|rename|replace|truncate|symlink)|Path\([^)\n]{0,300}\)\.(unlink|rename|replace|touch)|File\.(write|delete|unlink|rename|open)|FileUtils\.\w+|IO\.write|file_put_contents|fopen|fwrite|copy|io\.open|Deno\.(writeTextFile|writeFile|remove|rename|truncate)|Bun\.write|open\s*\([^)\n]{0,300}['"][wax+]|open\s*\(\s*(my\s+)?\$?\w+\s*,\s*['"]?[>+])|,\s*['"][wax]\+?b?['"]\s*\)/;
/** Quoted strings in the program: the candidates for a path. */
const STRINGS = /(['"`])((?:(?!\1)[^\\\n]|\\.){1,300})\1/g;

function programText(command: SimpleCommand, context: RuleContext): string | undefined {
  const program = interpreterProgram(command.argv, command.stdin !== undefined);
  if (!program) return undefined;
  if (program.code !== undefined) return program.code;
  if (program.scriptPath !== undefined) return context.readFile(scriptEntry(program, program.scriptPath, command.cwd), command.cwd);
  if (command.stdin?.kind === 'text') return command.stdin.text;
  if (command.stdin?.kind === 'file') return context.readFile(command.stdin.path, command.cwd);
  return undefined;
}

export default defineRule({
  id: 'airlock-self.interpreter-write',
  resource: "a file Airlock itself depends on (its policy, log, runtime folder, or an agent's hook file)",
  severity: 'critical',
  decision: 'ask',
  reason: 'A program writes, moves or deletes a file Airlock depends on: it could turn Airlock off.',
  suggestion: "Change Airlock's settings from the editor (Airlock: Show Protection Status), not from a program.",
  keywords: INTERPRETER_KEYWORDS,
  tools: INTERPRETER_TOOLS,
  match(command, context) {
    const text = programText(command, context);
    if (!text || !WRITE_CALLS.test(text)) return undefined;
    for (const [, , literal] of text.matchAll(STRINGS)) {
      const path = literal!.replace(/^(os\.path\.expanduser\()?/, '');
      if (!/[/\\]|\.json$/.test(path)) continue;
      // `homedir() + '/.claude/…'`, `os.homedir() + "/.config/airlock"`: a literal that continues the home folder.
      const kind = airlockFileKind(path, command.cwd) ?? (path.startsWith('/.') ? airlockFileKind(`~${path}`, command.cwd) : undefined);
      if (kind) return { reason: `The program writes, moves or deletes ${path}, ${kind}. ${SELF_PROTECTION_REASON}`, resource: kind };
    }
    return undefined;
  },
  examples: {
    match: [
      `python3 -c "import os; open(os.path.expanduser('~/.claude/settings.json'), 'w').write('{}')"`,
      `node -e "require('fs').writeFileSync('.cursor/hooks.json', '{}')"`,
      `node -e "require('fs').rmSync(require('os').homedir() + '/.config/airlock', {recursive: true})"`,
      `ruby -e "File.write('.claude/settings.local.json', '{}')"`,
      `python3 - <<'EOF'\nimport pathlib\npathlib.Path('.gemini/settings.json').write_text('{}')\nEOF`,
    ],
    noMatch: [
      `python3 -c "import json; print(json.load(open('.claude/settings.json')))"`,
      `node -e "require('fs').writeFileSync('out.json', '{}')"`,
      `node -e "console.log(require('fs').readFileSync('.cursor/hooks.json', 'utf8'))"`,
    ],
  },
});
