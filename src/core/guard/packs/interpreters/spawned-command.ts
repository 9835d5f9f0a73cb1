import { defineRule } from '../../rule';
import { INTERPRETER_KEYWORDS, INTERPRETER_TOOLS, isDynamic, programOf, relayed } from './program';

/** Each spawned command is a nested check; past this many, ask instead of checking them all. */
const MAX_CHECKED = 32;

export default defineRule({
  id: 'interpreters.spawned-command',
  resource: 'whatever the spawned command destroys',
  severity: 'high',
  decision: 'ask',
  reason: 'The program runs a command that Airlock guards.',
  keywords: INTERPRETER_KEYWORDS,
  tools: INTERPRETER_TOOLS,
  match: (command, context) => {
    const program = programOf(command, context);
    const spawns = (program?.effects?.spawns ?? []).filter((x) => !(program!.fromFile && isDynamic(x.line ?? x.argv!.join(' '))));
    if (spawns.length > MAX_CHECKED)
      return { reason: `The program runs ${spawns.length} commands; Airlock checks at most ${MAX_CHECKED} and does not guess about the rest.` };
    for (const spawn of spawns) {
      const findings = spawn.argv ? context.checkArgv(spawn.argv, command.cwd) : context.checkLine(spawn.line ?? '', command.cwd);
      const shown = spawn.argv ? spawn.argv.join(' ') : spawn.line;
      const verdict = relayed(findings, `${spawn.call} runs \`${shown}\``, isDynamic(shown));
      if (verdict) return verdict;
    }
    return undefined;
  },
  examples: {
    match: [
      `python -c "import subprocess; subprocess.run(['railway', 'volume', 'delete', 'vol-1'])"`,
      `python -c "import os; os.system('rm -rf /')"`,
      `node -e "require('child_process').execSync('terraform destroy -auto-approve')"`,
      "ruby -e '`rm -rf /home/user`'",
      `perl -e "system('rm -rf /home/user')"`,
      `php -r "shell_exec('git push --force origin main');"`,
      `python3 -c "cmd = 'railway volume delete vol-1'; import os; os.system(cmd)"`,
    ],
    noMatch: [
      `python -c "import subprocess; subprocess.run(['git', 'status'])"`,
      `node -e "require('child_process').execSync('ls -la')"`,
      `python -c "print('os.system(rm -rf /)')"`,
      `node -e "/rm -rf/.exec('rm -rf /')"`,
    ],
  },
});
