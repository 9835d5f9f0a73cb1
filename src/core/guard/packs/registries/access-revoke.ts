import { defineRule } from '../../rule';
import { REGISTRY_TOOLS, registryWords } from './shape';

const REMOVE = ['rm', 'remove', 'delete', 'revoke', 'destroy'];

/** `[group, verbs, what goes]`: registry commands that take access away from people, teams or tokens. */
const COMMANDS: ReadonlyArray<readonly [string, readonly string[], string]> = [
  ['token', ['revoke', 'rm', 'delete', 'remove'], 'an access token: every CI job and deploy that uses it stops publishing'],
  ['access', ['revoke'], "a team's access to a package"],
  ['owner', ['rm', 'remove'], 'an owner of a package: they can no longer publish or manage it'],
  ['org', ['rm', 'remove'], 'a member of an organisation, with every package and team access they had'],
  ['team', ['rm', 'remove', 'destroy'], 'a team member, or (destroy) the whole team and its package access'],
];

/** Revoking registry access: people, teams or tokens lose publish rights, and CI with them. */
export default defineRule({
  id: 'registries.access-revoke',
  resource: 'access to packages on the registry: a token, an owner, an organisation or team member',
  severity: 'high',
  decision: 'ask',
  reason:
    'Takes access away on the package registry (a token, an owner, an organisation or team member, a whole team): publishing and CI that rely on it stop working, and it cannot be undone from here.',
  suggestion: 'Check who and what uses it first (`npm token list`, `npm owner ls`, `npm team ls`).',
  // The groups, one of which every match names (`remove` alone is everyday: `yarn remove`, `poetry remove`).
  keywords: ['token', 'access', 'owner', 'org', 'team'],
  tools: REGISTRY_TOOLS.filter((t) => t !== 'cargo' && t !== 'gem'),
  match(command) {
    for (const words of registryWords(command)) {
      const found = COMMANDS.find(([group, verbs]) => words[0] === group && verbs.includes(words[1] ?? ''));
      if (found && REMOVE.includes(words[1]!)) return { reason: `${command.argv[0]} ${words.slice(0, 2).join(' ')} removes ${found[2]}.` };
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'npm token revoke 3f2a9c', decision: 'ask' },
      'npm access revoke @acme:devs @acme/ui',
      'npm owner rm bob my-pkg',
      'npm org rm acme bob',
      'npm team rm acme:devs bob',
      { line: 'npm team destroy acme:devs', decision: 'ask' },
      'pnpm owner remove bob my-pkg',
      'yarn npm token revoke 3f2a9c',
    ],
    noMatch: [
      { line: 'npm token list', decision: 'allow' },
      { line: 'npm owner ls my-pkg', decision: 'allow' },
      'npm owner add alice my-pkg',
      'npm team ls acme',
      'npm access list packages',
      'npm org set acme bob developer',
    ],
  },
});
