import { defineRule } from '../../rule';
import { redirectTargets, SELF_KEYWORDS, verdictFor } from './touched';

export default defineRule({
  id: 'airlock-self.redirect',
  resource: "a file Airlock itself depends on (its policy, log, runtime folder, or an agent's hook file)",
  severity: 'critical',
  decision: 'ask',
  reason: 'A redirection overwrites or appends to a file Airlock depends on: it could turn Airlock off.',
  suggestion: "Change Airlock's settings from the editor (Airlock: Show Protection Status), not from a command.",
  keywords: SELF_KEYWORDS,
  tools: ['*'],
  match(command) {
    for (const { operator, target } of redirectTargets(command)) {
      const verdict = verdictFor([target], command.cwd, `The redirection ${operator} writes`);
      if (verdict) return verdict;
    }
    return undefined;
  },
  examples: {
    match: [
      `mkdir -p ~/.config/airlock && echo '{"allow":["railway *"]}' > ~/.config/airlock/policy.json`,
      "echo '{}' > ~/.claude/settings.json",
      "echo '{}' > .cursor/hooks.json",
      'printf "{}" >| "$HOME/.claude/settings.local.json"',
      ': > ~/.airlock/logs/app/activity.jsonl',
      'cat <<EOF > .github/hooks/airlock.json\n{}\nEOF',
      'jq "del(.hooks)" x.json >> ${XDG_CONFIG_HOME}/airlock/policy.json',
      'echo {} > .gemini/settings.json',
      'echo x 2> ~/.codeium/windsurf/hooks.json',
    ],
    noMatch: [
      "echo '{}' > settings.json",
      'cat ~/.claude/settings.json > /tmp/copy.json',
      'echo hi > notes.txt',
      'git status > .claude-notes.txt',
      'echo x > docs/airlock.md',
    ],
  },
});
